import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ledgerPartition } from '@mekendesh/db';
import { call, donation, moneyStack, pledge, programmeBody, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(3);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

/** Sums a field of the project's ledger entries by reading its ledger partition. */
async function ledgerSum(projectId: string, field: 'pledged' | 'raised' | 'matched' | 'supporters'): Promise<number> {
  let sum = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await s.db.doc.send(
      new QueryCommand({
        TableName: s.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': ledgerPartition(projectId) },
        ExclusiveStartKey: start,
      }),
    );
    for (const e of out.Items ?? []) sum += Number(e.deltas[field]);
    start = out.LastEvaluatedKey;
  } while (start);
  return sum;
}

describe('200 concurrent pledges and receipts on one project', () => {
  it('gives totals exactly equal to the sum of the ledger', async () => {
    const project = await s.project({ oblastSoate: '41708000000000', rayonSoate: null });
    await call(
      s.app,
      s.staff,
      'POST',
      '/programmes',
      programmeBody({ oblastSoates: ['41708000000000'], budget: 30_000_000, capPerProject: 30_000_000 }),
    );
    const currencies = ['KGS', 'USD', 'EUR', 'RUB', 'KZT'] as const;
    // Each above the 500 som minimum at the demo rates, in all five currencies.
    const minimum = { KGS: 50_000, USD: 1_000, EUR: 1_000, RUB: 50_000, KZT: 400_000 };
    const amounts = Array.from({ length: 200 }, (_, i) => ({ currency: currencies[i % 5]!, amount: minimum[currencies[i % 5]!] + i * 37 }));
    const started = performance.now();
    const made = await Promise.all(amounts.map((a, i) => pledge(s.app, s.investors[i % 3]!, project.id, donation(a.amount, a.currency))));
    expect(made.map((r) => r.status)).toEqual(made.map(() => 201));
    const pledges = await Promise.all(made.map((r) => r.json()));
    const receipts = await Promise.all(
      pledges.map((p, i) =>
        call(s.app, s.staff, 'POST', `/pledges/${p.id}/receipts`, {
          amount: { amount: i % 4 === 0 ? 1_000 : 10_000, currency: currencies[i % 5] },
          receivedOn: today(),
          bankReference: `TX-C-${i}`,
        }),
      ),
    );
    expect(receipts.map((r) => r.status)).toEqual(receipts.map(() => 201));
    console.log(`200 pledges + 200 receipts on one project: ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const funding = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/funding`)).json();
    expect(funding.pledged).toBe(pledges.reduce((sum, p) => sum + p.amountKgs, 0));
    expect(funding.pledged).toBe(await ledgerSum(project.id, 'pledged'));
    expect(funding.raised).toBe(await ledgerSum(project.id, 'raised'));
    expect(funding.matched).toBe(await ledgerSum(project.id, 'matched'));
    // 1:1, until the programme's budget ran out: exactly the budget, never more.
    expect(funding.matched).toBe(Math.min(funding.raised, 30_000_000));
    expect(funding.supporters).toBe(3);
    expect(await ledgerSum(project.id, 'supporters')).toBe(3);
  }, 240_000);
});
