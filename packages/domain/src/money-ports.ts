import type {
  AuditEntry,
  Disbursement,
  DuplicateOf,
  Sector,
  Locale,
  Money,
  Pledge,
  Programme,
  Project,
  ProjectStatus,
  Receipt,
  StoredRateTable,
} from '@mekendesh/contracts';
import { PUBLIC_STATUSES } from '@mekendesh/contracts';
import type { RateWindow, UserRecord } from './account-ports.js';
import type { RateTable } from './exchange-rates.js';
import type { Page } from './ports.js';
import type { QueuedMail } from './receiving-accounts.js';

/** Every kind of booking; `opening` carries balances that existed before the ledger (demo data, migrations). */
export type LedgerKind = 'pledged' | 'received' | 'matched' | 'refunded' | 'disbursed' | 'released' | 'opening';

/**
 * The change an entry makes to each running total it touches, KGS tyiyn (supporters: a count).
 * `raised` is diaspora money received; `matched` programme money; `municipality` and `otherDonors` money received
 * from the owner municipality's own budget and from other donors (issue 13). `disbursed` is money spent, and the
 * four `spent*` fields split each disbursement by the funder whose money it spent (they add up to `disbursed`).
 */
export interface LedgerDeltas {
  pledged: number;
  raised: number;
  matched: number;
  refunded: number;
  released: number;
  disbursed: number;
  supporters: number;
  municipality: number;
  otherDonors: number;
  spentDiaspora: number;
  spentProgramme: number;
  spentMunicipality: number;
  spentOther: number;
}

export const ZERO_DELTAS: Readonly<LedgerDeltas> = Object.freeze({
  pledged: 0,
  raised: 0,
  matched: 0,
  refunded: 0,
  released: 0,
  disbursed: 0,
  supporters: 0,
  municipality: 0,
  otherDonors: 0,
  spentDiaspora: 0,
  spentProgramme: 0,
  spentMunicipality: 0,
  spentOther: 0,
});

/**
 * Money a project holds and may still spend, KGS tyiyn: everything received from every funder less what it
 * disbursed. Kept on the project item as `available` (money-transaction.ts adds this of each booking's deltas), so a
 * disbursement is conditioned on `available >= amount` in its own transaction: never more than was received.
 */
export function availableDelta(d: Pick<LedgerDeltas, 'raised' | 'matched' | 'municipality' | 'otherDonors' | 'disbursed'>): number {
  return d.raised + d.matched + d.municipality + d.otherDonors - d.disbursed;
}

/** The funder types of the ledger (PRODUCT.md, Ledger: by funder type); `opening` carries balances from before it. */
export type Funder = 'diaspora' | 'programme' | 'municipality' | 'other_donors' | 'opening';
export const TOTAL_FIELDS = Object.keys(ZERO_DELTAS) as (keyof LedgerDeltas)[];

/** One append-only line of the ledger. Totals are the sum of `deltas` over entries, by scope. */
export interface LedgerEntry {
  id: string;
  at: string;
  kind: LedgerKind;
  projectId: string;
  oblastSoate: string;
  pledgeId: string | null;
  receiptId: string | null;
  programmeId: string | null;
  funder: Funder;
  /** The money as it came, when it was not KGS. */
  original: Money | null;
  /**
   * The investor's country of residence (ISO 3166-1 alpha-2, from the pledge's `investorCountry`) for diaspora
   * money and its matches; null when unknown or not diaspora money. The dashboard's remittance corridors.
   */
  country: string | null;
  deltas: LedgerDeltas;
  /** Shown on the public ledger: the investor's name only if they opted in. */
  publicName: string | null;
  /** A disbursement's "what it paid for" (the officer's text, plain), written in the same booking; absent on other entries. */
  purpose?: string | null;
}

/** A match reserved from a programme in the same transaction as the receipt that earned it. */
export interface Reservation {
  programmeId: string;
  amount: number;
  /** The programme's budget and cap as read: the write is conditioned on staying within both. */
  budget: number;
  capPerProject: number;
}

/** What a booking needs of its project: the key, the status its write is conditioned on, and the dashboard's dimensions. */
export interface BookingProject {
  id: string;
  status: ProjectStatus;
  oblastSoate: string;
  sector: Sector;
  isPublic: boolean;
}

/** The booking's view of a project (see BookingProject). */
export function bookingProject(p: Pick<Project, 'id' | 'status' | 'oblastSoate' | 'sector'>): BookingProject {
  return { id: p.id, status: p.status, oblastSoate: p.oblastSoate, sector: p.sector, isPublic: PUBLIC_STATUSES.includes(p.status) };
}

/**
 * Everything one booking writes, all or nothing: the entries (each adds its deltas to the project, its
 * oblast when the project is public, and the platform), the pledge's new state (conditioned on the version
 * read), the receipt (conditioned on not existing) and the programme reservations (conditioned on budget and cap).
 */
