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
  /** Sort key condition: begins_with, or strictly below. */
  skPrefix?: string;
  skBefore?: string;
  /** true: ascending sort key. */
  forward: boolean;
  /** Only these attributes. */
  fields?: readonly string[];
  /** A FilterExpression over attributes with its values (names `:x` not starting with `:pk`/`:sk`). */
  filter?: { expression: string; values: Record<string, unknown> };
  consistent?: boolean;
}

/** The key attributes a position in this query has (the table's, plus the index's). */
export function positionNames(index: IndexName | undefined): string[] {
  return index ? ['pk', 'sk', `${index}pk`, `${index}sk`] : ['pk', 'sk'];
}

const keyNames = (index: IndexName | undefined) => ({ pk: index ? `${index}pk` : 'pk', sk: index ? `${index}sk` : 'sk' });

/** Sends one Query for at most `limit` items from `start`. */
export function queryOnce(db: Db, q: PartitionQuery, limit: number | undefined, start?: Item): Promise<QueryCommandOutput> {
  const n = keyNames(q.index);
  const sk = q.skPrefix !== undefined ? ' AND begins_with(#sk, :sk)' : q.skBefore !== undefined ? ' AND #sk < :sk' : '';
  const projection = q.fields ? projectionOf(q.fields) : undefined;
  return db.doc.send(new QueryCommand({
    TableName: db.tableName,
    ...(q.index ? { IndexName: q.index } : {}),
    KeyConditionExpression: `#pk = :pk${sk}`,
    ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
    ExpressionAttributeNames: { '#pk': n.pk, ...(sk ? { '#sk': n.sk } : {}), ...projection?.ExpressionAttributeNames },
    ExpressionAttributeValues: { ':pk': q.partition, ...(sk ? { ':sk': q.skPrefix ?? q.skBefore } : {}), ...q.filter?.values },
    ...(projection ? { ProjectionExpression: projection.ProjectionExpression } : {}),
    ScanIndexForward: q.forward,
    ...(q.consistent ? { ConsistentRead: true } : {}),
    ...(limit !== undefined ? { Limit: limit } : {}),
    ...(start ? { ExclusiveStartKey: start } : {}),
  }));
}

/** The cursor scope of a query: bound to its index, partition, sort condition and direction, and `extra` (filters). */
export function cursorScope(q: PartitionQuery, extra = ''): CursorScope {
  const n = keyNames(q.index);
  return {
    fingerprint: JSON.stringify([q.index ?? 'table', q.partition, q.skPrefix ?? null, q.skBefore ?? null, q.forward, q.filter?.expression ?? null, extra]),
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
export async function pagedQuery(db: Db, q: PartitionQuery, page: { limit: number; cursor?: string | undefined }): Promise<{ items: Item[]; nextCursor: string | null }> {
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
