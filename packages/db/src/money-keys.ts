import type { Pledge, Programme } from '@mekendesh/contracts';
import type { LedgerEntry } from '@mekendesh/domain';

/** Platform totals are split over a few items so that bookings on different projects rarely collide. */
export const PLATFORM_SHARDS = 8;
/** Sort order of rate tables of one day: fetched before demo before manual, so a staff correction wins. */
const RATE_SOURCE_ORDER = { nbkr: '1', demo: '2', manual: '3' } as const;

/** Keys of the money entities: pledges, receipts, ledger entries, programmes, rates and totals. */
export const moneyKeys = {
  pledge: (id: string) => ({ pk: `PLEDGE#${id}`, sk: 'PLEDGE' }),
  /** gsi1: an investor's pledges, newest first; gsi2: a project's pledges, oldest first. */
  pledgeIndexes: (p: Pick<Pledge, 'id' | 'investorId' | 'projectId' | 'createdAt'>) => ({
    gsi1pk: `INVESTOR#${p.investorId}`, gsi1sk: `PLEDGE#${p.createdAt}#${p.id}`,
    gsi2pk: `PLEDGES#${p.projectId}`, gsi2sk: `${p.createdAt}#${p.id}`,
  }),
  investorPledges: (investorId: string) => `INVESTOR#${investorId}`,
  projectPledges: (projectId: string) => `PLEDGES#${projectId}`,
  idempotency: (scope: string, key: string) => ({ pk: `IDEM#${scope}#${key}`, sk: 'IDEM' }),
  paymentReference: (reference: string) => ({ pk: `PAYREF#${reference}`, sk: 'PAYREF' }),
  /** One item per investor who pledged to a project: makes `supporters` a count of people, not pledges. */
  supporter: (projectId: string, investorId: string) => ({ pk: `SUPPORTER#${projectId}`, sk: investorId }),
  receipt: (id: string) => ({ pk: `RECEIPT#${id}`, sk: 'RECEIPT' }),
  /** A booking that must happen once but has no receipt (card refunds). */
  bookingOnce: (id: string) => ({ pk: `ONCE#${id}`, sk: 'ONCE' }),
  /** A webhook event handled already; expires after 30 days (correctness never depends on it). */
  processedEvent: (provider: string, id: string) => ({ pk: `${provider.toUpperCase()}_EVENT#${id}`, sk: 'EVENT' }),
  receiptIndexes: (pledgeId: string, bookedAt: string) => ({ gsi2pk: `RECEIPTS#${pledgeId}`, gsi2sk: bookedAt }),
  /**
   * A pledge's receipts of one amount and currency on one Bishkek day (their summaries, appended in each
   * booking's transaction): what a new receipt may repeat is one read by key (receipt-duplicates.ts).
   */
  receiptDay: (d: { pledgeId: string; receivedOn: string; amount: { amount: number; currency: string } }) =>
    ({ pk: `RECEIPTDAY#${d.pledgeId}`, sk: `${d.receivedOn}#${d.amount.currency}#${d.amount.amount}` }),
  /** Ledger entries live in their project's partition; matches are also indexed by programme (gsi2). */
  ledger: (e: Pick<LedgerEntry, 'projectId' | 'at' | 'id'>) => ({ pk: `LEDGER#${e.projectId}`, sk: `${e.at}#${e.id}` }),
  ledgerPartition: (projectId: string) => `LEDGER#${projectId}`,
  ledgerByProgramme: (programmeId: string) => `LEDGERPROG#${programmeId}`,
  programme: (id: string) => ({ pk: `PROGRAMME#${id}`, sk: 'PROGRAMME' }),
  programmeIndexes: (p: Pick<Programme, 'id' | 'createdAt'>) => ({ gsi1pk: 'PROGRAMMES', gsi1sk: `${p.createdAt}#${p.id}` }),
  programmes: () => 'PROGRAMMES',
  /** What one programme matched for one project: the cap is checked against it. */
  programmeProject: (programmeId: string, projectId: string) => ({ pk: `PROGRAMME#${programmeId}`, sk: `PROJECT#${projectId}` }),
  rates: (date: string, source: keyof typeof RATE_SOURCE_ORDER) => ({ pk: 'FXRATES', sk: `${date}#${RATE_SOURCE_ORDER[source]}${source}` }),
  ratesPartition: () => 'FXRATES',
  platformShard: (n: number) => ({ pk: 'STATS#platform', sk: `SHARD#${n}` }),
  /** Receiving accounts: few, in one partition that is read whole by key. */
  receivingAccount: (id: string) => ({ pk: 'PAYEES', sk: `ACCOUNT#${id}` }),
  receivingAccounts: () => 'PAYEES',
  /** Which account is the active one of a kind and currency: "one active" becomes a write condition. */
  activeReceivingAccount: (kind: string, currency: string) => ({ pk: 'PAYEES', sk: `ACTIVE#${kind}#${currency}` }),
  /** An email to send once (e.g. a pledge's payment details), keyed by what it is about. */
  mail: (id: string) => ({ pk: `MAIL#${id}`, sk: 'MAIL' }),
};

export const MONEY_ENTITY = {
  pledge: 'Pledge', idempotency: 'Idempotency', paymentReference: 'PaymentReference', supporter: 'Supporter', receipt: 'Receipt',
  ledger: 'LedgerEntry', programme: 'Programme', programmeProject: 'ProgrammeProject', rates: 'RateTable', platform: 'PlatformTotals',
  bookingOnce: 'BookingOnce', processedEvent: 'ProcessedEvent', receiptDay: 'ReceiptDay',
  receivingAccount: 'ReceivingAccount', activeReceivingAccount: 'ActiveReceivingAccount', mail: 'QueuedMail',
} as const;

const STORAGE = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity']);

/** An item without its storage attributes. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.has(k))) as T;
}
