import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, StoredRateTable } from '@mekendesh/contracts';
import type { Page } from '@mekendesh/domain/ports';
import type { RateStore } from '@mekendesh/domain/money-ports';
import type { RateTable } from '@mekendesh/domain/exchange-rates';
import type { Db } from './client.js';
import { pagedQuery, queryOnce } from './dynamo/paged-query.js';
import { stripKeys } from './entities/define.js';
import { rateTableEntity, ratesOnDay, ratesPartition, ratesUpTo } from './entities/money.js';
import { auditPut, transact } from './transact.js';

/** A stored item as the contract's table (its keys dropped). */
const tableOf = (item: Record<string, unknown>) => stripKeys<StoredRateTable>(item);

/** Exchange rates by day in one small partition; a day may have a fetched, a demo and a manual table. */
export class DynamoRateStore implements RateStore {
  constructor(private readonly db: Db) {}

  async put(table: StoredRateTable): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: rateTableEntity.item(table, { ...table, storedAt: new Date().toISOString() }),
      }),
    );
  }

  /** The manual table and its audit entry (rates.correct) in one transaction. */
  async putManual(input: { table: StoredRateTable; audit: AuditEntry }): Promise<void> {
    const item = rateTableEntity.item(input.table, { ...input.table, storedAt: input.audit.at });
    await transact(this.db, [{ Put: { TableName: this.db.tableName, Item: item } }, auditPut(this.db, input.audit)]);
  }

  /** A day's tables (fetched, demo, manual), one small Query. */
  async tablesOn(day: string): Promise<StoredRateTable[]> {
    const out = await queryOnce(this.db, { partition: ratesPartition(), skBetween: ratesOnDay(day), forward: true }, 10);
    return (out.Items ?? []).map(tableOf);
  }

  /** Newest first; a day's manual table comes before its fetched one (the sort key orders sources). */
  async listTables(input: { limit: number; cursor?: string }): Promise<Page<StoredRateTable>> {
    const page = await pagedQuery(this.db, { partition: ratesPartition(), forward: false }, input);
    return { items: page.items.map(tableOf), nextCursor: page.nextCursor };
  }

  /** The newest `limit` tables dated on or before `day`, returned oldest first (manual last within a day). */
  async tablesUpTo(day: string, limit: number): Promise<RateTable[]> {
    const out = await queryOnce(this.db, { partition: ratesPartition(), skBefore: ratesUpTo(day), forward: false }, limit);
    return (out.Items ?? []).reverse().map((i) => ({ date: String(i.date), rates: i.rates as RateTable['rates'] }));
  }
}

/** Rates close to those of early 2026, for the local stack and tests: KGS per unit. */
export const DEMO_RATES: Readonly<Record<string, { value: string; nominal: number }>> = {
  USD: { value: '87.4500', nominal: 1 },
  EUR: { value: '101.8300', nominal: 1 },
  RUB: { value: '1.1020', nominal: 1 },
  KZT: { value: '0.1690', nominal: 1 },
};

/** Stores DEMO_RATES as the table of `day` (source "demo"), so pledges in every currency work locally. */
export async function seedDemoRates(db: Db, day: string): Promise<void> {
  const rates = Object.fromEntries(Object.entries(DEMO_RATES).map(([currency, r]) => [currency, { currency, ...r }]));
  await new DynamoRateStore(db).put({ date: day, source: 'demo', rates });
}
