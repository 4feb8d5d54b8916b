import type { LedgerEntry } from '@mekendesh/domain/money-ports';
import type { LedgerReader } from '@mekendesh/domain/public-ledger';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { pagedQuery } from './dynamo/paged-query.js';
import { pick } from './entities/catalogue.js';
import { ledgerPartition } from './entities/money.js';

const FIELDS = [
  'id',
  'at',
  'kind',
  'projectId',
  'oblastSoate',
  'pledgeId',
  'receiptId',
  'programmeId',
  'funder',
  'original',
  'deltas',
  'publicName',
  'purpose',
] as const;

/** A project's ledger entries from their own partition, newest first: one bounded Query per page. */
export class DynamoLedgerReader implements LedgerReader {
  constructor(private readonly db: Db) {}

  async listProjectLedger(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<LedgerEntry>> {
    const page = await pagedQuery(this.db, { partition: ledgerPartition(input.projectId), forward: false }, input);
    return { items: page.items.map((i) => pick<LedgerEntry>(i, FIELDS)), nextCursor: page.nextCursor };
  }
}
