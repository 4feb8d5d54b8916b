import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateBackoff, RateDecision, RateLimiter, RateWindow } from '@mekendesh/domain/account-ports';
import type { Db } from './client.js';
import { rateBackoffEntity, rateWindowEntity } from './entities/ops.js';

const conditionFailed = (e: unknown) => (e as Error).name === 'ConditionalCheckFailedException';
/** Tries of a contended backoff claim before the attempt is refused for a second (someone hammers the same key). */
const CLAIM_TRIES = 4;

/** Where the window holding `nowSeconds` starts, in epoch seconds: at local midnights `offsetSeconds` ahead of UTC. */
export function windowStartOf(nowSeconds: number, windowSeconds: number, offsetSeconds = 0): number {
  const local = nowSeconds + offsetSeconds;
  return local - (local % windowSeconds) - offsetSeconds;
}

/**
 * The conditional ADD that counts one attempt in the window of `input` holding `nowSeconds` (epoch s): what `hit`
 * sends alone, and what a pledge sends inside its booking's transaction (money-store.ts), so both count the same
 * item (entities/ops.ts, rateWindowEntity). Its condition fails when the window is full; `retryAfterSeconds` is
 * the wait until the next window starts (at least 1).
 */
export function windowCount(tableName: string, input: RateWindow, nowSeconds: number) {
  const windowStart = windowStartOf(nowSeconds, input.windowSeconds, input.offsetSeconds);
  const update = {
    TableName: tableName,
    Key: rateWindowEntity.key({ key: input.key, windowStart }),
    UpdateExpression: 'ADD hits :one SET entity = :e, expiresAt = :exp',
    ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
    ExpressionAttributeValues: {
      ':one': 1,
      ':limit': input.limit,
      ':e': rateWindowEntity.name,
      ':exp': windowStart + input.windowSeconds * 2,
    },
  };
  return { update, retryAfterSeconds: Math.max(1, windowStart + input.windowSeconds - nowSeconds) };
}

/**
 * The platform's abuse counters, one item per key and window (entities/ops.ts), read and written by key only.
 * Fixed windows take one conditional ADD each, so a refused attempt writes nothing; growing delays are read,
 * then claimed with a write conditional on what was read. DynamoDB's TTL (`expiresAt`) removes old counters,
 * and a counter past its `expiresAt` that TTL has not removed yet counts as gone.
 */
export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(input: RateWindow): Promise<RateDecision> {
    const { update, retryAfterSeconds } = windowCount(this.db.tableName, input, Math.floor(this.now() / 1000));
    try {
      await this.db.doc.send(new UpdateCommand(update));
      return { allowed: true, retryAfterSeconds };
    } catch (e) {
      if (conditionFailed(e)) return { allowed: false, retryAfterSeconds };
      throw e;
    }
  }

  async backoff(input: RateBackoff): Promise<RateDecision> {
    const Key = rateBackoffEntity.key({ key: input.key });
    for (let i = 0; i < CLAIM_TRIES; i++) {
      const nowMs = this.now();
      const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key, ConsistentRead: true }));
      const item = out.Item as { tries: number; nextAt: number; expiresAt: number } | undefined;
      const live = item !== undefined && item.expiresAt * 1000 > nowMs;
      if (live && item.nextAt > nowMs) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((item.nextAt - nowMs) / 1000)) };
      const tries = (live ? item.tries : 0) + 1;
      const wait = tries < input.free ? 0 : Math.min(input.baseSeconds * 2 ** (tries - input.free), input.maxSeconds);
      const nextAt = nowMs + wait * 1000;
      try {
        await this.db.doc.send(
          new UpdateCommand({
            TableName: this.db.tableName,
            Key,
            UpdateExpression: 'SET tries = :tries, nextAt = :next, entity = :e, expiresAt = :exp',
            ConditionExpression: item ? 'tries = :seenTries AND nextAt = :seenNext' : 'attribute_not_exists(tries)',
            ExpressionAttributeValues: {
              ':tries': tries,
              ':next': nextAt,
              ':e': rateBackoffEntity.name,
              ':exp': Math.ceil(nextAt / 1000) + input.forgetSeconds,
              ...(item ? { ':seenTries': item.tries, ':seenNext': item.nextAt } : {}),
            },
          }),
        );
        return { allowed: true, retryAfterSeconds: Math.ceil(wait) };
      } catch (e) {
        if (!conditionFailed(e)) throw e;
      }
    }
    return { allowed: false, retryAfterSeconds: 1 };
  }

  async clear(input: { key: string; windowSeconds?: number; offsetSeconds?: number }): Promise<void> {
    const Key =
      input.windowSeconds === undefined
        ? rateBackoffEntity.key({ key: input.key })
        : rateWindowEntity.key({
            key: input.key,
            windowStart: windowStartOf(Math.floor(this.now() / 1000), input.windowSeconds, input.offsetSeconds),
          });
    await this.db.doc.send(new DeleteCommand({ TableName: this.db.tableName, Key }));
  }
}
