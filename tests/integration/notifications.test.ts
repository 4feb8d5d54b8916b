/**
 * Issue 12's notification core on DynamoDB Local: every notice's email carries the footer and the RFC 8058 headers in
 * the reader's language; the one-click POST (exact RFC 8058 body) stops that kind only and repeats harmlessly; a forged
 * token changes nothing; preferences round-trip; the investors' transactional emails reach the outbox once each even
 * when the booking is retried.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locale, OutboxMessage } from '@mekendesh/contracts';
import { runDeadlineJob, unsubscribeToken } from '@mekendesh/domain';
import { deadlineJob } from '@mekendesh/jobs/deadlines';
import { call, donation, moneyStack, pledge, programmeBody, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
const ids: string[] = [];
beforeAll(async () => {
  s = await moneyStack(3);
  for (const token of s.investors) ids.push((await (await call(s.app, token, 'GET', '/me')).json()).id);
}, 120_000);
afterAll(async () => s?.drop());
afterEach(() => s.balanced());

async function setLocale(token: string, locale: Locale) {
  const me = await (await call(s.app, token, 'GET', '/me')).json();
  expect((await call(s.app, token, 'PUT', '/me/profile', { ...me.profile, locale })).status).toBe(200);
}

const outbox = async (): Promise<OutboxMessage[]> => s.deps.outbox!.latest(200);
const mailsWith = async (needle: string) => (await outbox()).filter((m) => m.subject.includes(needle) || m.text.includes(needle));
const notice = (userId: string, about: string, kind: 'digest' | 'refund' = 'digest') => ({
  kind,
  userId,
  about,
  message: (l: Locale) => ({ subject: `Test ${about} ${l}`, text: `Body ${about}` }),
});
/** The List-Unsubscribe header's URL as a path of this app (the API origin differs locally). */
const oneClickPath = (m: OutboxMessage) => new URL(m.headers!['List-Unsubscribe']!.slice(1, -1)).pathname;
const oneClick = (path: string, body = 'List-Unsubscribe=One-Click') =>
  s.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
const prefs = async (token: string) =>
  Object.fromEntries(
    ((await (await call(s.app, token, 'GET', '/me/notifications')).json()).kinds as { kind: string; on: boolean }[]).map((k) => [
      k.kind,
      k.on,
    ]),
  );

