import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DuplicateOf, Pledge, Programme, Project, Receipt } from '@mekendesh/contracts';
import { DomainError } from '@mekendesh/domain/errors';
import { ledgerName, supporterIdOf } from '@mekendesh/domain/pledge-rules';
import { totalsStayExact } from '@mekendesh/domain/money-limits';
import { withInvestor } from '@mekendesh/domain/pledges';
import type {
  Booking,
  BookingCondition,
  CommitOutcome,
  MoneyStore,
  PledgeCommitOutcome,
  ListedAccounts,
  PledgeContext,
  PledgePlan,
  ReceiptDay,
  ReceiptState,
} from '@mekendesh/domain/money-ports';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { pagedQuery } from './dynamo/paged-query.js';
import {
  activeReceivingAccountEntity,
  idempotencyEntity,
  INVESTOR_PLEDGES_PREFIX,
  investorPledgesPartition,
  paymentReferenceEntity,
  pledgeEntity,
  projectPledgesPartition,
  receiptDayEntity,
  receiptEntity,
  receivingAccountEntity,
  supporterEntity,
} from './entities/money.js';
import { projectEntity } from './entities/catalogue.js';
import { userEntity } from './entities/accounts.js';
import { userFromItem } from './user-repository.js';
import { stripKeys } from './entities/define.js';
import { batchGet } from './dynamo/batch-get.js';
import { mailPut } from './mail-queue.js';
import { bookingActions, sumDeltas } from './money-transaction.js';
import { projectIndexItems } from './project-index.js';
import type { DynamoProgrammeStore } from './programme-store.js';
import { windowCount } from './rate-limiter.js';
import { sendTransaction, type Tagged, type TransactionOutcome } from './transact.js';

/** What each tagged action's failed condition means for the domain (money-transaction.ts tags the actions). */
/** A stored pledge as the contract's Pledge: without its keys and the project's oblast and sector the booking writes beside it. */
export function pledgeFromItem(item: Record<string, unknown>): Pledge {
  const { oblastSoate: _oblast, sector: _sector, ...rest } = stripKeys<Pledge & { oblastSoate?: string; sector?: string }>(item);
  return rest;
}

const CONDITION_OF_TAG: Record<string, BookingCondition> = {
  payref: 'payment_reference',
  supporter: 'supporter',
  pledge: 'pledge_version',
  entry: 'ledger_entry',
  platform: 'total_limit',
  oblast: 'total_limit',
  programme: 'programme_budget',
  cap: 'programme_budget',
  accounts: 'receiving_accounts',
  clubMember: 'club_membership',
};

const ACCOUNT_KINDS = ['bank', 'money_transfer'] as const;

/**
 * Checks that the accounts a pledge's email lists still stand: each listed one unchanged (its version) and active,
 * and, for a kind none is listed of, no account of that kind active for the currency (its guard item absent).
 */
function listedAccountChecks(tableName: string, listed: ListedAccounts): Tagged[] {
  return ACCOUNT_KINDS.map((kind): Tagged => {
    const a = listed.accounts.find((x) => x.kind === kind);
    const check = a
      ? {
          Key: receivingAccountEntity.key(a),
          ConditionExpression: '#v = :v AND #a = :t',
          ExpressionAttributeNames: { '#v': 'version', '#a': 'active' },
          ExpressionAttributeValues: { ':v': a.version, ':t': true },
        }
      : { Key: activeReceivingAccountEntity.key({ kind, currency: listed.currency }), ConditionExpression: 'attribute_not_exists(pk)' };
    return { tag: 'accounts', action: { ConditionCheck: { TableName: tableName, ...check } } };
  });
}

/** Tags of a pledge's counts in its limits' windows: `limit:<i>` for PledgePlan.windows[i]. */
const LIMIT_TAG = 'limit:';

