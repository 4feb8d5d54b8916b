import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@mekendesh/api/app';
import { CARDS_NOT_CONFIGURED, DEFAULT_RATE_LIMITS, rateLimitedMessages } from '@mekendesh/domain';
import {
  authStack,
  codeFor,
  mailedCodes,
  newConfirmedInvestor,
  PASSWORD,
  post,
  signInToken,
  uniqueEmail,
  type AuthStack,
} from '../fixtures/auth-stack.js';
import { call, donation, moneyStack, pledge, type MoneyStack } from '../fixtures/money.js';

/**
 * Issue 9, "Abuse limits", attacked as it was found: a burst of pledges, card pledges while cards are off,
 * guessing confirmation and reset codes, and locking a chosen account by failing its sign-in.
 * The stacks here keep the production numbers (DEFAULT_RATE_LIMITS), not the tests' generous ones.
 */

describe('pledges', () => {
  let s: MoneyStack;
  beforeAll(async () => {
    s = await moneyStack(2, { limits: DEFAULT_RATE_LIMITS });
  }, 120_000);
  afterAll(() => s.drop());

  it('refuses 50 pledges in quick succession after the 10th with 429 and Retry-After, writing nothing beyond', async () => {
    const project = await s.project();
    const answers = [];
    for (let i = 0; i < 50; i++) {
      const before = Math.floor(Date.now() / 60_000);
      const res = await s.app.request(`/v1/projects/${project.id}/pledges`, {
        method: 'POST',
        body: JSON.stringify(donation(100_000)),
        headers: {
          'content-type': 'application/json',
          'accept-language': 'ru',
          authorization: `Bearer ${s.investors[0]}`,
          'idempotency-key': `burst-${i}-0000`,
        },
      });
      answers.push({
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        type: res.headers.get('content-type'),
        body: await res.json(),
        // The server reads its clock somewhere between these two minutes (a slow request can straddle them).
        minutes: [before, Math.floor(Date.now() / 60_000)],
      });
    }
    // The limit counts per clock minute (the pledge's createdAt): a burst that crosses into the next minute may make
    // ten more there. The first ten are made; no minute holds more than ten; every refusal came while the minute
    // it was read in already held ten.
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array<number>(10).fill(201));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201, 429]));
    const madeIn = new Map<number, number>();
    for (const a of answers.filter((a) => a.status === 201)) {
      const m = Math.floor(Date.parse(a.body.createdAt) / 60_000);
      madeIn.set(m, (madeIn.get(m) ?? 0) + 1);
    }
    for (const [m, n] of madeIn) expect(n, `pledges made in minute ${m}`).toBeLessThanOrEqual(10);
    for (const [i, a] of answers.entries()) {
      if (a.status !== 429) continue;
      expect(
        a.minutes.some((m) => madeIn.get(m) === 10),
        `refusal ${i} came in a minute holding ten pledges`,
      ).toBe(true);
    }
    const madeCount = answers.filter((a) => a.status === 201).length;
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.type).toBe('application/problem+json');
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused.body).toMatchObject({ status: 429, detail: rateLimitedMessages(Number(refused.retryAfter), 'pledges').ru });
    // The pledges made stand (ten a minute): the project's totals and its pledge items say so, nothing of the refused.
    expect((await (await call(s.app, undefined, 'GET', `/projects/${project.id}/funding`)).json()).pledged).toBe(madeCount * 100_000);
    const mine = await (await call(s.app, s.investors[0], 'GET', '/me/pledges?limit=50')).json();
    expect(mine.items.filter((p: { projectId: string }) => p.projectId === project.id)).toHaveLength(madeCount);
    // A retry of a pledge already made still answers with it (200), limit or not; another investor is not slowed.
    expect((await pledge(s.app, s.investors[0]!, project.id, donation(100_000), 'burst-0-0000')).status).toBe(200);
    expect((await pledge(s.app, s.investors[1]!, project.id, donation(100_000))).status).toBe(201);
    await s.balanced();
  });

  it('refuses a card pledge while cards are off: 409 naming channel, in ky/ru/en, nothing written', async () => {
    const project = await s.project();
    for (const lang of ['ky', 'ru', 'en'] as const) {
      const res = await s.app.request(`/v1/projects/${project.id}/pledges`, {
        method: 'POST',
        body: JSON.stringify(donation(100_000, 'USD', { channel: 'card' })),
        headers: {
          'content-type': 'application/json',
          'accept-language': lang,
          authorization: `Bearer ${s.investors[1]}`,
          'idempotency-key': `card-off-${lang}-01`,
        },
      });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = await res.json();
      expect(body.errors).toEqual([expect.objectContaining({ field: 'channel', message: CARDS_NOT_CONFIGURED[lang] })]);
      expect(body.detail).toBe(CARDS_NOT_CONFIGURED[lang]);
    }
    expect((await (await call(s.app, undefined, 'GET', `/projects/${project.id}/funding`)).json()).pledged).toBe(0);
    await s.balanced();
  });
});

