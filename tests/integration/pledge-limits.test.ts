import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRateLimiter, rateWindowEntity, windowStartOf } from '@mekendesh/db';
import { pledgeWindows, type RateWindow } from '@mekendesh/domain';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { call, donation, moneyStack, pledge, type MoneyStack } from '../fixtures/money.js';

/**
 * The pledge limits are counted inside each pledge's own transaction: under a burst of one investor's pledges at
 * once, exactly the allowance is written, every other one is a 429 with Retry-After, and nothing is half written.
 * The minute keeps its production number (10); the day is lowered to 15 so that a burst can reach it.
 */
const LIMITS = { pledgesPerMinute: 10, pledgesPerDay: 15 };
const BURST = 20;

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(3, { limits: LIMITS });
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const investorId = async (token: string) => ((await (await call(s.app, token, 'GET', '/me')).json()) as { id: string }).id;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The count stored in a window's counter at `atSeconds` (0 when never counted). */
async function hits(window: RateWindow, atSeconds: number): Promise<number> {
  const Key = rateWindowEntity.key({ key: window.key, windowStart: windowStartOf(atSeconds, window.windowSeconds, window.offsetSeconds) });
  const out = await s.db.doc.send(new GetCommand({ TableName: s.db.tableName, Key, ConsistentRead: true }));
  return Number(out.Item?.hits ?? 0);
}

/** BURST pledges of one investor to one project, all at once; what each answered, and the clock's seconds before and after. */
async function burst(token: string, projectId: string) {
  const from = Math.floor(Date.now() / 1000);
  const answers = await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      const res = await s.app.request(`/v1/projects/${projectId}/pledges`, {
        method: 'POST',
        body: JSON.stringify(donation(100_000)),
        headers: {
          'content-type': 'application/json',
          'accept-language': 'en',
          authorization: `Bearer ${token}`,
          'idempotency-key': `burst-${projectId}-${i}`,
        },
      });
      return { status: res.status, retryAfter: Number(res.headers.get('retry-after')), type: res.headers.get('content-type') };
    }),
  );
  return { answers, from, to: Math.floor(Date.now() / 1000) };
}

/** What the burst left: the project's pledged total and the investor's pledges to it, which must agree with the 201s. */
async function written(token: string, projectId: string) {
  const funding = await (await call(s.app, undefined, 'GET', `/projects/${projectId}/funding`)).json();
  const mine = await (await call(s.app, token, 'GET', '/me/pledges?limit=50')).json();
  return {
    pledged: funding.pledged as number,
    pledges: mine.items.filter((p: { projectId: string }) => p.projectId === projectId).length as number,
  };
}

describe('pledge limits under a burst of one investor', () => {
  it(`writes exactly ${LIMITS.pledgesPerMinute} of ${BURST} pledges sent at once in a minute, refuses the rest with 429 and nothing partial`, async () => {
    // Start early in a minute, so that the burst is one minute's (a burst across two may make ten in each).
    if (new Date().getSeconds() > 40) await sleep((61 - new Date().getSeconds()) * 1000);
    const token = s.investors[0]!;
    const [minute, day] = pledgeWindows(LIMITS, await investorId(token));
    const project = await s.project();
    const { answers, from, to } = await burst(token, project.id);
    const made = answers.filter((a) => a.status === 201).length;
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.every((a) => a.status === 429 && a.type === 'application/problem+json' && a.retryAfter >= 1 && a.retryAfter <= 60)).toBe(
      true,
    );
    const minutes = [...new Set([from, to].map((t) => windowStartOf(t, 60)))];
    const counted = (await Promise.all(minutes.map((m) => hits(minute!, m)))).reduce((a, b) => a + b, 0);
    // Each minute's counter is the pledges written in it, never past the limit; in one minute, exactly the limit.
    expect(counted).toBe(made);
    if (minutes.length === 1) expect(made).toBe(LIMITS.pledgesPerMinute);
    for (const m of minutes) expect(await hits(minute!, m)).toBeLessThanOrEqual(LIMITS.pledgesPerMinute);
    expect(await hits(day!, to)).toBe(made);
    expect(await written(token, project.id)).toEqual({ pledged: made * 100_000, pledges: made });
  }, 180_000);

  it(`writes only what is left of the day (${LIMITS.pledgesPerDay}) under a burst, and says to come back after the day`, async () => {
    const token = s.investors[1]!;
    const [, day] = pledgeWindows(LIMITS, await investorId(token));
    // Eight pledges of the day already counted (as the limiter counts them): seven are left, fewer than the minute's ten.
    const limiter = new DynamoRateLimiter(s.db);
    for (let i = 0; i < 8; i++) expect((await limiter.hit(day!)).allowed).toBe(true);
    const project = await s.project();
    const { answers, to } = await burst(token, project.id);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(7);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused).toHaveLength(BURST - 7);
    // The wait is the day's: until the next Bishkek midnight (more than a minute, except in the day's last minute).
    const dayLeft = windowStartOf(to, 86_400, 6 * 3600) + 86_400 - to;
    for (const a of refused) {
      expect(a.status).toBe(429);
      if (dayLeft > 120) expect(a.retryAfter).toBeGreaterThan(60);
    }
    expect(await hits(day!, to)).toBe(LIMITS.pledgesPerDay);
    expect(await written(token, project.id)).toEqual({ pledged: 7 * 100_000, pledges: 7 });
  }, 180_000);
});

