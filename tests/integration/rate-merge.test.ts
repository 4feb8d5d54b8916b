import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, moneyStack, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(0);
}, 120_000);
afterAll(() => s.drop());

type Table = { date: string; source: string; inForce: boolean; rates: Record<string, { value: string }> };

describe('PUT /rates/{date} keeps the currencies a correction leaves blank (issue 13 review 10)', () => {
  it('stores the corrected USD with every other rate in force that day, so no currency is dropped', async () => {
    const day = today();
    const before = (await (await call(s.app, s.staff, 'GET', '/rates')).json()) as { todayTables: Table[] };
    const demo = before.todayTables.at(-1)!;
    const others = Object.keys(demo.rates).filter((c) => c !== 'USD');
    expect(others.length).toBeGreaterThan(0);
    const res = await call(s.app, s.staff, 'PUT', `/rates/${day}`, {
      rates: [{ currency: 'USD', value: '88.0000', nominal: 1 }],
      reason: 'NBKR feed late',
    });
    expect(res.status).toBe(200);
    const after = (await (await call(s.app, s.staff, 'GET', '/rates')).json()) as {
      todayTables: (Table & { enteredBy?: string })[];
      actors: { id: string; displayName: string | null }[];
    };
    const manual = after.todayTables.at(-1)!;
    expect(manual.source).toBe('manual');
    expect(manual.rates.USD!.value).toBe('88.0000');
    for (const c of others) expect(manual.rates[c]!.value, c).toBe(demo.rates[c]!.value);
    // The page names who entered it (issue 13 review 4), not the account id alone.
    const who = after.actors.find((a) => a.id === manual.enteredBy);
    expect(who?.displayName).toBeTruthy();
    expect(who?.displayName).not.toBe(manual.enteredBy);
  });
});