describe('a notice email', () => {
  it('carries the footer in the reader language and both RFC 8058 headers, in ky, ru and en', async () => {
    const locales: Locale[] = ['ky', 'ru', 'en'];
    await Promise.all(locales.map((l, i) => setLocale(s.investors[i]!, l)));
    expect(await Promise.all(ids.map((id) => s.deps.notifier.notify(notice(id, 'footer-1'))))).toEqual(['sent', 'sent', 'sent']);
    const footers = { ky: 'Мындай каттарды токтотуу:', ru: 'Отписаться от таких писем:', en: 'Stop these emails:' };
    for (const [i, l] of locales.entries()) {
      const [m] = (await mailsWith('footer-1')).filter((x) => x.subject.endsWith(` ${l}`));
      const token = unsubscribeToken(s.deps.unsubscribeKey, { userId: ids[i]!, kind: 'digest' });
      expect(m!.text).toContain(`${footers[l]} http://localhost:5173/${l}/unsubscribe?t=${token}`);
      expect(m!.text).toContain(`http://localhost:5173/${l}/account/notifications`);
      expect(m!.headers).toEqual({
        'List-Unsubscribe': `<http://localhost:8787/v1/unsubscribe/${token}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      });
    }
    await setLocale(s.investors[0]!, 'en');
    await setLocale(s.investors[1]!, 'en');
  });
});

describe('one-click unsubscribe', () => {
  it('stops that kind only, and a second POST is harmless', async () => {
    expect(await s.deps.notifier.notify(notice(ids[0]!, 'u-1'))).toBe('sent');
    const [mail] = await mailsWith('Test u-1');
    const path = oneClickPath(mail!);
    const first = await oneClick(path);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ kind: 'digest', on: false });
    expect((await oneClick(path)).status).toBe(200);
    expect(await prefs(s.investors[0]!)).toMatchObject({ digest: false, refund: true, payment_received: true });
    expect(await s.deps.notifier.notify(notice(ids[0]!, 'u-2'))).toBe('off');
    expect(await s.deps.notifier.notify(notice(ids[0]!, 'u-3', 'refund'))).toBe('sent');
    expect(await mailsWith('Test u-2')).toEqual([]);
    // The web page reads what a link would stop without stopping it (a GET changes nothing).
    const token = path.split('/').pop()!;
    expect(await (await call(s.app, undefined, 'GET', `/unsubscribe/${token}`)).json()).toEqual({ kind: 'digest', on: false });
  });

  it('refuses a forged token, a wrong body and a malformed token, changing nothing', async () => {
    const token = unsubscribeToken(s.deps.unsubscribeKey, { userId: ids[1]!, kind: 'refund' });
    const forged = `${ids[2]}.refund.${token.split('.')[2]}`;
    const refused = await oneClick(`/v1/unsubscribe/${forged}`);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect((await oneClick(`/v1/unsubscribe/${token}`, 'List-Unsubscribe=Nope')).status).toBe(400);
    expect((await oneClick('/v1/unsubscribe/not-a-token')).status).toBe(400);
    expect((await call(s.app, undefined, 'GET', `/unsubscribe/${forged}`)).status).toBe(404);
    expect(await prefs(s.investors[2]!)).toMatchObject({ refund: true });
    expect(await prefs(s.investors[1]!)).toMatchObject({ refund: true });
  });
});

describe('preferences', () => {
  it('round-trip, hide officer kinds from investors, and refuse an unknown kind naming the field', async () => {
    const token = s.investors[2]!;
    const put = await call(s.app, token, 'PUT', '/me/notifications', { off: ['home_project', 'answer'] });
    expect(put.status).toBe(200);
    const kinds = (await put.json()).kinds as { kind: string; on: boolean }[];
    expect(kinds.map((k) => k.kind)).not.toContain('staff_decision');
    expect(kinds.filter((k) => !k.on).map((k) => k.kind)).toEqual(['home_project', 'answer']);
    const bad = await call(s.app, token, 'PUT', '/me/notifications', { off: ['digest', 'nonsense'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify((await bad.json()).errors)).toContain('off.1');
    expect(await prefs(token)).toMatchObject({ home_project: false, answer: false, digest: true });
    expect((await call(s.app, token, 'PUT', '/me/notifications', { off: [] })).status).toBe(200);
    expect(Object.values(await prefs(token)).every(Boolean)).toBe(true);
  });
});

describe('transactional emails reach the outbox once', () => {
  it('payment received and match added, once each when the booking is retried; funded once to each supporter', async () => {
    await call(s.app, s.staff, 'POST', '/programmes', programmeBody({ oblastSoates: ['41704000000000'] }));
    const project = await s.project({ goal: 100_000, oblastSoate: '41704000000000', rayonSoate: null });
    const p = await (await pledge(s.app, s.investors[1]!, project.id, donation(100_000))).json();
    const book = () =>
      call(s.app, s.staff, 'POST', `/pledges/${p.id}/receipts`, { amount: p.amount, receivedOn: today(), bankReference: 'TX-NOTE-1' });
    expect((await book()).status).toBe(201);
    expect((await book()).status).toBe(409);
    const title = project.title.en!;
    // The pledge email keeps its one-transaction design and gains the same footer and headers, kind 'pledge_received'.
    const [pledgeMail] = await mailsWith(p.paymentReference);
    expect(pledgeMail!.headers!['List-Unsubscribe']).toContain(`/v1/unsubscribe/${ids[1]}.pledge_received.`);
    expect(pledgeMail!.text).toContain('/en/account/notifications');
    expect((await mailsWith(`your payment for "${title}"`)).map((m) => m.to)).toHaveLength(1);
    const matched = await mailsWith(`co-financing was added to your gift to "${title}"`);
    expect(matched).toHaveLength(1);
    expect(matched[0]!.text).toContain('1,000');
    expect(matched[0]!.headers!['List-Unsubscribe']).toContain('.match_added.');

    const funded = { to: 'funded', reason: 'The goal is covered' };
    expect((await call(s.app, s.staff, 'POST', `/projects/${project.id}/status`, funded)).status).toBe(200);
    expect(await mailsWith(`"${title}" is funded`)).toHaveLength(1);
  });

  it('a refund for an expired project, once however often the job runs', async () => {
    const project = await s.project({ fundingModel: 'all_or_nothing', oblastSoate: '41707000000000', rayonSoate: null });
    const p = await (await pledge(s.app, s.investors[0]!, project.id, donation(50_000))).json();
    const booked = await call(s.app, s.staff, 'POST', `/pledges/${p.id}/receipts`, {
      amount: p.amount,
      receivedOn: today(),
      bankReference: 'TX-NOTE-2',
    });
    expect(booked.status).toBe(201);
    const stored = (await s.deps.projectDeps.projects.get(project.id))!;
    await s.deps.projectDeps.projects.save({ ...stored, deadline: '2026-01-02', version: stored.version + 1 }, stored);
    await runDeadlineJob({ projects: s.deps.projectDeps, money: s.deps.money });
    await runDeadlineJob({ projects: s.deps.projectDeps, money: s.deps.money });
    const refunds = await mailsWith(`a refund for "${project.title.en}"`);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.text).toContain('500');
  });

  it('funded by the deadline job, once to each supporter however often it runs, with links the API accepts', async () => {
    const project = await s.project({ goal: 100_000, oblastSoate: '41708000000000', rayonSoate: null });
    for (const [i, token] of [s.investors[0]!, s.investors[2]!].entries()) {
      const p = await (await pledge(s.app, token, project.id, donation(50_000))).json();
      const body = { amount: p.amount, receivedOn: today(), bankReference: `TX-JOB-${i}` };
      expect((await call(s.app, s.staff, 'POST', `/pledges/${p.id}/receipts`, body)).status).toBe(201);
    }
    const stored = (await s.deps.projectDeps.projects.get(project.id))!;
    await s.deps.projectDeps.projects.save({ ...stored, deadline: '2026-01-02', version: stored.version + 1 }, stored);
    const settings = {
      mailDelivery: 'inline' as const,
      mailer: s.deps.outbox!,
      webOrigin: 'http://localhost:5173',
      apiOrigin: 'http://localhost:8787',
    };
    expect(await deadlineJob(s.db, settings)).toMatchObject({ funded: 1 });
    await deadlineJob(s.db, settings);
    const funded = await mailsWith(`"${project.title.en}" is funded`);
    expect(funded.map((m) => m.to).sort()).toHaveLength(2);
    expect(new Set(funded.map((m) => m.to)).size).toBe(2);
    expect((await call(s.app, undefined, 'GET', oneClickPath(funded[0]!).slice(3))).status).toBe(200);
  });
});
