/**
 * Issue 12, second attack review: a notice waiting in the mail queue (stream delivery, or given back by the stuck-mail
 * sweep) was sent after its reader turned that kind off or deleted the account. A queued notice now carries its reader
 * and kind, and delivery reads the reader again (one GetItem): turned off or gone, the mail is `dropped`, never sent.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ProfileSchema } from '@mekendesh/contracts';
import { DynamoMailQueue, DynamoOrganisationStore, DynamoOutbox, DynamoUserRepository, mailEntity, type Db } from '@mekendesh/db';
import { noticeMailId, notify, unsubscribeKey, type Notice, type NotifyDeps } from '@mekendesh/domain';
import { composeMail } from '@mekendesh/jobs/composition';
import { deliverRecords } from '@mekendesh/jobs/mail';
import { sweepMail } from '@mekendesh/jobs/mail-sweep';
import { freshTable } from '../fixtures/db.js';
import { localStreams, streamRecords } from '../fixtures/streams.js';

let db: Db;
let drop: () => Promise<void>;
let streams: ReturnType<typeof localStreams>;
let outbox: DynamoOutbox;
let users: DynamoUserRepository;

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const at = (minutes: number) => ({ now: () => new Date(T0 + minutes * 60_000) });

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  streams = localStreams(inject('dynamoEndpoint'));
  outbox = new DynamoOutbox(db, () => crypto.randomUUID());
  users = new DynamoUserRepository(db);
});
afterAll(async () => {
  streams?.destroy();
  await drop();
});

async function person(id: string) {
  await users.ensure({
    id,
    email: `${id}@example.kg`,
    profile: ProfileSchema.parse({ displayName: `Reader ${id}`, locale: 'en' }),
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: new Date(T0).toISOString(),
  });
}

/** The API's notifier as it runs in the cloud: the notice is only queued; the stream mail function sends it. */
const streamDeps = (): NotifyDeps => ({
  users,
  organisations: new DynamoOrganisationStore(db),
  queue: new DynamoMailQueue(db),
  mailer: outbox,
  mailDelivery: 'stream',
  clock: at(0),
  webOrigin: 'https://mekendesh.kg',
  unsubscribe: { key: unsubscribeKey('test'), apiOrigin: 'https://api.mekendesh.kg' },
});

const refund = (userId: string): Notice => ({
  kind: 'refund',
  userId,
  about: 'pledge-p1',
  message: () => ({ subject: 'Your refund', text: 'Returned.' }),
});
const sentTo = async (id: string) => (await outbox.latest(200)).filter((m) => m.to === `${id}@example.kg`);
const status = async (id: string) =>
  (await db.doc.send(new GetCommand({ TableName: db.tableName, Key: mailEntity.key({ id }), ConsistentRead: true }))).Item?.status;

describe('a queued notice is checked against its reader when it is sent', () => {
  it('is dropped, not sent, when its reader turned the kind off after it was queued; another kind still goes', async () => {
    await person('u-off');
    const paid: Notice = {
      ...refund('u-off'),
      kind: 'payment_received',
      message: () => ({ subject: 'Payment received', text: 'Booked.' }),
    };
    expect(await notify(streamDeps(), refund('u-off'))).toBe('queued');
    expect(await notify(streamDeps(), paid)).toBe('queued');
    expect(await users.turnNotificationOff({ id: 'u-off', kind: 'refund' })).toBe('saved');
    expect(await deliverRecords(composeMail(db, outbox, at(1)), await streamRecords(streams, db))).toEqual({ batchItemFailures: [] });
    expect((await sentTo('u-off')).map((m) => m.subject)).toEqual(['Payment received']);
    expect(await status(noticeMailId(refund('u-off')))).toBe('dropped');
    expect(await status(noticeMailId(paid))).toBe('sent');
  }, 60_000);

  it('is dropped when its reader deleted the account, also when the stuck-mail sweep gives it back', async () => {
    await person('u-gone');
    expect(await notify(streamDeps(), refund('u-gone'))).toBe('queued');
    const id = noticeMailId(refund('u-gone'));
    // A sender claims it and dies; the reader deletes the account meanwhile.
    expect(await new DynamoMailQueue(db).claim(id, at(0).now().toISOString(), at(-5).now().toISOString())).toMatchObject({
      notice: { userId: 'u-gone', kind: 'refund' },
    });
    const audit = {
      id: 'a-1',
      at: at(1).now().toISOString(),
      actorId: 'u-gone',
      actorRoles: [],
      action: 'account.delete',
      objectType: 'user',
      objectId: 'u-gone',
      reason: null,
      before: null,
      after: null,
    };
    expect(await users.erase({ id: 'u-gone', audit, expectedVersion: 0, demand: [] })).toBe('erased');
    // After the lease the sweep gives it back and (locally) delivers it: the delivery finds no reader.
    expect(await sweepMail(db, at(10), { mailer: outbox })).toMatchObject({ pending: 1 });
    expect(await deliverRecords(composeMail(db, outbox, at(11)), await streamRecords(streams, db))).toEqual({ batchItemFailures: [] });
    expect(await sentTo('u-gone')).toEqual([]);
    expect(await status(id)).toBe('dropped');
  }, 60_000);
});
