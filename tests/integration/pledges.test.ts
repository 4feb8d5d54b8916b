import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkCharacter } from '@mekendesh/domain';
import { call, donation, moneyStack, pledge, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(2);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

describe('pledging', () => {
  it('makes one pledge for a retried Idempotency-Key, and refuses the key with another body (422)', async () => {
    const project = await s.project();
    const [a] = s.investors;
    const first = await pledge(s.app, a!, project.id, donation(100_000), 'key-retry-0001');
    expect(first.status).toBe(201);
    const body = await first.json();
    const again = await Promise.all([1, 2, 3].map(() => pledge(s.app, a!, project.id, donation(100_000), 'key-retry-0001')));
    for (const r of again) {
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual(body);
    }
    const other = await pledge(s.app, a!, project.id, donation(200_000), 'key-retry-0001');
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toBe('application/problem+json');
    expect((await other.json()).errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    const funding = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/funding`)).json();
    expect(funding).toMatchObject({ pledged: 100_000, supporters: 1 });
  });

  it('makes one pledge when the same key arrives 10 times at once', async () => {
    const project = await s.project();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => pledge(s.app, s.investors[1]!, project.id, donation(60_000), 'key-parallel-01')),
    );
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect((await (await call(s.app, undefined, 'GET', `/projects/${project.id}/funding`)).json()).pledged).toBe(60_000);
  });

  it('prices a USD pledge at the day’s rate, stores the rate, and gives a checked payment reference', async () => {
    const project = await s.project();
    const res = await pledge(s.app, s.investors[0]!, project.id, donation(10_000, 'USD', { display: 'name', message: 'For my school' }));
    expect(res.status).toBe(201);
    const p = await res.json();
    expect(p).toMatchObject({
      amount: { amount: 10_000, currency: 'USD' },
      amountKgs: 874_500,
      rate: { currency: 'USD', value: '87.4500', nominal: 1 },
      status: 'pledged',
    });
    expect(p.paymentReference).toMatch(/^MK-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const chars = p.paymentReference.replace(/^MK-|-/g, '');
    expect(checkCharacter(chars.slice(0, 7))).toBe(chars[7]);
    expect(p.instructions.ru).toContain(p.paymentReference);
    expect(p.displayName).toBe('Test inv0');
  });

  it('answers bad input with 400 naming the field, and writes nothing', async () => {
    const project = await s.project({ kind: 'community' });
    const cases: [unknown, string, Record<string, string>?][] = [
      [{ ...donation(100_000), amount: { amount: 1.5, currency: 'KGS' } }, 'amount.amount'],
      [donation(10_000), 'amount.amount'], // below the 500 som minimum
      [{ ...donation(100_000), type: 'equity' }, 'type'], // a community project
      [{ type: 'loan', amount: { amount: 100_000, currency: 'KGS' }, channel: 'bank_transfer', display: 'name' }, 'termMonths'],
      [{ type: 'in_kind', channel: 'bank_transfer', display: 'name' }, 'inKind'],
      [{ ...donation(100_000), status: 'received' }, 'status'],
    ];
    for (const [body, field] of cases) {
      const res = await pledge(s.app, s.investors[0]!, project.id, body);
      expect(res.status, field).toBe(400);
      const problem = await res.json();
      expect(problem.errors.map((e: { field: string }) => e.field).join(' '), JSON.stringify(problem)).toContain(field);
    }
    const noKey = await call(s.app, s.investors[0], 'POST', `/projects/${project.id}/pledges`, donation(100_000));
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).errors[0].field).toContain('idempotency-key');
    expect((await (await call(s.app, undefined, 'GET', `/projects/${project.id}/funding`)).json()).pledged).toBe(0);
  });

  it('takes loans, equity in business ventures and in-kind pledges (no money)', async () => {
    const business = await s.project({ kind: 'business', sector: 'business' });
    const loan = await pledge(s.app, s.investors[1]!, business.id, {
      type: 'loan',
      termMonths: 24,
      amount: { amount: 5_000_000, currency: 'RUB' },
      channel: 'money_transfer',
      display: 'anonymous',
    });
    expect(loan.status).toBe(201);
    expect(await loan.json()).toMatchObject({ termMonths: 24, amountKgs: 5_510_000 });
    expect((await pledge(s.app, s.investors[1]!, business.id, { ...donation(1_000_000), type: 'equity' })).status).toBe(201);
    const help = await pledge(s.app, s.investors[1]!, business.id, {
      type: 'in_kind',
      inKind: { hours: 40, description: 'Accounting set-up' },
      channel: 'bank_transfer',
      display: 'name',
    });
    expect(help.status).toBe(201);
    expect(await help.json()).toMatchObject({ amount: null, amountKgs: 0, instructions: null });
  });

  it('lists the investor’s own pledges only, newest first, with state and amounts', async () => {
    const project = await s.project();
    await pledge(s.app, s.investors[0]!, project.id, donation(70_000));
    const mine = await (await call(s.app, s.investors[0], 'GET', '/me/pledges?limit=50')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items[0]).toMatchObject({ projectId: project.id, status: 'pledged', receivedKgs: 0, matchedKgs: 0 });
    const theirs = await (await call(s.app, s.investors[1], 'GET', '/me/pledges?limit=50')).json();
    expect(theirs.items.map((p: { id: string }) => p.id)).not.toContain(mine.items[0].id);
    expect((await call(s.app, s.investors[1], 'GET', `/pledges/${mine.items[0].id}`)).status).toBe(404);
    expect((await call(s.app, s.staff, 'GET', `/pledges/${mine.items[0].id}`)).status).toBe(200);
  });
});
