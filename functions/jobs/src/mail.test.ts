import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { MailQueue, QueuedMail } from '@mekendesh/domain';
import { deliverRecords, MAIL_ATTEMPTS } from './mail.js';

const mail: QueuedMail = { id: 'pledge-p1', to: 'a@example.kg', subject: 'S', text: 'T' };

/** An in-memory queue of one mail with the adapter's states: pending -> sending -> sent (a failed send gives it back). */
function memoryQueue() {
  const state = { status: 'pending' as 'pending' | 'sending' | 'sent', claims: 0 };
  const queue: MailQueue = {
    enqueue: async () => false,
    exists: async () => true,
    claim: async (id) => {
      if (id !== mail.id || state.status !== 'pending') return undefined;
      Object.assign(state, { status: 'sending', claims: state.claims + 1 });
      return mail;
    },
    markSent: async () => void (state.status = 'sent'),
    release: async () => void (state.status = 'pending'),
    drop: async () => {
      throw new Error('a pledge email is never dropped');
    },
  };
  return { queue, state };
}

function deps(send: (m: { to: string }) => Promise<void>) {
  const { queue, state } = memoryQueue();
  const money = { clock: { now: () => new Date('2026-06-01T10:00:00Z') } } as never;
  return { deps: { queue, mailer: { send }, money }, state };
}

/** A stream record as Lambda hands it (NEW_AND_OLD_IMAGES), with a new image of the given attributes. */
function record(
  sequence: string,
  image: Record<string, string | number>,
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE' = 'INSERT',
): DynamoDBRecord {
  const NewImage = Object.fromEntries(Object.entries(image).map(([k, v]) => [k, typeof v === 'number' ? { N: String(v) } : { S: v }]));
  return { eventID: `e-${sequence}`, eventName, eventSource: 'aws:dynamodb', dynamodb: { SequenceNumber: sequence, NewImage } };
}

const pending = (extra: Record<string, string | number> = {}) => ({
  pk: `MAIL#${mail.id}`,
  sk: 'MAIL',
  entity: 'QueuedMail',
  id: mail.id,
  to: mail.to,
  status: 'pending',
  attempts: 0,
  ...extra,
});

describe('the mail function', () => {
  it('sends a pending mail once, however often its record comes', async () => {
    const sent: string[] = [];
    const { deps: d, state } = deps(async (m) => void sent.push(m.to));
    expect(await deliverRecords(d, [record('1', pending())])).toEqual({ batchItemFailures: [] });
    expect(await deliverRecords(d, [record('1', pending()), record('1', pending())])).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual(['a@example.kg']);
    expect(state).toEqual({ status: 'sent', claims: 1 });
  });

  it('ignores records of other entities, mails not pending, removals, and mails past their attempts', async () => {
    const sent: string[] = [];
    const { deps: d, state } = deps(async (m) => void sent.push(m.to));
    const records = [
      record('1', { pk: 'PLEDGE#p1', sk: 'PLEDGE', entity: 'Pledge', id: mail.id, status: 'pending' }),
      record('2', pending({ status: 'sent' }), 'MODIFY'),
      record('3', pending({ status: 'sending', attempts: 1 }), 'MODIFY'),
      record('4', pending(), 'REMOVE'),
      record('5', pending({ attempts: MAIL_ATTEMPTS }), 'MODIFY'),
      { eventID: 'e-6', eventName: 'INSERT', dynamodb: { SequenceNumber: '6' } } as DynamoDBRecord,
    ];
    expect(await deliverRecords(d, records)).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual([]);
    expect(state).toEqual({ status: 'pending', claims: 0 });
  });

  it('returns a record whose send fails in batchItemFailures and leaves its mail pending for the retry', async () => {
    let fail = true;
    const sent: string[] = [];
    const { deps: d, state } = deps(async (m) => {
      if (fail) throw new Error('SES throttled');
      sent.push(m.to);
    });
    const other = record('1', { pk: 'PLEDGE#p1', sk: 'PLEDGE', entity: 'Pledge', id: 'p1' });
    expect(await deliverRecords(d, [other, record('2', pending())])).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(state.status).toBe('pending');
    expect(sent).toEqual([]);
    fail = false;
    expect(await deliverRecords(d, [record('2', pending())])).toEqual({ batchItemFailures: [] });
    expect(sent).toEqual(['a@example.kg']);
  });

  it('returns a record whose queue cannot be reached in batchItemFailures', async () => {
    const { deps: d } = deps(async () => undefined);
    d.queue.claim = async () => {
      throw new Error('ProvisionedThroughputExceededException');
    };
    expect(await deliverRecords(d, [record('7', pending())])).toEqual({ batchItemFailures: [{ itemIdentifier: '7' }] });
  });
});
