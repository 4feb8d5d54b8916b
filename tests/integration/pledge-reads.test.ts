import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { donation, moneyStack, pledge, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

interface Sent {
  command: string;
  /** The partition key read or written, when the command names one item (GetItem, UpdateItem, PutItem). */
  pk: string | null;
}

/** Records every command the app's DynamoDB client sends while `run` runs. */
async function commandsOf(run: () => Promise<unknown>): Promise<Sent[]> {
  const sent: Sent[] = [];
  const name = 'count-commands';
  s.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: { pk?: unknown } };
      sent.push({ command: String(context.commandName).replace(/Command$/, ''), pk: typeof input.Key?.pk === 'string' ? input.Key.pk : null });
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await run();
  } finally {
    s.db.doc.middlewareStack.remove(name);
  }
  return sent;
}

describe('one pledge through the API', () => {
  it('reads once in one BatchGet and writes once in one TransactWriteItems (besides the rate-limit counters), with no GetItem of its own', async () => {
    const project = await s.project();
    const [investor] = s.investors;
    // The first pledge warms the instance: today's USD rate is then cached (RATE_CACHE_MS).
    expect((await pledge(s.app, investor!, project.id, donation(1_000, 'USD'))).status).toBe(201);
    const sent = await commandsOf(async () => expect((await pledge(s.app, investor!, project.id, donation(1_000, 'USD'))).status).toBe(201));
    const until = sent.findIndex((c) => c.command === 'TransactWriteItems');
    expect(until).toBeGreaterThan(0);
    // Up to its transaction: authentication's read of the user record (revocation, organisation), then the pledge's own commands.
    const [auth, ...own] = sent.slice(0, until + 1);
    expect(auth).toEqual({ command: 'GetItem', pk: expect.stringMatching(/^USER#/) });
    expect(own.filter((c) => c.command !== 'UpdateItem').map((c) => c.command)).toEqual(['BatchGetItem', 'TransactWriteItems']);
    // The updates are the investor's pledge counters (per minute, per Bishkek day), nothing else.
    const updates = own.filter((c) => c.command === 'UpdateItem');
    expect(updates.map((u) => u.pk)).toEqual([expect.stringMatching(/^RATE#pledge:minute:/), expect.stringMatching(/^RATE#pledge:day:/)]);
    // No query (rates come from the instance's cache) and no other read on the pledge's way.
    expect(own.some((c) => c.command === 'Query' || c.command === 'GetItem')).toBe(false);
  }, 60_000);
});
