import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '@mekendesh/contracts';
import { DomainError, UnavailableError } from '@mekendesh/domain/errors';
import type { Db } from './client.js';
import { auditEntity } from './entities/ops.js';

type Items = NonNullable<TransactWriteCommandInput['TransactItems']>;
export type Action = Items[number];

/** An action with a name, so that a cancelled transaction says which condition failed. */
export interface Tagged {
  tag: string;
  action: Action;
}

/** How a transaction ended: written, or cancelled by the conditions of the actions with these tags (nothing written). */
export type TransactionOutcome = { kind: 'committed' } | { kind: 'failed'; tags: string[] };

/**
 * Sends of one transaction that DynamoDB answered "try again" (another transaction held an item, throttling,
 * InternalServerError) before it gives up with a 503: with the backoff below, well over ten seconds of contention.
 */
const MAX_SENDS = 40;
// InternalServerError: AWS's advice for TransactWriteItems is to retry it; DynamoDB Local answers it under load.
const RETRYABLE = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
  'InternalServerError',
]);

/** The DynamoDB error's name without "Exception", looking through the client's UnavailableError to its cause. */
function errorName(e: unknown): string {
  const inner = e instanceof UnavailableError && e.cause ? e.cause : e;
  return String((inner as Error).name ?? '').replace(/Exception$/, '');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Full jitter, capped: concurrent writers on one item spread out instead of colliding again in step. */
const backoff = (attempt: number) => sleep(Math.random() * Math.min(500, 8 * 2 ** Math.min(attempt, 10)));

/** The tags whose conditions failed, or null when the cancellation was only "try again" (or another error). */
function failedTags(e: unknown, actions: readonly Tagged[]): string[] | null {
  if (!(e instanceof TransactionCanceledException)) return null;
  const reasons = e.CancellationReasons ?? [];
  const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [actions[i]!.tag] : []));
  return failed.length ? [...new Set(failed)] : null;
}

function isRetryable(e: unknown): boolean {
  if (e instanceof TransactionCanceledException) return (e.CancellationReasons ?? []).some((r) => RETRYABLE.has(r.Code ?? ''));
  return RETRYABLE.has(errorName(e));
}

/**
 * The one TransactWriteItems of packages/db: all or nothing, at most 100 tagged actions. Cancellation by
 * conditions comes back as `{ kind: 'failed', tags }` (which conditions, by tag; nothing written) for the caller
 * to map to its domain outcome; a cancellation that only says "try again" (TransactionConflict, throttling,
 * InternalServerError) is sent again with jittered backoff inside, and after MAX_SENDS is UnavailableError('database').
 * @example const out = await sendTransaction(db, [{ tag: 'project', action: { Update: { ... } } }]) // { kind: 'committed' }
 */
export async function sendTransaction(db: Db, actions: readonly Tagged[]): Promise<TransactionOutcome> {
  if (actions.length > 100) throw new Error(`a transaction of ${actions.length} actions: DynamoDB takes at most 100`);
  const input = { TransactItems: actions.map((a) => a.action) };
  for (let attempt = 1; ; attempt++) {
    try {
      await db.doc.send(new TransactWriteCommand(input));
      return { kind: 'committed' };
    } catch (e) {
      const tags = failedTags(e, actions);
      if (tags) return { kind: 'failed', tags };
      if (!isRetryable(e)) throw e;
      if (attempt >= MAX_SENDS)
        throw new UnavailableError('database', `the transaction met contention ${attempt} times`, { cause: e, retryAfterSeconds: 1 });
      await backoff(attempt);
    }
  }
}

/**
 * All-or-nothing writes where any failed condition means "changed meanwhile": a 409 naming what conflicted,
 * so callers never see half a change. Built on sendTransaction (contention is retried inside).
 */
export async function transact(db: Db, items: Items, conflictMessage = 'the object changed meanwhile'): Promise<void> {
  const out = await sendTransaction(
    db,
    items.map((action) => ({ tag: 'item', action })),
  );
  if (out.kind === 'failed') throw new DomainError('conflict', conflictMessage);
}

/** The audit entry as a Put in the same transaction as the change it records. */
export function auditPut(db: Db, entry: AuditEntry): Items[number] {
  return {
    Put: {
      TableName: db.tableName,
      Item: auditEntity.item(entry),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