describe('codes and sign-in', () => {
  let s: AuthStack;
  beforeAll(async () => {
    s = await authStack({ limits: DEFAULT_RATE_LIMITS });
  }, 60_000);
  afterAll(() => s.drop());

  it('answers the 6th wrong confirmation code with 429 and Retry-After, even a right one then', async () => {
    const email = uniqueEmail('guess-confirm');
    expect((await post(s.app, '/auth/sign-up', { email, password: PASSWORD, displayName: 'Guess', locale: 'en' })).status).toBe(200);
    const code = await codeFor(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(s.app, '/auth/confirm', { email, code: wrong })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    const sixth = await post(s.app, '/auth/confirm', { email, code: wrong });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(sixth.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect((await sixth.json()).type).toMatch(/rate-limited$/);
    expect((await post(s.app, '/auth/confirm', { email, code })).status).toBe(429);
  });

  it('limits wrong reset codes per account; a new code starts afresh', async () => {
    const email = await newConfirmedInvestor(s.app, 'guess-reset');
    // Codes are read by count: the sign-up code was mailed too, and the mail file can lag behind a new one.
    const beforeFirst = mailedCodes(email);
    expect((await post(s.app, '/auth/forgot-password', { email })).status).toBe(200);
    const first = await codeFor(email, beforeFirst);
    const wrong = first === '000000' ? '111111' : '000000';
    const reset = (code: string) => post(s.app, '/auth/reset-password', { email, code, password: 'Brand-New-Pass-77!' });
    for (let i = 0; i < 5; i++) expect((await reset(wrong)).status).toBe(400);
    expect((await reset(wrong)).status).toBe(429);
    const beforeFresh = Math.max(mailedCodes(email), beforeFirst + 1);
    expect((await post(s.app, '/auth/forgot-password', { email })).status).toBe(200);
    let fresh = await codeFor(email, beforeFresh);
    // The code file and cognito-local's store can lag behind the new code: wait until it shows.
    for (let i = 0; fresh === first && i < 100; i++) fresh = await new Promise((r) => setTimeout(r, 100)).then(() => codeFor(email));
    expect((await reset(fresh)).status).toBe(200);
    await expect(signInToken(s.app, email, 'Brand-New-Pass-77!')).resolves.toMatch(/^ey/);
  });

  it('does not let another address use up the owner’s reset codes', async () => {
    const email = await newConfirmedInvestor(s.app, 'reset-bombed');
    const app = createApp({ ...s.deps, proxySecret: 'test-proxy-secret' });
    const forgot = (ip: string) =>
      app.request('/v1/auth/forgot-password', {
        method: 'POST',
        body: JSON.stringify({ email }),
        headers: { 'content-type': 'application/json', 'x-mekendesh-client-ip': ip, 'x-mekendesh-proxy-secret': 'test-proxy-secret' },
      });
    const attacker: number[] = [];
    for (let i = 0; i < 6; i++) attacker.push((await forgot('203.0.113.67')).status);
    expect(attacker).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await forgot('198.51.100.8')).status).toBe(200);
  });

  it('slows the attacker’s address without locking the owner out of the account', async () => {
    const email = await newConfirmedInvestor(s.app, 'locked-out');
    const app = createApp({ ...s.deps, proxySecret: 'test-proxy-secret' });
    const from = (ip: string, password: string) =>
      app.request('/v1/auth/sign-in', {
        method: 'POST',
        body: JSON.stringify({ email, password }),
        headers: {
          'content-type': 'application/json',
          'accept-language': 'ky',
          'x-mekendesh-client-ip': ip,
          'x-mekendesh-proxy-secret': 'test-proxy-secret',
        },
      });
    const attacker: { status: number; retryAfter: string | null }[] = [];
    const started = Date.now();
    for (let i = 0; i < 20; i++) {
      const res = await from('203.0.113.66', `Wrong-Guess-${i}!x`);
      attacker.push({ status: res.status, retryAfter: res.headers.get('retry-after') });
    }
    // Five tries go at once, then the pair waits 1 s, 2 s, 4 s...: in t seconds at most about log2(t) more are heard.
    const seconds = (Date.now() - started) / 1000;
    expect(attacker.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    const heard = attacker.filter((a) => a.status === 401).length;
    expect(heard).toBeLessThanOrEqual(5 + 1 + Math.ceil(Math.log2(seconds + 1)));
    expect(attacker.filter((a) => a.status === 429).length).toBe(20 - heard);
    expect(attacker.every((a) => a.status !== 429 || Number(a.retryAfter) >= 1)).toBe(true);
    // The owner, from their own address, signs in at once; it is the attacker's pair that waits, not the account.
    const owner = await from('198.51.100.7', PASSWORD);
    expect(owner.status).toBe(200);
    const limited = await from('203.0.113.66', PASSWORD);
    expect(limited.status).toBe(429);
    const body = await limited.json();
    expect(body.detail).toBe(rateLimitedMessages(Number(limited.headers.get('retry-after')), 'attempts').ky);
  });
});
