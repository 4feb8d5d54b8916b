/**
 * The stuck-`sending` sweep on DynamoDB Local (issue 12, part E): a mail claimed by a sender that died stays `sending`
 * and its stream record is answered as done; the sweep (after the lease) gives it back, the stream's new record makes
 * the mail function send it, exactly once however often records are handed over; a fresh claim is left alone, and a
 * mail out of attempts is marked failed, never sent. The claims are found by the sparse claimed-mail index, no Scan.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoMailQueue, DynamoOutbox, mailEntity, type Db } from '@mekendesh/db';
import { composeMail, MAIL_ATTEMPTS } from '@mekendesh/jobs/composition';
import { deliverRecords } from '@mekendesh/jobs/mail';
import { sweepMail } from '@mekendesh/jobs/mail-sweep';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { freshTable } from '../fixtures/db.js';
import { localStreams, streamRecords } from '../fixtures/streams.js';

let db: Db;
let drop: () => Promise<void>;
let streams: ReturnType<typeof localStreams>;
let outbox: DynamoOutbox;

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => ({ now: () => new Date(T0 + minutes * 60_000) });
const mail = (id: string) => ({ id, to: `${id}@example.kg`, subject: `Subject ${id}`, text: `Text ${id}` });
const sentTo = async (id: string) => (await outbox.latest(200)).filter((m) => m.to === `${id}@example.kg`);
const item = async (id: string) =>
  (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: mailEntity.key({ id }), ConsistentRead: true }))).Item!;

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  streams = localStreams(inject('dynamoEndpoint'));
  outbox = new DynamoOutbox(db, () => crypto.randomUUID());
});
afterAll(async () => {
  streams?.destroy();
  await drop();
});

describe('the stuck-sending sweep', () => {
  it('gives a dead sender’s claim back after the lease, and the mail function then sends it exactly once', async () => {
    const queue = new DynamoMailQueue(db);
    const iso = (m: number) => at(m).now().toISOString();
    expect(await queue.enqueue(mail('dead'), iso(0))).toBe(true);
    // The dead sender claimed at minute 0 and never sent; the live one claims at minute 8 and is still sending.
    expect(await queue.claim('dead', iso(0), iso(-5))).toMatchObject({ id: 'dead' });
    const deps = composeMail(db, outbox, at(1));
    // The pending records are answered (within the lease the claim counts as done): nothing is sent.
    expect(await deliverRecords(deps, await streamRecords(streams, db))).toEqual({ batchItemFailures: [] });
    expect(await queue.enqueue(mail('fresh'), iso(8))).toBe(true);
    expect(await queue.claim('fresh', iso(8), iso(3))).toMatchObject({ id: 'fresh' });
    expect(await sentTo('dead')).toEqual([]);
    expect((await item('dead')).gsi3pk).toMatch(/^MAILCLAIM#\d$/);

    // Minute 10: the dead claim is older than the lease, the fresh one is not.
    expect(await sweepMail(db, at(10))).toEqual({ pending: 1, failed: 0, skipped: 0, delivered: 0 });
    expect(await item('dead')).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await item('dead')).gsi3pk).toBeUndefined();
    expect(await item('fresh')).toMatchObject({ status: 'sending' });
    // A second sweep finds nothing more.
    expect(await sweepMail(db, at(10))).toEqual({ pending: 0, failed: 0, skipped: 0, delivered: 0 });

    // The stream's record of the give-back reaches the mail function: sent once, however often every record comes.
    const later = composeMail(db, outbox, at(11));
    const records = await streamRecords(streams, db);
    expect(await deliverRecords(later, records)).toEqual({ batchItemFailures: [] });
    expect(await deliverRecords(later, records)).toEqual({ batchItemFailures: [] });
    expect(await deliverRecords(later, await streamRecords(streams, db))).toEqual({ batchItemFailures: [] });
    const sent = await sentTo('dead');
    expect(sent.map((m) => m.subject)).toEqual(['Subject dead']);
    expect(await item('dead')).toMatchObject({ status: 'sent' });
    expect((await item('dead')).gsi3pk).toBeUndefined();
    expect(await sentTo('fresh')).toEqual([]);
  }, 60_000);

  it('marks a mail out of attempts failed instead of giving it back, and locally sends what it gives back', async () => {
    const queue = new DynamoMailQueue(db);
    const iso = (m: number) => at(m).now().toISOString();
    await queue.enqueue(mail('tired'), iso(0));
    await queue.claim('tired', iso(0), iso(-5));
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: mailEntity.key({ id: 'tired' }),
        UpdateExpression: 'SET attempts = :n',
        ExpressionAttributeValues: { ':n': MAIL_ATTEMPTS },
      }),
    );
    await queue.enqueue(mail('local'), iso(0));
    await queue.claim('local', iso(0), iso(-5));
    // `pnpm jobs:mail-sweep` delivers inline (no stream locally); 'fresh' (claimed at minute 8) is stale by minute 20.
    expect(await sweepMail(db, at(20), { mailer: outbox })).toEqual({ pending: 2, failed: 1, skipped: 0, delivered: 2 });
    expect(await item('tired')).toMatchObject({ status: 'failed' });
    expect(await sentTo('tired')).toEqual([]);
    expect((await sentTo('local')).map((m) => m.subject)).toEqual(['Subject local']);
    expect((await sentTo('fresh')).map((m) => m.subject)).toEqual(['Subject fresh']);
    // The failed mail's later records are left alone by the mail function.
    expect(await deliverRecords(composeMail(db, outbox, at(21)), await streamRecords(streams, db))).toEqual({ batchItemFailures: [] });
    expect(await sentTo('tired')).toEqual([]);
  }, 60_000);
});
