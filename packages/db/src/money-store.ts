import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DuplicateOf, Pledge, Programme, Project, Receipt } from '@mekendesh/contracts';
import {
  DomainError, totalLimitReached, totalsStayExact, type Booking, type BookingOutcome, type MoneyStore, type Page, type ReceiptDay, type ReceiptState,
} from '@mekendesh/domain';
import type { Db } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { keys } from './keys.js';
import { bookingActions, runTransaction, sumDeltas, type Plan, type Tagged } from './money-transaction.js';
import { MONEY_ENTITY, moneyKeys, stripKeys } from './money-keys.js';
import { projectIndexItems } from './project-index.js';
import { DynamoProgrammeStore } from './programme-store.js';

const INVESTOR_CURSOR = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;
const PROJECT_CURSOR = ['pk', 'sk', 'gsi2pk', 'gsi2sk'] as const;

/**
 * The money core on DynamoDB: every booking is one TransactWriteItems with the totals it changes,
 * planned from strongly consistent reads and retried with backoff when another booking wins a race.
 */
export class DynamoMoneyStore implements MoneyStore {
  private readonly programmes: DynamoProgrammeStore;

  constructor(private readonly db: Db) {
    this.programmes = new DynamoProgrammeStore(db);
  }

  private async get(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    return (await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: key, ConsistentRead: true }))).Item;
  }

  async findIdempotent(scope: string, key: string) {
    const item = await this.get(moneyKeys.idempotency(scope, key));
    return item ? { hash: String(item.hash), pledgeId: String(item.pledgeId) } : undefined;
  }

  async getPledge(id: string): Promise<Pledge | undefined> {
    const item = await this.get(moneyKeys.pledge(id));
    return item ? stripKeys<Pledge>(item) : undefined;
  }

  async getReceipt(id: string): Promise<Receipt | undefined> {
    const item = await this.get(moneyKeys.receipt(id));
    return item ? stripKeys<Receipt>(item) : undefined;
  }

  async receiptsOnDay(day: ReceiptDay): Promise<DuplicateOf[]> {
    const item = await this.get(moneyKeys.receiptDay(day));
    return Array.isArray(item?.receipts) ? (item.receipts as DuplicateOf[]) : [];
  }

  async pledgeIdByReference(reference: string): Promise<string | undefined> {
    const item = await this.get(moneyKeys.paymentReference(reference));
    return item ? String(item.pledgeId) : undefined;
  }

  async createPledge(input: Parameters<MoneyStore['createPledge']>[0]): Promise<{ pledge: Pledge; created: boolean }> {
    const { scope, key, hash } = input.idempotency;
    return runTransaction(this.db, async () => {
      const booking = input.build(false);
      const pledge = booking.pledge!.next;
      const supporterKey = moneyKeys.supporter(pledge.projectId, pledge.investorId);
      const first = !(await this.get(supporterKey));
      const b: Booking = first ? input.build(true) : booking;
      const p = b.pledge!.next;
      const t = this.db.tableName;
      const extra: Tagged[] = [
        { tag: 'idem', action: { Put: { TableName: t, ConditionExpression: 'attribute_not_exists(pk)', Item: { ...moneyKeys.idempotency(scope, key), entity: MONEY_ENTITY.idempotency, hash, pledgeId: p.id, at: p.createdAt } } } },
        { tag: 'payref', action: { Put: { TableName: t, ConditionExpression: 'attribute_not_exists(pk)', Item: { ...moneyKeys.paymentReference(p.paymentReference), entity: MONEY_ENTITY.paymentReference, pledgeId: p.id } } } },
        first
          ? { tag: 'supporter', action: { Put: { TableName: t, ConditionExpression: 'attribute_not_exists(pk)', Item: { ...supporterKey, entity: MONEY_ENTITY.supporter, at: p.createdAt } } } }
          : { tag: 'supporter', action: { ConditionCheck: { TableName: t, Key: supporterKey, ConditionExpression: 'attribute_exists(pk)' } } },
      ];
      return {
        actions: [...extra, ...bookingActions(this.db, b)],
        onSuccess: () => ({ pledge: p, created: true }),
        onConditionFailed: async (tags) => {
          if (tags.includes('idem')) return { result: await this.replay(scope, key, hash) };
          await this.throwIfTotalLimit(b, tags);
          if (tags.includes('project')) throw new DomainError('conflict', 'the project stopped taking pledges meanwhile');
          return 'retry'; // a reference or the first-supporter marker was taken meanwhile: plan again
        },
      };
    });
  }

  /**
   * A failed condition that was the running-total limit (money-transaction.ts, withinTotalLimit), not a race:
   * the platform and oblast writes have no other condition; the project's also checks its status, so its
   * totals are read again. Throws totalLimitReached (422 on `amount`); nothing was written.
   */
  private async throwIfTotalLimit(b: Booking, tags: string[]): Promise<void> {
    if (tags.includes('platform') || tags.includes('oblast')) throw totalLimitReached();
    if (!tags.includes('project')) return;
    const item = await this.get(keys.project(b.project.id));
    if (item && item.status === b.project.status && !totalsStayExact(item, sumDeltas(b))) throw totalLimitReached();
  }

  private async replay(scope: string, key: string, hash: string): Promise<{ pledge: Pledge; created: boolean }> {
    const earlier = await this.findIdempotent(scope, key);
    if (!earlier || earlier.hash !== hash) {
      throw new DomainError('unprocessable', 'this Idempotency-Key was used with a different request', [{ field: 'Idempotency-Key', message: 'already used with a different body' }]);
    }
    return { pledge: (await this.getPledge(earlier.pledgeId))!, created: false };
  }

  private async readState(pledgeId: string, receiptDay?: ReceiptDay): Promise<ReceiptState> {
    const pledge = await this.getPledge(pledgeId);
    if (!pledge) throw new DomainError('not_found', 'pledge was not found');
    // Read after the pledge: a booking in between moves the pledge's version, so this plan is retried.
    const sameDay = receiptDay ? await this.receiptsOnDay(receiptDay) : undefined;
    const projectItem = await this.get(keys.project(pledge.projectId));
    if (!projectItem) throw new DomainError('not_found', 'project was not found');
    const programmes: Programme[] = await this.programmes.listConsistent();
    const used = await this.programmes.matchedForProject(programmes.map((p) => p.id), pledge.projectId);
    return {
      pledge, project: stripKeys<Project>(projectItem),
      programmes: programmes.map((programme) => ({ programme, matchedForProject: used.get(programme.id) ?? 0 })),
      ...(sameDay ? { sameDay } : {}),
    };
  }

  async book<T>(input: {
    pledgeId: string; receiptId?: string; receiptDay?: ReceiptDay; decide: (s: ReceiptState) => { booking: Booking; value: T } | { skip: T };
  }): Promise<BookingOutcome<T>> {
    let raised = false;
    const out = await runTransaction<BookingOutcome<T>>(this.db, async () => {
      const decided = input.decide(await this.readState(input.pledgeId, input.receiptDay));
      if ('skip' in decided) return { done: { kind: 'booked' as const, value: decided.skip } } satisfies Plan<BookingOutcome<T>>;
      raised = decided.booking.entries.some((e) => e.deltas.raised !== 0);
      return {
        actions: bookingActions(this.db, decided.booking),
        onSuccess: () => ({ kind: 'booked' as const, value: decided.value }),
        onConditionFailed: async (tags: string[]) => {
          if (tags.includes('receipt')) return { result: { kind: 'already_booked' as const } };
          await this.throwIfTotalLimit(decided.booking, tags);
          return 'retry' as const;
        },
      } satisfies Plan<BookingOutcome<T>>;
    });
    if (out.kind === 'booked' && raised) await this.refreshPercentFunded(input.pledgeId);
    return out;
  }

  /**
   * Re-sorts the project in discovery's percent-funded lists after its money changed. Outside the booking
   * transaction (up to five index items); each write is conditioned on the project version it was computed
   * from, so a late writer never puts back an older order.
   */
  private async refreshPercentFunded(pledgeId: string): Promise<void> {
    const pledge = await this.getPledge(pledgeId);
    const item = pledge && (await this.get(keys.project(pledge.projectId)));
    if (!item) return;
    const project = stripKeys<Project>(item);
    const facets = projectIndexItems(project).filter((i) => i.gsi4pk !== undefined);
    await Promise.all(facets.map((f) => this.db.doc.send(new UpdateCommand({
      TableName: this.db.tableName, Key: { pk: f.pk, sk: f.sk }, UpdateExpression: 'SET gsi4sk = :k, fseq = :v',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(fseq) OR fseq < :v)',
      ExpressionAttributeValues: { ':k': f.gsi4sk, ':v': project.version },
    })).catch((e: Error) => { if (e.name !== 'ConditionalCheckFailedException') throw e; })));
  }

  async listInvestorPledges(input: { investorId: string; limit: number; cursor?: string }): Promise<Page<Pledge>> {
    const pk = moneyKeys.investorPledges(input.investorId);
    const out = await this.db.doc.send(new QueryCommand({
      TableName: this.db.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': 'PLEDGE#' }, ScanIndexForward: false, Limit: input.limit,
      ExclusiveStartKey: decodeCursor(input.cursor, INVESTOR_CURSOR, { gsi1pk: pk }),
    }));
    return { items: (out.Items ?? []).map((i) => stripKeys<Pledge>(i)), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async listProjectPledges(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<Pledge>> {
    const pk = moneyKeys.projectPledges(input.projectId);
    const out = await this.db.doc.send(new QueryCommand({
      TableName: this.db.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': pk },
      Limit: input.limit, ExclusiveStartKey: decodeCursor(input.cursor, PROJECT_CURSOR, { gsi2pk: pk }),
    }));
    return { items: (out.Items ?? []).map((i) => stripKeys<Pledge>(i)), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  async bookedReceipts(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    if (ids.length > 100) throw new RangeError('at most 100 receipt ids per call');
    const found = new Set<string>();
    let pending: Record<string, unknown>[] | undefined = ids.map((id) => moneyKeys.receipt(id));
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
      const out: BatchGetCommandOutput = await this.db.doc.send(new BatchGetCommand({ RequestItems: { [this.db.tableName]: { Keys: pending, ProjectionExpression: 'id', ConsistentRead: true } } }));
      for (const item of out.Responses?.[this.db.tableName] ?? []) found.add(String(item.id));
      pending = out.UnprocessedKeys?.[this.db.tableName]?.Keys;
    }
    return found;
  }

  async projectTotals(projectId: string) {
    const item = await this.get(keys.project(projectId));
    if (!item) return undefined;
    const n = (f: string) => Number(item[f] ?? 0);
    return { pledged: n('pledged'), raised: n('raised'), matched: n('matched'), supporters: n('supporters') };
  }
}