describe('the payment email under duplicate requests', () => {
  it('arrives once when the same pledge is sent five times at once', async () => {
    const token = s.investors[2]!;
    const email = ((await (await call(s.app, token, 'GET', '/me')).json()) as { email: string }).email;
    const project = await s.project();
    const key = `dup-${project.id}`;
    const answers = await Promise.all(Array.from({ length: 5 }, () => pledge(s.app, token, project.id, donation(10_000, 'USD'), key)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const bodies = await Promise.all(answers.map((a) => a.json()));
    expect(new Set(bodies.map((b: { id: string }) => b.id)).size).toBe(1);
    const reference = (bodies[0] as { paymentReference: string }).paymentReference;
    const mails = (await s.deps.outbox!.latest(100)).filter((m) => m.to === email && m.text.includes(reference));
    expect(mails).toHaveLength(1);
  }, 120_000);

  it('never names an account that staff closed on another instance since this one cached the accounts', async () => {
    const token = s.investors[2]!;
    const email = ((await (await call(s.app, token, 'GET', '/me')).json()) as { email: string }).email;
    // A second instance of the API on the same table, with its own caches: staff work there.
    const other = createApp(composeWithDb(s.db, { identity: s.deps.accounts.identity, verifier: s.deps.verifier }));
    const eur = {
      kind: 'bank',
      currency: 'EUR',
      active: true,
      bankName: 'Closing Bank',
      bic: 'CLOSKG22',
      accountNumber: '1990010000777001',
      beneficiaryName: 'Mekendesh Programme',
      beneficiaryTaxId: '02512202610037',
      purposeTemplate: { ky: '{reference}', ru: '{reference}', en: '{reference}' },
    };
    const created = await call(other, s.staff, 'POST', '/staff/receiving-accounts', eur);
    expect(created.status).toBe(201);
    const account = (await created.json()) as { id: string; version: number };
    const project = await s.project();
    const mailOf = async (reference: string) =>
      (await s.deps.outbox!.latest(100)).filter((m) => m.to === email && m.text.includes(reference));
    // This instance pledges in EUR: its email names the account, and the accounts are now in this instance's cache.
    const first = (await (await pledge(s.app, token, project.id, donation(10_000, 'EUR'))).json()) as { paymentReference: string };
    expect((await mailOf(first.paymentReference))[0]!.text).toContain('Closing Bank');
    // Staff close it on the other instance; the next EUR pledge here must not send anyone to it.
    expect(
      (await call(other, s.staff, 'PUT', `/staff/receiving-accounts/${account.id}?version=${account.version}`, { ...eur, active: false }))
        .status,
    ).toBe(200);
    const second = await pledge(s.app, token, project.id, donation(10_000, 'EUR'));
    expect(second.status).toBe(201);
    const [mail] = await mailOf(((await second.json()) as { paymentReference: string }).paymentReference);
    expect(mail!.text).not.toContain('Closing Bank');
    expect(mail!.text).toContain('The programme has no account for EUR yet');
  }, 120_000);
});
