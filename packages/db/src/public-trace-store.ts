import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Pledge } from '@mekendesh/contracts';
import type { LedgerEntryRef, PublicTraceStore } from '@mekendesh/domain/public-traces';
import type { MoneyStore } from '@mekendesh/domain/money-ports';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { queryAll } from './dynamo/paged-query.js';
import { ledgerEntryEntity, ledgerPartition, pledgeEntity, pledgeReceiptsPartition, supporterEntity } from './entities/money.js';
import { transact } from './transact.js';

type Items = NonNullable<TransactWriteCommandInput['TransactItems']>;
/** One transaction holds 100 actions; the last batch also carries the pledge's own update and its supporter marker's. */
const BATCH = 98;

/** The pledge reads the traces start from: the money store's (DynamoMoneyStore in composition). */
export type PledgeReads = Pick<MoneyStore, 'listInvestorPledges' | 'getPledge'>;

/**
 * An investor's public traces on DynamoDB, found by key only: pledges through the per-investor index
 * (gsi1), each pledge's receipts through the receipt index (gsi2), and its ledger entries in its project's
 * ledger partition under the times it was booked with a name.
 */
export class DynamoPublicTraceStore implements PublicTraceStore {
  /** `pledges`: the investor's pledges and a pledge by id, read through the money store rather than a second copy of it. */
  constructor(
    private readonly db: Db,
    private readonly pledges: PledgeReads,
  ) {}

  listInvestorPledges(input: { investorId: string; limit: number; cursor?: string }): Promise<Page<Pledge>> {
    return this.pledges.listInvestorPledges(input);
  }

  getPledge(id: string): Promise<Pledge | undefined> {
    return this.pledges.getPledge(id);
  }

  /**
   * The pledge's ledger entries that still carry a public name: one Query of its project's ledger for each
   * time it was booked with a name (when made, and when each receipt was booked), on sort keys beginning
   * `${at}#${pledgeId}-`. Bounded by the pledge's receipts; never a scan.
   */
  async namedEntries(pledge: Pledge): Promise<LedgerEntryRef[]> {
    const found: LedgerEntryRef[] = [];
    for (const at of new Set([pledge.createdAt, ...(await this.receiptTimes(pledge.id))])) {
      const prefix = ledgerEntryEntity.key({ projectId: pledge.projectId, at, id: `${pledge.id}-` }).sk;
      for await (const item of queryAll(this.db, {
        partition: ledgerPartition(pledge.projectId),
        skPrefix: prefix,
        forward: true,
        consistent: true,
      })) {
        // The prefix also matches a pledge whose id merely starts with this one's: the entry names its pledge.
        if (item.pledgeId === pledge.id && item.publicName != null)
          found.push({ projectId: pledge.projectId, at: String(item.at), id: String(item.id) });
      }
    }
    return found;
  }

  private async receiptTimes(pledgeId: string): Promise<string[]> {
    const times: string[] = [];
    for await (const item of queryAll(this.db, {
      index: 'gsi2',
      partition: pledgeReceiptsPartition(pledgeId),
      forward: true,
      fields: ['bookedAt'],
    })) {
      times.push(String(item.bookedAt));
    }
    return times;
  }

  /**
   * Clears the entries' public names in transactions of up to 98, then, last, makes the pledge anonymous and takes
   * the investor's name off their supporter marker (the named-supporters list),
   * on condition of its version (DomainError conflict when a booking changed it meanwhile). Entries lose
   * only `publicName`: amounts and totals stay. Repeating it changes nothing more.
   */
  async anonymise(input: { pledge: Pledge; entries: LedgerEntryRef[] }): Promise<void> {
    const t = this.db.tableName;
    const clear: Items = input.entries.map((e) => ({
      Update: {
        TableName: t,
        Key: ledgerEntryEntity.key(e),
        UpdateExpression: 'SET publicName = :none',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':none': null },
      },
    }));
    const { version, id } = input.pledge;
    const pledge: Items[number] = {
      Update: {
        TableName: t,
        Key: pledgeEntity.key({ id }),
        ConditionExpression: 'version = :v',
        UpdateExpression: 'SET #display = :anonymous, displayName = :none, version = :next',
        ExpressionAttributeNames: { '#display': 'display' },
        ExpressionAttributeValues: { ':anonymous': 'anonymous', ':none': null, ':v': version, ':next': version + 1 },
      },
    };
    // The investor's name leaves the project's named supporters too (a club's name stays: the club is the supporter).
    const supporter: Items = input.pledge.club
      ? []
      : [
          {
            Update: {
              TableName: t,
              Key: supporterEntity.key({ projectId: input.pledge.projectId, investorId: input.pledge.investorId }),
              ConditionExpression: 'attribute_exists(pk)',
              UpdateExpression: 'REMOVE publicName, gsi1pk, gsi1sk',
            },
          },
        ];
    const batches: Items[] = [];
    for (let i = 0; i < clear.length; i += BATCH) batches.push(clear.slice(i, i + BATCH));
    if (batches.length === 0 || batches.at(-1)!.length === BATCH) batches.push([]);
    batches.at(-1)!.push(pledge, ...supporter);
    for (const batch of batches) await transact(this.db, batch, 'the pledge changed meanwhile');
  }
}
