import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mailEntity } from '@mekendesh/db';
import { pledgeMailId } from '@mekendesh/domain';
import { donation, moneyStack, pledge, streamApp, type MoneyStack } from '../fixtures/money.js';

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

/** The partition keys the last commandsOf run's BatchGets asked for. */
let batchPks: string[] = [];

/** Records every command the app's DynamoDB client sends while `run` runs. */
async function commandsOf(run: () => Promise<unknown>): Promise<Sent[]> {
  const sent: Sent[] = [];
  batchPks = [];
  const name = 'count-commands';
  s.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: { pk?: unknown }; RequestItems?: Record<string, { Keys?: { pk?: unknown }[] }> };
      for (const table of Object.values(input.RequestItems ?? {})) batchPks.push(...(table.Keys ?? []).map((k) => String(k.pk)));
      sent.push({
        command: String(context.commandName).replace(/Command$/, ''),
        pk: typeof input.Key?.pk === 'string' ? input.Key.pk : null,
      });
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
  it('reads once in one BatchGet with authentication, writes once in one TransactWriteItems (limits and email inside), then sends the email', async () => {
    const project = await s.project();
    const [investor] = s.investors;
    // The first pledge warms the instance: today's USD rate and the receiving accounts are then cached (RATE_CACHE_MS, ACCOUNTS_CACHE_MS).
    expect((await pledge(s.app, investor!, project.id, donation(1_000, 'USD'))).status).toBe(201);
    const sent = await commandsOf(async () =>
      expect((await pledge(s.app, investor!, project.id, donation(1_000, 'USD'))).status).toBe(201),
    );
    // Authentication and the pledge read in one batch (pledgeReadAhead): the investor's record (revocation,
    // organisation, the email's address) with the idempotency record, the project and the supporter marker. No
    // query: rates and accounts come from the instance.
    expect(sent[0]).toEqual({ command: 'BatchGetItem', pk: null });
    expect(batchPks.filter((pk) => pk.startsWith('USER#'))).toHaveLength(1);
    expect(batchPks).toHaveLength(4);
    // One transaction: the pledge counts itself in its limits' windows, writes its email there already claimed, and
    // checks that the accounts the email lists still stand.
    expect(sent[1]).toEqual({ command: 'TransactWriteItems', pk: null });
    // After it, only the send (the local mailer is the outbox's Put; SES in the cloud) and the email marked sent.
    expect(sent.slice(2).map((c) => c.command)).toEqual(['PutItem', 'UpdateItem']);
    expect(sent[3]!.pk).toMatch(/^MAIL#pledge-/);
    expect(sent).toHaveLength(4);
  }, 60_000);

  it('by stream (as in Lambda) ends with the TransactWriteItems: the email is written pending, for the mail function', async () => {
    // The same table and identity, composed as the Lambda entry is with MAIL_DELIVERY=stream.
    const app = streamApp(s);
    const project = await s.project();
    const [investor] = s.investors;
    expect((await pledge(app, investor!, project.id, donation(1_000, 'USD'))).status).toBe(201);
    let id = '';
    const sent = await commandsOf(async () => {
      const res = await pledge(app, investor!, project.id, donation(1_000, 'USD'));
      expect(res.status).toBe(201);
      id = ((await res.json()) as { id: string }).id;
    });
    expect(sent).toEqual([
      { command: 'BatchGetItem', pk: null },
      { command: 'TransactWriteItems', pk: null },
    ]);
    const mail = await s.db.doc.send(
      new GetCommand({ TableName: s.db.tableName, Key: mailEntity.key({ id: pledgeMailId(id) }), ConsistentRead: true }),
    );
    expect(mail.Item).toMatchObject({ entity: 'QueuedMail', status: 'pending', attempts: 0 });
  }, 60_000);
});
