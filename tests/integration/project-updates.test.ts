/**
 * Issue 13's notices to funders on DynamoDB Local: when a funded project posts a progress report or records a
 * disbursement, each investor who funded it gets one `project_update` email in their own language (ky, ru); one who
 * turned the kind off gets none; a retried notice (same about-id) and a second pledge of the same person send nothing more.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, OutboxMessage } from '@mekendesh/contracts';
import { notifyProjectUpdate } from '@mekendesh/domain';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';
import { approvedOfficer } from '../fixtures/proposals.js';

let s: MoneyStack;
let officer: { organisationId: string; token: string };
const emails: string[] = [];
beforeAll(async () => {
  s = await moneyStack(3);
  officer = await approvedOfficer(s.app, s.staff, 'upd-officer');
  const locales: Locale[] = ['ky', 'ru', 'en'];
  for (const [i, token] of s.investors.entries()) {
    const me = await (await call(s.app, token, 'GET', '/me')).json();
    emails.push(me.email);
    expect((await call(s.app, token, 'PUT', '/me/profile', { ...me.profile, locale: locales[i] })).status).toBe(200);
  }
  // The third investor (en) has turned project updates off.
  expect((await call(s.app, s.investors[2]!, 'PUT', '/me/notifications', { off: ['project_update'] })).status).toBe(200);
}, 120_000);
afterAll(() => s?.drop());
afterEach(() => s.balanced());

const outbox = async (): Promise<OutboxMessage[]> => s.deps.outbox!.latest(200);
/** The project_update mails of a project (its pledge confirmations and funded notice carry the title too). */
const UPDATE = /отчет жарыялады|акча жумшалганын|опубликовал отчёт|записал расход|posted a progress report|recorded spending/;
const mailsAbout = async (title: string) => (await outbox()).filter((m) => m.subject.includes(title) && UPDATE.test(m.subject));

/** A project of the officer's, funded by all three investors (the ky one pledges twice), moved to funded by staff. */
async function fundedBy(title: string): Promise<string> {
  const project = await s.project({
    organisationId: officer.organisationId,
    title: { ky: `${title} ky`, ru: `${title} ru`, en: `${title} en` },
    goal: 900_000,
    milestones: [{ id: 'm1', title: { en: 'Roof' }, dueDate: '2030-01-10', tranche: 900_000 }],
  });
  for (const [i, token] of [...s.investors, s.investors[0]!].entries()) {
    const res = await pledge(s.app, token, project.id, donation(i === 3 ? 100_000 : 300_000));
    expect(res.status, await res.clone().text()).toBe(201);
  }
  expect((await call(s.app, s.staff, 'POST', `/projects/${project.id}/status`, { to: 'funded', reason: 'goal pledged' })).status).toBe(200);
  return project.id;
}

describe('project_update notices', () => {
  it('reach each funder once in their language when a report is posted, none to the one who turned them off', async () => {
    const id = await fundedBy('Upd-report');
    const res = await call(s.app, officer.token, 'POST', `/projects/${id}/reports`, { milestoneId: 'm1', text: { en: 'The roof is on.' } });
    expect(res.status).toBe(201);
    const reportId = (await res.json()).id as string;
    const mails = await mailsAbout('Upd-report');
    expect(mails.map((m) => m.to).sort()).toEqual([emails[0], emails[1]].sort());
    const ky = mails.find((m) => m.to === emails[0])!;
    const ru = mails.find((m) => m.to === emails[1])!;
    expect(ky.subject).toBe('Мекендеш: «Upd-report ky» долбоору иштин жүрүшү тууралуу отчет жарыялады');
    expect(ru.subject).toBe('Мекендеш: проект «Upd-report ru» опубликовал отчёт о ходе работ');
    expect(ky.text).toContain(`/ky/projects/${id}#progress`);
    expect(ru.text).toContain(`/ru/projects/${id}#progress`);

    // A retry of the same notice (as after a crash between the commit and the mail) sends nothing more.
    const project = (await s.deps.projects.get(id))!;
    await notifyProjectUpdate(s.deps.reports, project, {
      about: `report-${reportId}`,
      what: 'report',
      milestone: { en: 'Roof' },
      text: { en: 'The roof is on.' },
    });
    expect((await mailsAbout('Upd-report')).length).toBe(2);
  });

  it('reach the funders when spending is recorded, one per disbursement', async () => {
    const id = await fundedBy('Upd-spend');
    // Pledged money is not yet held: staff record co-funding so the project has money to spend.
    const cofunding = { funder: 'municipality', amountKgs: 500_000, receivedOn: today(), note: null };
    expect((await call(s.app, s.staff, 'POST', `/staff/projects/${id}/cofunding`, cofunding)).status).toBe(201);
    const spend = { amountKgs: 200_000, paidOn: today(), purpose: 'Roof sheets' };
    expect((await call(s.app, officer.token, 'POST', `/projects/${id}/disbursements`, spend)).status).toBe(201);
    const mails = await mailsAbout('Upd-spend');
    expect(mails.map((m) => m.subject).sort()).toEqual(
      ['Мекендеш: «Upd-spend ky» долбоору акча жумшалганын жазды', 'Мекендеш: проект «Upd-spend ru» записал расход средств'].sort(),
    );
    expect((await call(s.app, officer.token, 'POST', `/projects/${id}/disbursements`, spend)).status).toBe(201);
    expect((await mailsAbout('Upd-spend')).length).toBe(4);
  });
});
