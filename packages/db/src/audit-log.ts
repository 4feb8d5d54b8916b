import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '@mekendesh/contracts';
import type { AuditLog, Page } from '@mekendesh/domain';
import type { Db } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const FIELDS = ['id', 'at', 'actorId', 'actorRoles', 'action', 'objectType', 'objectId', 'reason', 'before', 'after'] as const;

export class DynamoAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  /** Newest first, one bounded page at a time. */
  async list(input: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'AUDIT' },
        ScanIndexForward: false,
        Limit: input.limit,
        ExclusiveStartKey: decodeCursor(input.cursor, ['pk', 'sk'], { pk: 'AUDIT' }),
      }),
    );
    const items = (out.Items ?? []).map((i) => Object.fromEntries(FIELDS.map((f) => [f, i[f] ?? null])) as AuditEntry);
    return { items, nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }
}
