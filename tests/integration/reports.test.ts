import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoAuditLog, DynamoReportStore } from '@mekendesh/db';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';
import { approvedOfficer } from '../fixtures/proposals.js';

let s: MoneyStack;
let officer: { organisationId: string; token: string };
let other: { organisationId: string; token: string };
beforeAll(async () => {
  s = await moneyStack(1);
  officer = await approvedOfficer(s.app, s.staff, 'rep-officer');
  other = await approvedOfficer(s.app, s.staff, 'rep-other');
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

/** A funded project of the officer's organisation with two milestones, the first due long ago (late), the second next year. */
async function fundedProject(): Promise<string> {
  const project = await s.project({
    organisationId: officer.organisationId,
    goal: 100_000,
    milestones: [
      { id: 'm1', title: { en: 'Materials' }, dueDate: '2025-01-10', tranche: 50_000 },
      { id: 'm2', title: { en: 'Works' }, dueDate: `${Number(today().slice(0, 4)) + 1}-06-01`, tranche: 50_000 },
    ],
  });
  await pledge(s.app, s.investors[0]!, project.id, donation(100_000));
  const moved = await call(s.app, s.staff, 'POST', `/projects/${project.id}/status`, { to: 'funded', reason: 'goal pledged' });
  expect(moved.status).toBe(200);
  return project.id;
}

const report = (milestoneId: string) => ({ milestoneId, text: { en: '**Walls** are up. <script>x</script>' } });

describe('progress reports', () => {
  it('are posted by the project’s officers, shown to the public, and end the late flag and queue entry of their milestone', async () => {
    const id = await fundedProject();
    let progress = await (await call(s.app, undefined, 'GET', `/projects/${id}/progress`)).json();
    expect(progress.late.map((l: { milestoneId: string }) => l.milestoneId)).toEqual(['m1']);
    const queue = async () =>
      (await (await call(s.app, s.staff, 'GET', '/staff/late-reports?limit=50')).json()).items.filter(
        (i: { projectId: string }) => i.projectId === id,
      );
    expect(await queue()).toEqual([
      expect.objectContaining({
        milestoneId: 'm1',
        dueDate: '2025-01-10',
        milestoneTitle: { en: 'Materials' },
        organisationId: officer.organisationId,
        projectTitle: expect.objectContaining({}),
      }),
    ]);
    expect((await queue())[0].daysLate).toBeGreaterThan(14);

    const res = await call(s.app, officer.token, 'POST', `/projects/${id}/reports`, report('m1'));
    expect(res.status).toBe(201);
    const posted = await res.json();
    expect(posted).toMatchObject({ milestoneId: 'm1', status: 'posted', version: 1, photos: [] });

    progress = await (await call(s.app, undefined, 'GET', `/projects/${id}/progress`)).json();
    expect(progress.reports.map((r: { id: string }) => r.id)).toEqual([posted.id]);
    expect(progress.late).toEqual([]);
    expect(await queue()).toEqual([]);
    const audit = await new DynamoAuditLog(s.db).list({ limit: 20 });
    expect(audit.items.some((e) => e.action === 'report.post' && e.objectId === posted.id)).toBe(true);
  });

  it('are refused to other organisations, investors and bad input, naming the field', async () => {
    const id = await fundedProject();
    expect((await call(s.app, undefined, 'POST', `/projects/${id}/reports`, report('m1'))).status).toBe(401);
    expect((await call(s.app, other.token, 'POST', `/projects/${id}/reports`, report('m1'))).status).toBe(403);
    expect((await call(s.app, s.investors[0]!, 'POST', `/projects/${id}/reports`, report('m1'))).status).toBe(403);
    const field = async (body: unknown) => {
      const res = await call(s.app, officer.token, 'POST', `/projects/${id}/reports`, body);
      expect(res.status).toBe(400);
      return (await res.json()).errors.map((e: { field: string }) => e.field);
    };
    expect(await field(report('m9'))).toEqual(['milestoneId']);
    expect(await field({ milestoneId: 'm1', text: {} })).toEqual(['text']);
    expect(await field({ ...report('m1'), photoKeys: ['01jabcdefghjkmnpqrstvwxyz0.jpg'] })).toEqual(['photoKeys']);
    expect(await field({ ...report('m1'), status: 'posted' })).toContain('status');
    expect((await new DynamoReportStore(s.db).reports({ projectId: id, limit: 10 })).items).toEqual([]);
  });

  it('go back for correction by staff and are posted again by the officer’s edit (version checked)', async () => {
    const id = await fundedProject();
    const posted = await (await call(s.app, officer.token, 'POST', `/projects/${id}/reports`, report('m1'))).json();
    const ask = { reason: 'Add a photo of the walls', version: 1 };
    expect((await call(s.app, officer.token, 'POST', `/projects/${id}/reports/${posted.id}/correction`, ask)).status).toBe(403);
    const sent = await call(s.app, s.staff, 'POST', `/projects/${id}/reports/${posted.id}/correction`, ask);
    expect(sent.status).toBe(200);
    expect(await sent.json()).toMatchObject({ status: 'correction_requested', correctionReason: 'Add a photo of the walls', version: 2 });

    const stale = await call(s.app, officer.token, 'PUT', `/projects/${id}/reports/${posted.id}`, { text: { en: 'Fixed' }, version: 1 });
    expect(stale.status).toBe(409);
    const edited = await call(s.app, officer.token, 'PUT', `/projects/${id}/reports/${posted.id}`, { text: { en: 'Fixed' }, version: 2 });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ status: 'posted', correctionReason: null, version: 3, text: { en: 'Fixed' } });
  });

  it('are needed for every milestone before the officer completes the project', async () => {
    const id = await fundedProject();
    const move = (to: string) => call(s.app, officer.token, 'POST', `/projects/${id}/status`, { to, reason: 'work moves on' });
    expect((await move('in_progress')).status).toBe(200);
    await call(s.app, officer.token, 'POST', `/projects/${id}/reports`, report('m1'));
    const refused = await move('completed');
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toContain('Works');
    await call(s.app, officer.token, 'POST', `/projects/${id}/reports`, report('m2'));
    expect((await move('completed')).status).toBe(200);
    const actions = (await new DynamoAuditLog(s.db).list({ limit: 50 })).items.filter((e) => e.objectId === id).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['project.start', 'project.complete']));
  });

  it('leave the late queue when staff cancel the project after funding (its due markers go)', async () => {
    const id = await fundedProject();
    const inQueue = async () =>
      (await new DynamoReportStore(s.db).dueBefore({ before: '2999-01-01', limit: 50 })).items.filter((d) => d.projectId === id);
    expect((await inQueue()).map((d) => d.milestoneId).sort()).toEqual(['m1', 'm2']);
    const cancelled = await call(s.app, s.staff, 'POST', `/projects/${id}/status`, { to: 'cancelled', reason: 'the village withdrew' });
    expect(cancelled.status).toBe(200);
    expect(await inQueue()).toEqual([]);
    const queue = (await (await call(s.app, s.staff, 'GET', '/staff/late-reports?limit=50')).json()).items;
    expect(queue.filter((i: { projectId: string }) => i.projectId === id)).toEqual([]);
  });

  it('of a project that is not public are not shown', async () => {
    const draft = await s.project({ organisationId: officer.organisationId, status: 'draft' });
    expect((await call(s.app, undefined, 'GET', `/projects/${draft.id}/progress`)).status).toBe(404);
  });
});
