import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailQueue, QueuedMail } from '@mekendesh/domain';
import type { Db } from './client.js';
import { mailEntity } from './entities/money.js';

/** A sent mail's record is kept this long (it is what stops a resend), then DynamoDB's TTL removes it. */
const KEEP_SECONDS = 90 * 86_400;

const conditionFailed = (e: unknown) => (e as Error).name === 'ConditionalCheckFailedException';

/**
 * The Put that queues `mail` unless one with its id exists: `pending` at `at`, or, given `claimed`, already taken
 * for sending at `at` (attempt 1), as a pledge writes its email inside its own transaction (money-store.ts) so
 * that sending it costs only the send and markSent. A claim never finished is taken over after the lease, as any.
 */
export function mailPut(tableName: string, mail: QueuedMail, input: { at: string; claimed?: boolean }) {
  const state = input.claimed ? { status: 'sending', claimedAt: input.at, attempts: 1 } : { status: 'pending', attempts: 0 };
  return {
    TableName: tableName,
    ConditionExpression: 'attribute_not_exists(pk)',
    Item: { ...mailEntity.item(mail), ...state, queuedAt: input.at, expiresAt: Math.floor(Date.parse(input.at) / 1000) + KEEP_SECONDS },
  };
}

/**
 * Emails to send once, one item each keyed by what they are about (entities/money.ts, mailEntity): pending -> sending -> sent.
 * A claim is a conditional update, so of two senders only one sends.
 */
export class DynamoMailQueue implements MailQueue {
  constructor(private readonly db: Db) {}

  async enqueue(mail: QueuedMail, at: string): Promise<boolean> {
    try {
      await this.db.doc.send(new PutCommand(mailPut(this.db.tableName, mail, { at })));
      return true;
    } catch (e) {
      if (conditionFailed(e)) return false;
      throw e;
    }
  }

  async exists(id: string): Promise<boolean> {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: mailEntity.key({ id }), ConsistentRead: true, ProjectionExpression: 'pk' }),
    );
    return out.Item !== undefined;
  }

  async claim(id: string, at: string, staleBefore: string): Promise<QueuedMail | undefined> {
    try {
      const out = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: mailEntity.key({ id }),
          UpdateExpression: 'SET #status = :sending, claimedAt = :at ADD attempts :one',
          ConditionExpression: 'attribute_exists(pk) AND (#status = :pending OR (#status = :sending AND claimedAt < :stale))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':sending': 'sending', ':pending': 'pending', ':at': at, ':stale': staleBefore, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = out.Attributes!;
      const headers = item.headers as Record<string, string> | undefined;
      return {
        id: String(item.id),
        to: String(item.to),
        subject: String(item.subject),
        text: String(item.text),
        ...(headers ? { headers } : {}),
      };
    } catch (e) {
      if (conditionFailed(e)) return undefined;
      throw e;
    }
  }

  async markSent(id: string, at: string): Promise<void> {
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: mailEntity.key({ id }),
        UpdateExpression: 'SET #status = :sent, sentAt = :at',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
      }),
    );
  }

  async release(id: string): Promise<void> {
    await this.db.doc
      .send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: mailEntity.key({ id }),
          UpdateExpression: 'SET #status = :pending REMOVE claimedAt',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending' },
        }),
      )
      .catch((e: unknown) => {
        if (!conditionFailed(e)) throw e;
      });
  }
}