/**
 * Every write of a new pledge, each tagged, for one TransactWriteItems: the idempotency record, the payment
 * reference, the supporter marker (written, or checked to exist), the booking (money-transaction.ts), a count in
 * each of `plan.windows` at the pledge's `createdAt` (rate-limiter.ts, windowCount: the limiter's own item) and the
 * mail, claimed (or pending: plan.mailPending; mail-queue.ts, mailPut), with checks of the accounts it lists. `retryAfterSeconds[i]`: the wait when window i is full. The bench sends
 * these same actions directly.
 */
export function pledgeActions(db: Db, plan: PledgePlan): { actions: Tagged[]; retryAfterSeconds: number[] } {
  const { scope, key, hash } = plan.idempotency;
  const p = plan.booking.pledge.next;
  const t = db.tableName;
  // A club contribution marks the club, not the member: a club is one supporter of the project (supporterIdOf).
  const mustNotExist = (tag: string, Item: Record<string, unknown>): Tagged => ({
    tag,
    action: { Put: { TableName: t, ConditionExpression: 'attribute_not_exists(pk)', Item } },
  });
  const counts = plan.windows.map((w) => windowCount(t, w, Math.floor(Date.parse(p.createdAt) / 1000)));
  const actions: Tagged[] = [
    mustNotExist('idem', idempotencyEntity.item({ scope, key }, { hash, pledgeId: p.id, at: p.createdAt })),
    mustNotExist('payref', paymentReferenceEntity.item({ reference: p.paymentReference }, { pledgeId: p.id })),
    supporterAction(t, p, plan.firstFromInvestor, mustNotExist),
    ...bookingActions(db, plan.booking),
    ...counts.map((c, i): Tagged => ({ tag: `${LIMIT_TAG}${i}`, action: { Update: c.update } })),
    ...(plan.mail ? [{ tag: 'mail', action: { Put: mailPut(t, plan.mail, { at: p.createdAt, claimed: !plan.mailPending }) } }] : []),
    ...(plan.listed ? listedAccountChecks(t, plan.listed) : []),
  ];
  return { actions, retryAfterSeconds: counts.map((c) => c.retryAfterSeconds) };
}

/**
 * The pledge's supporter marker (one per supporter: the investor, or the club, supporterIdOf): written by the first
 * pledge, checked to exist by the next. A pledge shown by name (ledgerName: the chosen name, or the club's) also puts
 * the name on the marker and the marker in the named-supporters index (gsi1, from the first named pledge on), in the
 * same action, so the public list and the pledge never disagree. A later anonymous pledge leaves a given name alone.
 */
function supporterAction(
  t: string,
  p: Pledge,
  first: boolean,
  mustNotExist: (tag: string, item: Record<string, unknown>) => Tagged,
): Tagged {
  const supporter = { projectId: p.projectId, investorId: supporterIdOf(p) };
  const name = ledgerName(p);
  if (first) {
    const named = name ? { ...supporter, namedAt: p.createdAt } : supporter;
    return mustNotExist('supporter', supporterEntity.item(named, name ? { at: p.createdAt, publicName: name } : { at: p.createdAt }));
  }
  const Key = supporterEntity.key(supporter);
  if (!name) return { tag: 'supporter', action: { ConditionCheck: { TableName: t, Key, ConditionExpression: 'attribute_exists(pk)' } } };
  const index = supporterEntity.indexKeys({ ...supporter, namedAt: p.createdAt });
  return {
    tag: 'supporter',
    action: {
      Update: {
        TableName: t,
        Key,
        ConditionExpression: 'attribute_exists(pk)',
        // The first name given keeps its place in the list (if_not_exists); the name shown is the newest.
        UpdateExpression: 'SET publicName = :n, gsi1pk = :pk, gsi1sk = if_not_exists(gsi1sk, :sk)',
        ExpressionAttributeValues: { ':n': name, ':pk': index.gsi1pk, ':sk': index.gsi1sk },
      },
    },
  };
}

/**
 * The money core on DynamoDB: reads by key (strongly consistent) and commits each booking as one
 * TransactWriteItems with the totals it changes (transact.ts, sendTransaction). It never decides: the
 * use cases plan the booking and retry a conflict (packages/domain money-commit.ts).
 */