export interface Booking {
  entries: LedgerEntry[];
  project: BookingProject;
  /**
   * A disbursement's amount, KGS tyiyn: the commit is conditioned on the project's `available` (availableDelta)
   * being at least this, so spending never passes the money received, also when two are sent at once
   * (condition `available`).
   */
  spend?: number;
  /** Audit entries written in the booking's own transaction (money events: receipts, refunds, disbursements). */
  audit?: AuditEntry[];
  /**
   * A disbursement's programme share, KGS tyiyn per programme: ADDed to each Programme's `used` in the same
   * transaction (split over the project's programmes by what each matched for it; disbursements.ts).
   */
  programmeUse?: { programmeId: string; amount: number }[];
  /** The disbursement this booking records, Put in its transaction (conditioned on not existing). */
  disbursement?: Disbursement;
  pledge?: { next: Pledge; expectedVersion: number | null };
  receipt?: Receipt;
  reservations?: Reservation[];
  /** Books at most once under this id (a card refund has no receipt to dedupe on): a second booking is `already_booked`. */
  once?: string;
  /**
   * The Idempotency-Key record of a request that books (a disbursement, a co-funding receipt), written in this
   * transaction on condition it is new: a second booking under the same scope and key is `duplicate`, also at once.
   * `hash`: the request's canonical JSON; `resultId`: what the first call made (the disbursement's id).
   */
  idempotency?: { scope: string; key: string; hash: string; resultId: string };
  /** The receipt's summary, added to its pledge's receipts of that day and amount (see `ReceiptDay`). */
  receiptDay?: ReceiptDay & { add: DuplicateOf };
}

/** A pledge's money of one amount and currency received on one Bishkek day: what a new receipt may repeat. */
export interface ReceiptDay {
  pledgeId: string;
  /** YYYY-MM-DD, Bishkek. */
  receivedOn: string;
  amount: Money;
}

export interface ReceiptState {
  pledge: Pledge;
  project: Project;
  programmes: { programme: Programme; matchedForProject: number }[];
  /** Receipts of the pledge on the booking's day with its amount, read by key (only when `book` was given `receiptDay`). */
  sameDay?: DuplicateOf[];
}

export type BookingOutcome<T> = { kind: 'booked'; value: T } | { kind: 'already_booked' };

/**
 * A condition of a booking's transaction that another writer broke meanwhile (nothing was written):
 * the project's status; a running total (project, oblast or platform) that would pass MAX_TOTAL_MINOR; the
 * investor's first-supporter marker (written or expected meanwhile); the payment reference (taken); the pledge's
 * version (another booking of the pledge won); a programme's budget or per-project cap; a ledger entry's id; the
 * contributor's membership of the club whose club pledge a new pledge adds to (they left meanwhile: final, 403).
 */
export type BookingCondition =
  | 'project_status'
  | 'total_limit'
  | 'supporter'
  | 'payment_reference'
  | 'pledge_version'
  | 'programme_budget'
  | 'ledger_entry'
  | 'receiving_accounts'
  | 'club_membership'
  | 'available';

/**
 * How one commit of a booking ended: written; refused by conditions (which ones; plan again from fresh reads or
 * give up); or `duplicate`: what makes it once exists already (the idempotency record of a pledge, the receipt
 * or `once` id of a receipt booking).
 */
export type CommitOutcome = { kind: 'committed' } | { kind: 'conflict'; failed: BookingCondition[] } | { kind: 'duplicate' };

/** A new pledge, decided: its booking, the idempotency record written with it, and whether it counts a new supporter. */
export interface PledgePlan {
  booking: Booking & { pledge: { next: Pledge; expectedVersion: null } };
  idempotency: { scope: string; key: string; hash: string };
  /** true: the first pledge to the project by its supporter (supporterIdOf: the investor, or the club; the marker is written, must not exist); false: it must exist. */
  firstFromInvestor: boolean;
  /**
   * The investor's pledge limits (rate-limits.ts, pledgeWindows), each counted in the same transaction in its window
   * at the pledge's `createdAt`: only a written pledge uses the allowance, a refused or re-planned one nothing.
   */
  windows: readonly RateWindow[];
  /** The payment email, written with the pledge already claimed for sending at its `createdAt` (pledge-email.ts sends it next). */
  mail?: QueuedMail;
  /** true: the email is written pending instead, for the stream-triggered sender to claim (MailDelivery `stream`). */
  mailPending?: boolean;
  /** The accounts the email lists, as read (maybe from this instance's cache): the commit checks they still stand. */
  listed?: ListedAccounts;
}

/**
 * The active receiving accounts of one currency a pledge's email lists, by id and version. The pledge's commit is
 * conditioned on each being unchanged and active, and on no account of a kind not listed being active for the
 * currency (a `conflict` on `receiving_accounts` otherwise): no email names a closed account.
 */
export interface ListedAccounts {
  currency: string;
  accounts: readonly { id: string; kind: 'bank' | 'money_transfer'; version: number }[];
}

