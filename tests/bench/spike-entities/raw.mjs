/**
 * Variant "raw": @aws-sdk/lib-dynamodb commands written out, as our own entity module
 * (packages/db/src/entities) compiles down to. The key strings come from shared.mjs `today`.
 */
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_TOTAL_MINOR, PAGE, SUMMARY_FIELDS, openCursor, outcomeOf, pause, signCursor, today } from './shared.mjs';

const ORDER = ['pledge', 'idem', 'project', 'supporter'];

/** The variant bound to one table: `pledge(booking)` → 'committed' | 'duplicate' | 'conflict' | 'retry'; `browse` → a page. */
export function createVariant({ endpoint, tableName }) {
  const raw = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const T = tableName;

  function actions(b) {
    const p = b.pledge;
    const d = b.deltas;
    const raised = Object.entries(d).filter(([, v]) => v > 0);
    const limit = raised.map(([f]) => `(attribute_not_exists(#${f}) OR #${f} <= :max_${f})`).join(' AND ');
    return [
      {
        Put: {
          TableName: T,
          ConditionExpression: 'attribute_not_exists(pk)',
          Item: { ...today.pledge(p.id), ...today.pledgeIndexes(p), entity: 'Pledge', ...p },
        },
      },
      {
        Put: {
          TableName: T,
          ConditionExpression: 'attribute_not_exists(pk)',
          Item: {
            ...today.idempotency(b.idempotency.scope, b.idempotency.key),
            entity: 'Idempotency',
            hash: b.idempotency.hash,
            pledgeId: p.id,
            at: p.createdAt,
          },
        },
      },
      {
        Update: {
          TableName: T,
          Key: today.project(p.projectId),
          UpdateExpression: 'ADD #pledged :pledged, #supporters :supporters, #version :one',
          ConditionExpression: `attribute_exists(pk) AND #status = :status${limit ? ` AND ${limit}` : ''}`,
          ExpressionAttributeNames: { '#pledged': 'pledged', '#supporters': 'supporters', '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: {
            ':pledged': d.pledged,
            ':supporters': d.supporters,
            ':one': 1,
            ':status': 'published',
            ...Object.fromEntries(raised.map(([f, v]) => [`:max_${f}`, MAX_TOTAL_MINOR - v])),
          },
        },
      },
      b.firstSupporter
        ? {
            Put: {
              TableName: T,
              ConditionExpression: 'attribute_not_exists(pk)',
              Item: { ...today.supporter(p.projectId, p.investorId), entity: 'Supporter', at: p.createdAt },
            },
          }
        : {
            ConditionCheck: { TableName: T, Key: today.supporter(p.projectId, p.investorId), ConditionExpression: 'attribute_exists(pk)' },
          },
    ];
  }

  async function pledge(b) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: actions(b) }));
      return 'committed';
    } catch (e) {
      if (e instanceof TransactionCanceledException)
        return outcomeOf(
          (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None'),
          ORDER,
        );
      throw e;
    }
  }

  async function summaries(ids) {
    const names = Object.fromEntries(SUMMARY_FIELDS.map((f, i) => [`#f${i}`, f]));
    const found = new Map();
    let keys = ids.map((id) => today.project(id));
    for (let attempt = 0; keys?.length; attempt++) {
      if (attempt > 8) throw new Error('unprocessed keys');
      if (attempt) await pause(attempt);
      const out = await doc.send(
        new BatchGetCommand({
          RequestItems: { [T]: { Keys: keys, ProjectionExpression: Object.keys(names).join(','), ExpressionAttributeNames: names } },
        }),
      );
      for (const item of out.Responses?.[T] ?? []) found.set(item.id, item);
      keys = out.UnprocessedKeys?.[T]?.Keys;
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)] : []));
  }

  /** One page of a facet partition, closing soon first (gsi3), PAGE items, then their summaries. */
  async function browse(partition, cursor) {
    const query = `closing_soon|${partition}`;
    const out = await doc.send(
      new QueryCommand({
        TableName: T,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': today.facet(partition) },
        ScanIndexForward: true,
        Limit: PAGE,
        ExclusiveStartKey: openCursor(query, cursor),
      }),
    );
    const items = await summaries((out.Items ?? []).map((i) => i.id));
    return { items, cursor: signCursor(query, out.LastEvaluatedKey) };
  }

  return { name: 'raw', doc, pledge, browse, params: (b) => ({ TransactItems: actions(b) }), close: () => raw.destroy() };
}
