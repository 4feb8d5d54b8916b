import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LedgerEntry, LedgerReader, Page } from '@mekendesh/domain';
import type { Db } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { moneyKeys } from './money-keys.js';

const FIELDS = ['id', 'at', 'kind', 'projectId', 'oblastSoate', 'pledgeId', 'receiptId', 'programmeId', 'funder', 'original', 'deltas', 'publicName'] as const;

/** A project's ledger entries from their own partition, newest first: one bounded Query per page. */
export class DynamoLedgerReader implements LedgerReader {
  constructor(private readonly db: Db) {}

  async listProjectLedger(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<LedgerEntry>> {
    const pk = moneyKeys.ledgerPartition(input.projectId);
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: input.limit,
        ExclusiveStartKey: decodeCursor(input.cursor, ['pk', 'sk'], { pk }),
      }),
    );
    const items = (out.Items ?? []).map((i) => Object.fromEntries(FIELDS.map((f) => [f, i[f] ?? null])) as unknown as LedgerEntry);
    return { items, nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }
}
