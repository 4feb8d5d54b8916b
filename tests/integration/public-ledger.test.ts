import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PublicLedgerSchema } from '@mekendesh/contracts';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(2);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

describe("a project's public ledger", () => {
  it('shows what was pledged and received, naming only investors who opted in, newest first', async () => {
    const project = await s.project();
    const named = await (await pledge(s.app, s.investors[0]!, project.id, { ...donation(10_000, 'USD'), display: 'name' })).json();
    const anonymous = await (await pledge(s.app, s.investors[1]!, project.id, { ...donation(500_000, 'KGS'), display: 'anonymous' })).json();
    await call(s.app, s.staff, 'POST', `/pledges/${named.id}/receipts`, { amount: { amount: 10_000, currency: 'USD' }, receivedOn: today(), bankReference: 'TX-LEDGER-1' });

    const res = await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=50`);
    expect(res.status).toBe(200);
    const ledger = PublicLedgerSchema.parse(await res.json());
    const kinds = ledger.items.map((e) => e.kind);
    expect(kinds[0]).toBe('received');
    expect(kinds.filter((k) => k === 'pledged')).toHaveLength(2);
    const received = ledger.items.find((e) => e.kind === 'received')!;
    expect(received).toMatchObject({ amountKgs: named.amountKgs, original: { amount: 10_000, currency: 'USD' }, publicName: named.displayName });
    expect(ledger.items.find((e) => e.kind === 'pledged' && e.amountKgs === anonymous.amountKgs)?.publicName).toBeNull();
    // Nothing that points at a person or their pledge.
    expect(JSON.stringify(ledger)).not.toContain(named.id);
    expect(JSON.stringify(ledger)).not.toContain(anonymous.paymentReference);
  });

  it('pages through a bounded number of entries, and hides projects that are not public', async () => {
    const project = await s.project();
    for (let i = 0; i < 3; i++) await pledge(s.app, s.investors[0]!, project.id, donation(100_000 + i, 'KGS'));
    const first = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    expect((await call(s.app, undefined, 'GET', '/projects/prj-not-there/ledger')).status).toBe(404);
    expect((await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=1000`)).status).toBe(400);
  });
});
