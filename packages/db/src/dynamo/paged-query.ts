import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.js';
import { projectionOf } from '../entities/catalogue.js';
import type { IndexName } from '../entities/define.js';
import { openCursor, signCursor, type CursorScope } from './cursor.js';

type Item = Record<string, unknown>;

/** Items one page may ask for at most, whatever a caller passes. */
export const MAX_PAGE_ITEMS = 200;

/** One Query of one partition, on the table or an index. */
export interface PartitionQuery {
  index?: IndexName;
  partition: string;
  /** Sort key condition: starts with (read as a range), strictly below, or at or above (one of the three). */
  skPrefix?: string;
  skBefore?: string;
  /** Sort key at or above this (a closing-soon read from today). */
  skFrom?: string;
  /** Sort key between `from` and `to`, both inclusive (a date range); used alone, as the other three. */
  skBetween?: { from: string; to: string };
  /** true: ascending sort key. */
  forward: boolean;
  /** Only these attributes. */
  fields?: readonly string[];
  /** A FilterExpression over attributes with its values (names `:x` not starting with `:pk`/`:sk`). */
  filter?: { expression: string; values: Record<string, unknown> };
  consistent?: boolean;
}

/**
 * Appended to a prefix to close its range: U+10FFFF, the highest code point (UTF-8 F4 8F BF BF), so every key
 * that starts with the prefix sorts at or below prefix + PREFIX_END (but one whose next character is U+10FFFF,
 * a noncharacter that no key holds). DynamoDB compares keys as UTF-8 bytes; so does DynamoDB Local (paged-query test).
 */
const PREFIX_END = '\u{10FFFF}';

/** The key attributes a position in this query has (the table's, plus the index's). */
export function positionNames(index: IndexName | undefined): string[] {
  return index ? ['pk', 'sk', `${index}pk`, `${index}sk`] : ['pk', 'sk'];
}

const keyNames = (index: IndexName | undefined) => ({ pk: index ? `${index}pk` : 'pk', sk: index ? `${index}sk` : 'sk' });

/** Sends one Query for at most `limit` items from `start`. */
export function queryOnce(db: Db, q: PartitionQuery, limit: number | undefined, start?: Item): Promise<QueryCommandOutput> {
  const n = keyNames(q.index);
  // A prefix is read as a range, not begins_with: the same on DynamoDB, but DynamoDB Local walks the partition
  // from its start up to a begins_with prefix (5x slower at 100,000 items; docs/discovery.md, Benchmark).
  const sk =
    q.skPrefix !== undefined
      ? ' AND #sk BETWEEN :sk AND :skEnd'
      : q.skBefore !== undefined
        ? ' AND #sk < :sk'
        : q.skFrom !== undefined
          ? ' AND #sk >= :sk'
          : q.skBetween !== undefined
            ? ' AND #sk BETWEEN :sk AND :skEnd'
            : '';
  const projection = q.fields ? projectionOf(q.fields) : undefined;
  return db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      ...(q.index ? { IndexName: q.index } : {}),
      KeyConditionExpression: `#pk = :pk${sk}`,
      ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
      ExpressionAttributeNames: { '#pk': n.pk, ...(sk ? { '#sk': n.sk } : {}), ...projection?.ExpressionAttributeNames },
      ExpressionAttributeValues: {
        ':pk': q.partition,
        ...(sk ? { ':sk': q.skPrefix ?? q.skBefore ?? q.skFrom ?? q.skBetween?.from } : {}),
        ...(q.skPrefix !== undefined ? { ':skEnd': q.skPrefix + PREFIX_END } : q.skBetween ? { ':skEnd': q.skBetween.to } : {}),
        ...q.filter?.values,
      },
      ...(projection ? { ProjectionExpression: projection.ProjectionExpression } : {}),
      ScanIndexForward: q.forward,
      ...(q.consistent ? { ConsistentRead: true } : {}),
      ...(limit !== undefined ? { Limit: limit } : {}),
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
}

/** The cursor scope of a query: bound to its index, partition, sort condition and direction, and `extra` (filters). */
export function cursorScope(q: PartitionQuery, extra = ''): CursorScope {
  const n = keyNames(q.index);
  return {
    fingerprint: JSON.stringify([
      q.index ?? 'table',
      q.partition,
      q.skPrefix ?? null,
      q.skBefore ?? null,
      q.skFrom ?? null,
      q.skBetween ?? null,
      q.forward,
      q.filter?.expression ?? null,
      extra,
    ]),
    keyNames: positionNames(q.index),
    pinned: { [n.pk]: q.partition },
    ...(q.skPrefix !== undefined ? { sortPrefix: { name: n.sk, prefix: q.skPrefix } } : {}),
  };
}

/**
 * One bounded page of a partition: at most `limit` items (capped at MAX_PAGE_ITEMS), from an optional
 * signed cursor; `nextCursor` is null at the end. A cursor this query did not issue is a 400 on `cursor`.
 * @example const page = await pagedQuery(db, { partition: ledgerPartition(projectId), forward: false }, { limit: 20, cursor });
 */
export async function pagedQuery(
  db: Db,
  q: PartitionQuery,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const scope = cursorScope(q);
  const out = await queryOnce(db, q, Math.max(1, Math.min(page.limit, MAX_PAGE_ITEMS)), openCursor(db.cursorSecret, scope, page.cursor));
  return { items: out.Items ?? [], nextCursor: signCursor(db.cursorSecret, scope, out.LastEvaluatedKey) };
}

/**
 * Every item of a partition, page by page, for bounded partitions only (a pledge's receipts, a project's
 * entries at one time); never a whole table.
 */
export async function* queryAll(db: Db, q: PartitionQuery): AsyncGenerator<Item> {
  let start: Item | undefined;
  do {
    const out = await queryOnce(db, q, undefined, start);
    yield* out.Items ?? [];
    start = out.LastEvaluatedKey;
  } while (start);
}