export class DynamoMoneyStore implements MoneyStore {
  /** `programmes`: the same programme store the use cases get (the booking state reads programme usage through it). */
  constructor(
    private readonly db: Db,
    private readonly programmes: DynamoProgrammeStore,
  ) {}

  private async get(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    return (await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: key, ConsistentRead: true }))).Item;
  }

  async getPledge(id: string): Promise<Pledge | undefined> {
    const item = await this.get(pledgeEntity.key({ id }));
    return item ? pledgeFromItem(item) : undefined;
  }

  async getReceipt(id: string): Promise<Receipt | undefined> {
    const item = await this.get(receiptEntity.key({ id }));
    return item ? stripKeys<Receipt>(item) : undefined;
  }

  async receiptsOnDay(day: ReceiptDay): Promise<DuplicateOf[]> {
    const item = await this.get(receiptDayEntity.key(day));
    return Array.isArray(item?.receipts) ? (item.receipts as DuplicateOf[]) : [];
  }

  async pledgeIdByReference(reference: string): Promise<string | undefined> {
    const item = await this.get(paymentReferenceEntity.key({ reference }));
    return item ? String(item.pledgeId) : undefined;
  }

  async pledgeContext(input: Parameters<MoneyStore['pledgeContext']>[0]): Promise<PledgeContext> {
    const idem = idempotencyEntity.key({ scope: input.scope, key: input.key });
    const project = projectEntity.key({ id: input.projectId });
    const supporter = supporterEntity.key({ projectId: input.projectId, investorId: input.supporterId ?? input.investorId });
    const user = userEntity.key({ id: input.investorId });
    const items = await batchGet(this.db, [idem, project, supporter, ...(input.withUser ? [user] : [])], { consistent: true });
    const find = (k: { pk: string; sk: string }) => items.find((i) => i.pk === k.pk && i.sk === k.sk);
    const record = find(idem);
    const projectItem = find(project);
    const userItem = find(user);
    return withInvestor(
      {
        ...(record ? { idempotent: { hash: String(record.hash), pledgeId: String(record.pledgeId) } } : {}),
        ...(projectItem ? { project: stripKeys<Project>(projectItem) } : {}),
        supporter: find(supporter) !== undefined,
      },
      userItem ? userFromItem(userItem) : undefined,
    );
  }

  async commitPledge(plan: PledgePlan): Promise<PledgeCommitOutcome> {
    const { actions, retryAfterSeconds } = pledgeActions(this.db, plan);
    const out = await sendTransaction(this.db, actions);
    if (out.kind === 'failed' && !out.tags.includes('idem')) {
      // A full window is final; the wait is the longest of the full ones (a full day outlasts its minute).
      const full = out.tags.filter((t) => t.startsWith(LIMIT_TAG)).map((t) => retryAfterSeconds[Number(t.slice(LIMIT_TAG.length))]!);
      if (full.length) return { kind: 'limited', retryAfterSeconds: Math.max(...full) };
    }
    return this.outcome(out, plan.booking, 'idem');
  }

  async commitBooking(booking: Booking): Promise<CommitOutcome> {
    return this.outcome(await sendTransaction(this.db, bookingActions(this.db, booking)), booking, 'receipt');
  }

  /** What a booking's transaction came to for the domain: which conditions failed; `onceTag`'s failure is a duplicate. */
  private async outcome(out: TransactionOutcome, booking: Booking, onceTag: string): Promise<CommitOutcome> {
    if (out.kind === 'committed') return out;
    if (out.tags.includes(onceTag)) return { kind: 'duplicate' };
    const failed = new Set(out.tags.flatMap((tag) => (CONDITION_OF_TAG[tag] ? [CONDITION_OF_TAG[tag]] : [])));
    if (out.tags.includes('project')) failed.add(await this.projectCondition(booking));
    return { kind: 'conflict', failed: [...failed] };
  }

  /**
   * Which of the project's conditions failed: its status moved, a disbursement would spend more than the project holds
   * (`available`), or a running total would pass its limit (money-transaction.ts, withinTotalLimit). Read again, since
   * one Update carries them all.
   */
  private async projectCondition(b: Booking): Promise<BookingCondition> {
    const item = await this.get(projectEntity.key({ id: b.project.id }));
    if (item && item.status === b.project.status && b.spend !== undefined && Number(item.available ?? 0) < b.spend) return 'available';
    if (item && item.status === b.project.status && !totalsStayExact(item, sumDeltas(b))) return 'total_limit';
    return 'project_status';
  }

  async bookingState(input: { pledgeId: string; receiptDay?: ReceiptDay }): Promise<ReceiptState> {
    const pledge = await this.getPledge(input.pledgeId);
    if (!pledge) throw new DomainError('not_found', 'pledge was not found');
    // Read after the pledge: a booking in between moves the pledge's version, so a plan from these reads fails its condition.
    const sameDay = input.receiptDay ? await this.receiptsOnDay(input.receiptDay) : undefined;
    const projectItem = await this.get(projectEntity.key({ id: pledge.projectId }));
    if (!projectItem) throw new DomainError('not_found', 'project was not found');
    const programmes: Programme[] = await this.programmes.listConsistent();
    const used = await this.programmes.matchedForProject(
      programmes.map((p) => p.id),
      pledge.projectId,
    );
    return {
      pledge,
      project: stripKeys<Project>(projectItem),
      programmes: programmes.map((programme) => ({ programme, matchedForProject: used.get(programme.id) ?? 0 })),
      ...(sameDay ? { sameDay } : {}),
    };
  }

  /**
   * Re-sorts the project in discovery's percent-funded lists after its money changed. Outside the booking
   * transaction (up to five index items); each write is conditioned on the project version it was computed
   * from, so a late writer never puts back an older order.
   */
  async refreshFundingOrder(projectId: string): Promise<void> {
    const item = await this.get(projectEntity.key({ id: projectId }));
    if (!item) return;
    const project = stripKeys<Project>(item);
    const facets = projectIndexItems(project).filter((i) => i.gsi4pk !== undefined);
    await Promise.all(
      facets.map((f) =>
        this.db.doc
          .send(
            new UpdateCommand({
              TableName: this.db.tableName,
              Key: { pk: f.pk, sk: f.sk },
              UpdateExpression: 'SET gsi4sk = :k, fseq = :v',
              ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(fseq) OR fseq < :v)',
              ExpressionAttributeValues: { ':k': f.gsi4sk, ':v': project.version },
            }),
          )
          .catch((e: Error) => {
            if (e.name !== 'ConditionalCheckFailedException') throw e;
          }),
      ),
    );
  }

  async listInvestorPledges(input: { investorId: string; limit: number; cursor?: string }): Promise<Page<Pledge>> {
    const page = await pagedQuery(
      this.db,
      {
        index: 'gsi1',
        partition: investorPledgesPartition(input.investorId),
        skPrefix: INVESTOR_PLEDGES_PREFIX,
        forward: false,
      },
      input,
    );
    return { items: page.items.map((i) => pledgeFromItem(i)), nextCursor: page.nextCursor };
  }

  async listProjectPledges(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<Pledge>> {
    const page = await pagedQuery(this.db, { index: 'gsi2', partition: projectPledgesPartition(input.projectId), forward: true }, input);
    return { items: page.items.map((i) => pledgeFromItem(i)), nextCursor: page.nextCursor };
  }

  async bookedReceipts(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    if (ids.length > 100) throw new RangeError('at most 100 receipt ids per call');
    const found = await batchGet(
      this.db,
      ids.map((id) => receiptEntity.key({ id })),
      { consistent: true, fields: ['id'] },
    );
    return new Set(found.map((i) => String(i.id)));
  }

  async projectTotals(projectId: string) {
    const item = await this.get(projectEntity.key({ id: projectId }));
    if (!item) return undefined;
    const n = (f: string) => Number(item[f] ?? 0);
    return { pledged: n('pledged'), raised: n('raised'), matched: n('matched'), supporters: n('supporters') };
  }
}