/** How a pledge's commit ended: as any booking's, or `limited`: a window of `windows` was full (nothing written). */
export type PledgeCommitOutcome = CommitOutcome | { kind: 'limited'; retryAfterSeconds: number };

/** The investor as a pledge's email addresses them, from their platform record. */
export interface PledgeInvestor {
  email: string;
  locale: Locale;
  displayName: string;
}

/** What a pledge is decided from, read at once (one strongly consistent batch). */
export interface PledgeContext {
  /** The record a first call with this idempotency key left. */
  idempotent?: { hash: string; pledgeId: string };
  project?: Project;
  /** Whether the investor (for a club contribution, the club: supporterIdOf) pledged to the project before (the supporter marker exists). */
  supporter: boolean;
  /** The investor's display name, when asked for (`withUser`); null when they have none or their account was deleted. */
  displayName: string | null;
  /** What the pledge's email needs of the investor, when asked for (`withUser`) and their record exists. */
  investor?: PledgeInvestor;
  /** The investor's platform record, when asked for (`withUser`) and it exists (not deleted): authentication's too (signedInToPledge). */
  user?: UserRecord;
}

/**
 * What the money core needs from storage; packages/db implements it on DynamoDB. Reads and commits only: the
 * use cases decide, and retry a `conflict` from fresh reads (money-commit.ts).
 */
export interface MoneyStore {
  /** One strongly consistent batch read: the idempotency record, the project, the supporter marker (and the user's record when asked). */
  pledgeContext(input: {
    scope: string;
    key: string;
    projectId: string;
    investorId: string;
    /** Whose supporter marker to read (supporterIdOf); the investor's when absent. */
    supporterId?: string;
    withUser: boolean;
  }): Promise<PledgeContext>;
  /**
   * Writes a new pledge with its idempotency record, payment reference, supporter marker, ledger entry, totals, its
   * counts in the pledge limits' windows and its email, all or nothing, in one transaction.
   */
  commitPledge(plan: PledgePlan): Promise<PledgeCommitOutcome>;
  getPledge(id: string): Promise<Pledge | undefined>;
  pledgeIdByReference(reference: string): Promise<string | undefined>;
  listInvestorPledges(input: { investorId: string; limit: number; cursor?: string }): Promise<Page<Pledge>>;
  listProjectPledges(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<Pledge>>;
  /** Which of these receipt ids are already booked (bounded: at most 100 per call). */
  bookedReceipts(ids: readonly string[]): Promise<Set<string>>;
  getReceipt(id: string): Promise<Receipt | undefined>;
  /** Receipts booked for a pledge on a day with exactly this amount and currency (one read by key, strongly consistent). */
  receiptsOnDay(day: ReceiptDay): Promise<DuplicateOf[]>;
  /**
   * A pledge's booking state, strongly consistent: the pledge, its project, every programme with what it matched
   * for the project (and, given `receiptDay`, that day's receipts as `sameDay`). 404 DomainError without the pledge or project.
   */
  bookingState(input: { pledgeId: string; receiptDay?: ReceiptDay }): Promise<ReceiptState>;
  /** Writes a booking of an existing pledge, all or nothing: `duplicate` when its receipt (or `once` id) exists. */
  commitBooking(booking: Booking): Promise<CommitOutcome>;
  /**
   * Re-sorts the project in discovery's percent-funded lists after its money changed; each write is conditioned
   * on the project version it was computed from, so a late writer never puts back an older order.
   */
  refreshFundingOrder(projectId: string): Promise<void>;
  /** Project totals as stored: pledged, raised, matched, supporters. */
  projectTotals(projectId: string): Promise<{ pledged: number; raised: number; matched: number; supporters: number } | undefined>;
}

export interface RateStore {
  /** Tables dated on or before `day`, oldest first, manual after fetched for the same date (bounded read). */
  tablesUpTo(day: string, limit: number): Promise<RateTable[]>;
  put(table: StoredRateTable): Promise<void>;
  /** The stored tables of one day (fetched, demo, manual; none: empty), read by key. */
  tablesOn(day: string): Promise<StoredRateTable[]>;
  /** A day's manual table with its audit entry, in one transaction (a correction by staff). */
  putManual(input: { table: StoredRateTable; audit: AuditEntry }): Promise<void>;
  /** Stored tables newest day first, one bounded page (the staff rates page). */
  listTables(input: { limit: number; cursor?: string }): Promise<Page<StoredRateTable>>;
}

export interface ProgrammeStore {
  /** Stores a new programme; with `audit`, its audit entry in the same transaction. */
  create(programme: Programme, audit?: AuditEntry): Promise<void>;
  list(limit: number): Promise<Programme[]>;
  /** Per project: what each programme matched so far (one bounded read per programme). */
  matchedForProject(programmeIds: readonly string[], projectId: string): Promise<Map<string, number>>;
}
