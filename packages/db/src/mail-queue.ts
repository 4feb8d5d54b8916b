import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailQueue, QueuedMail } from '@mekendesh/domain/receiving-accounts';
import type { Db } from './client.js';
import { queryOnce } from './dynamo/paged-query.js';
import { MAIL_CLAIM_SHARDS, mailEntity } from './entities/money.js';

/** A sent mail's record is kept this long (it is what stops a resend), then DynamoDB's TTL removes it. */
const KEEP_SECONDS = 90 * 86_400;

const conditionFailed = (e: unknown) => (e as Error).name === 'ConditionalCheckFailedException';

/** The claimed-mail index shard of a mail: FNV-1a of its id, mod MAIL_CLAIM_SHARDS (the same mail, the same shard). */
export function mailClaimShard(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % MAIL_CLAIM_SHARDS;
}

/** The claimed-mail index attributes of a claim made at `at` (gsi3pk/gsi3sk), as `:gsi3pk`/`:gsi3sk` values too. */
const claimIndex = (id: string, at: string) => mailEntity.indexKeys({ id, claimedShard: mailClaimShard(id), claimedAt: at });

/** A claim the sweep found: the mail, when it was claimed, and how many times it has been claimed. */
export interface StaleClaim {
  id: string;
  claimedAt: string;
  attempts: number;
}

/**
 * The Put that queues `mail` unless one with its id exists: `pending` at `at`, or, given `claimed`, already taken
 * for sending at `at` (attempt 1), as a pledge writes its email inside its own transaction (money-store.ts) so
 * that sending it costs only the send and markSent. A claim never finished is taken over after the lease, as any.
 */
export function mailPut(tableName: string, mail: QueuedMail, input: { at: string; claimed?: boolean }) {
  const state = input.claimed
    ? { status: 'sending', claimedAt: input.at, attempts: 1, ...claimIndex(mail.id, input.at) }
    : { status: 'pending', attempts: 0 };
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
          // The claim also puts the mail in the claimed-mail index (gsi3), where the sweep finds it if it is never finished.
          UpdateExpression: 'SET #status = :sending, claimedAt = :at, gsi3pk = :cpk, gsi3sk = :csk ADD attempts :one',
          ConditionExpression: 'attribute_exists(pk) AND (#status = :pending OR (#status = :sending AND claimedAt < :stale))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':pending': 'pending',
            ':at': at,
            ':stale': staleBefore,
            ':one': 1,
            ':cpk': claimIndex(id, at).gsi3pk,
            ':csk': claimIndex(id, at).gsi3sk,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const item = out.Attributes!;
      const headers = item.headers as Record<string, string> | undefined;
      const notice = item.notice as QueuedMail['notice'];
      return {
        id: String(item.id),
        to: String(item.to),
        subject: String(item.subject),
        text: String(item.text),
        ...(headers ? { headers } : {}),
        ...(notice ? { notice: { userId: notice.userId, kind: notice.kind } } : {}),
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
        UpdateExpression: 'SET #status = :sent, sentAt = :at REMOVE gsi3pk, gsi3sk',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':at': at },
      }),
    );
  }

  /** `dropped` (never sent, never tried again: out of the claimed-mail index and of the mail function's filter) while still claimed. */
  async drop(id: string, at: string): Promise<void> {
    await this.db.doc
      .send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: mailEntity.key({ id }),
          UpdateExpression: 'SET #status = :dropped, droppedAt = :at REMOVE gsi3pk, gsi3sk',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':dropped': 'dropped', ':sending': 'sending', ':at': at },
        }),
      )
      .catch((e: unknown) => {
        if (!conditionFailed(e)) throw e;
      });
  }

  async release(id: string): Promise<void> {
    await this.db.doc
      .send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: mailEntity.key({ id }),
          UpdateExpression: 'SET #status = :pending REMOVE claimedAt, gsi3pk, gsi3sk',
          ConditionExpression: '#status = :sending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending' },
        }),
      )
      .catch((e: unknown) => {
        if (!conditionFailed(e)) throw e;
      });
  }

  /**
   * Claims made before `staleBefore` and never finished (their sender died): at most `limit` per shard, oldest first,
   * from the claimed-mail index (one Query per shard, keys only; no Scan). Eventually consistent: a claim just
   * finished may still show, which giveBack's condition then refuses.
   */
  async staleClaims(staleBefore: string, limit: number): Promise<StaleClaim[]> {
    const shards = Array.from({ length: MAIL_CLAIM_SHARDS }, (_, shard) => shard);
    const pages = await Promise.all(
      shards.map((shard) =>
        queryOnce(
          this.db,
          {
            index: 'gsi3',
            partition: mailEntity.indexKeys({ id: '', claimedShard: shard, claimedAt: '' }).gsi3pk!,
            skBefore: staleBefore,
            forward: true,
            fields: ['id', 'claimedAt', 'attempts'],
          },
          limit,
        ),
      ),
    );
    return pages.flatMap((page) =>
      (page.Items ?? []).map((i) => ({ id: String(i.id), claimedAt: String(i.claimedAt), attempts: Number(i.attempts ?? 0) })),
    );
  }

  /**
   * Gives a stale claim back, if it is still the claim the sweep saw (same claimedAt, still sending): pending again (its
   * stream record makes the mail function deliver it) while `attempts` is below `maxAttempts`, else `failed` (left out of
   * the index and the stream: it will not be tried again). Answers what it did; 'skipped' when the claim moved on.
   */
  async giveBack(claim: StaleClaim, maxAttempts: number): Promise<'pending' | 'failed' | 'skipped'> {
    const outcome = claim.attempts < maxAttempts ? 'pending' : 'failed';
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: mailEntity.key({ id: claim.id }),
          UpdateExpression:
            outcome === 'pending' ? 'SET #status = :to REMOVE claimedAt, gsi3pk, gsi3sk' : 'SET #status = :to REMOVE gsi3pk, gsi3sk',
          ConditionExpression: '#status = :sending AND claimedAt = :claimedAt',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':to': outcome, ':sending': 'sending', ':claimedAt': claim.claimedAt },
        }),
      );
      return outcome;
    } catch (e) {
      if (conditionFailed(e)) return 'skipped';
      throw e;
    }
  }
}
