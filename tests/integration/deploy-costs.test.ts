import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, donation, moneyStack, pledge, streamApp, today, type MoneyStack } from '../fixtures/money.js';

/** DynamoDB calls and capacity units of what runs inside `fn`, counted on the table client (ReturnConsumedCapacity). */
interface Usage {
  calls: Record<string, number>;
  transactItems: number;
  readUnits: number;
  writeUnits: number;
}

const READS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'TransactGetItemsCommand']);
let s: MoneyStack;
let usage: Usage | undefined;

beforeAll(async () => {
  s = await moneyStack(1);
  s.db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string; TransactItems?: unknown[] };
      if (usage) {
        const name = context.commandName ?? '?';
        usage.calls[name] = (usage.calls[name] ?? 0) + 1;
        usage.transactItems += input.TransactItems?.length ?? 0;
        input.ReturnConsumedCapacity ??= 'TOTAL';
      }
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      const units = ((Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as { CapacityUnits?: number }[]).reduce(
        (sum, c) => sum + (c.CapacityUnits ?? 0),
        0,
      );
      // On demand, a read request unit is a strongly consistent read of 4 KB (half for an eventually consistent one), a
      // write request unit a write of 1 KB; transactions count twice. CapacityUnits already says so.
      if (usage && READS.has(context.commandName ?? '')) usage.readUnits += units;
      else if (usage) usage.writeUnits += units;
      return out;
    },
    { step: 'initialize', name: 'countCapacity' },
  );
}, 120_000);
afterAll(() => s.drop());

async function measure(fn: () => Promise<void>): Promise<Usage> {
  usage = { calls: {}, transactItems: 0, readUnits: 0, writeUnits: 0 };
  try {
    await fn();
    return usage;
  } finally {
    usage = undefined;
  }
}

describe('what one pledge costs in DynamoDB (the README "Deploying to AWS" cost arithmetic)', () => {
  it('counts the calls and capacity of a pledge, its receipt, and the reads of the pages around it', async () => {
    const app = streamApp(s);
    const project = await s.project();
    // The investor's first pledge to the project writes the supporter marker; measure a typical one after it.
    await pledge(app, s.investors[0]!, project.id, donation(100_000));
    let pledgeId = '';
    const created = await measure(async () => {
      const res = await pledge(app, s.investors[0]!, project.id, donation(150_000));
      expect(res.status).toBe(201);
      pledgeId = ((await res.json()) as { id: string }).id;
    });
    const receipt = await measure(async () => {
      const res = await call(app, s.staff, 'POST', `/pledges/${pledgeId}/receipts`, {
        amount: { amount: 150_000, currency: 'KGS' },
        receivedOn: today(),
        bankReference: 'BANK-1',
      });
      expect(res.status).toBe(201);
    });
    const reads = await measure(async () => {
      for (const path of [`/projects/${project.id}`, `/pledges/${pledgeId}`]) {
        expect((await call(app, s.investors[0], 'GET', path)).status).toBe(200);
      }
    });
    // Measured 2026-11-30: pledge 1 BatchGetItem (3 RRU) + 1 TransactWriteItems of 16 items (26 WRU); receipt 3 of 14
    // calls, 5 RRU, 48 WRU; the two reads 3 RRU. The README budgets 40 WRU + 5 RRU a pledge and 70 WRU + 10 RRU a receipt.
    expect(created.calls).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect(created.writeUnits).toBeGreaterThan(0);
    expect(created.writeUnits).toBeLessThanOrEqual(40);
    expect(created.readUnits).toBeLessThanOrEqual(5);
    expect(receipt.calls['TransactWriteItemsCommand']).toBe(1);
    expect(receipt.writeUnits).toBeLessThanOrEqual(70);
    expect(receipt.readUnits).toBeLessThanOrEqual(10);
    expect(reads.writeUnits).toBe(0);
    expect(reads.readUnits).toBeLessThanOrEqual(5);
  });
});
