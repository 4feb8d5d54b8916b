/**
 * The money entities: pledges and what guards them (idempotency records, payment references, supporter
 * markers), receipts and what makes a booking happen once, ledger entries, running totals, programmes
 * and their per-project reservations, rate tables, receiving accounts and queued mail.
 */
import type { Pledge, Programme } from '@mekendesh/contracts';
import type { LedgerEntry } from '@mekendesh/domain/money-ports';
import { defineEntity } from './define.js';

const AT = '2026-01-01T00:00:00.000Z';

const byInvestor = (p: Pick<Pledge, 'investorId'>) => `INVESTOR#${p.investorId}`;
const byProject = (p: Pick<Pledge, 'projectId'>) => `PLEDGES#${p.projectId}`;
/** The gsi1 partition of an investor's pledges (sort keys from INVESTOR_PLEDGES_PREFIX). */
export const investorPledgesPartition = (investorId: string) => byInvestor({ investorId });
/** The gsi2 partition of a project's pledges. */
export const projectPledgesPartition = (projectId: string) => byProject({ projectId });

const messagesOf = (p: Pick<Pledge, 'projectId'>) => `PLEDGEMSG#${p.projectId}`;
/** The gsi3 partition of a project's pledges that carry a message (sparse: the others are not in it). */
export const projectPledgeMessagesPartition = (projectId: string) => messagesOf({ projectId });
/** Whether a pledge's message is worth an officer's reading: text beyond whitespace. */
const hasMessage = (p: Partial<Pick<Pledge, 'message'>>) => typeof p.message === 'string' && p.message.trim().length > 0;

/** Transfer pledges still waiting for (part of) their money: the staff dashboard's "awaiting payment", by oblast. */
const awaitsPayment = (p: PledgeIndexed) =>
  p.channel !== undefined &&
  p.channel !== 'card' &&
  p.amount != null &&
  (p.status === 'pledged' || p.status === 'partially_received') &&
  typeof p.oblastSoate === 'string';
/** Refunded transfer pledges whose received money staff have not yet paid back: the "refunds to pay" queue. */
const refundDue = (p: PledgeIndexed) =>
  p.channel !== undefined && p.channel !== 'card' && p.status === 'refunded' && (p.receivedKgs ?? 0) > 0 && !p.refundPaidAt;
/** The gsi4 partition of transfer pledges awaiting payment on projects of one oblast (sort key `<createdAt>#<id>`, oldest first). */
export const awaitingPaymentPartition = (oblastSoate: string) => `AWAITPAY#${oblastSoate}`;
/** The gsi4 partition of refunded transfer pledges whose money is owed back (sort key `<updatedAt>#<id>`). */
export const refundsDuePartition = () => 'REFUNDDUE';

/**
 * What a pledge's index keys are built from: the pledge, and the oblast and sector of its project, which the booking
 * writes on the item beside it (money-transaction.ts; they are not part of the Pledge contract).
 */
type PledgeIndexed = Pick<Pledge, 'id' | 'investorId' | 'projectId' | 'createdAt'> &
  Partial<Pick<Pledge, 'message' | 'status' | 'channel' | 'amount' | 'receivedKgs' | 'refundPaidAt' | 'updatedAt'>> & {
    oblastSoate?: string;
    sector?: string;
  };

/**
 * A pledge: gsi1 is an investor's pledges, newest first; gsi2 a project's pledges, oldest first; gsi3 only the
 * project's pledges with a message (its officers' list reads full pages of messages, never pledges it would drop);
 * gsi4 (sparse, issue 13) a transfer pledge awaiting payment, under its project's oblast, or a refunded transfer
 * pledge whose money is still owed back. The index keys come from the pledge itself, so every write of it
 * (money-transaction.ts) carries them; a write that changes status or `refundPaidAt` some other way must Put it whole.
 */
export const pledgeEntity = defineEntity<Pick<Pledge, 'id'>, PledgeIndexed>({
  name: 'Pledge',
  table: { pk: (p) => `PLEDGE#${p.id}`, sk: () => 'PLEDGE', shape: ['PLEDGE#<id>', 'PLEDGE'] },
  indexes: {
    gsi1: {
      pk: byInvestor,
      sk: (p) => `PLEDGE#${p.createdAt}#${p.id}`,
      shape: ['INVESTOR#<investorId>', 'PLEDGE#<createdAt>#<id>'],
      purpose: "an investor's pledges, newest first",
    },
    gsi2: {
      pk: byProject,
      sk: (p) => `${p.createdAt}#${p.id}`,
      shape: ['PLEDGES#<projectId>', '<createdAt>#<id>'],
      purpose: "a project's pledges",
    },
    gsi3: {
      pk: (p) => (hasMessage(p) ? messagesOf(p) : undefined),
      sk: (p) => (hasMessage(p) ? `${p.createdAt}#${p.id}` : undefined),
      shape: ['PLEDGEMSG#<projectId>', '<createdAt>#<id>'],
      purpose: "a project's pledges with a message (sparse), for its officers",
    },
    gsi4: {
      pk: (p) => (awaitsPayment(p) ? awaitingPaymentPartition(p.oblastSoate!) : refundDue(p) ? refundsDuePartition() : undefined),
      sk: (p) => (awaitsPayment(p) ? `${p.createdAt}#${p.id}` : refundDue(p) ? `${p.updatedAt ?? p.createdAt}#${p.id}` : undefined),
      shape: ['AWAITPAY#<oblastSoate>', '<createdAt>#<id>'],
      purpose: 'transfer pledges awaiting payment by oblast, oldest first; refunds owed back (REFUNDDUE) (sparse)',
    },
  },
  example: {
    id: 'pl-1',
    investorId: 'u-1',
    projectId: 'prj-1',
    createdAt: AT,
    message: 'Good luck',
    status: 'pledged',
    channel: 'bank_transfer',
    amount: { amount: 100, currency: 'USD' },
    oblastSoate: '41704000000000',
  },
});
/** Sort-key prefix of an investor's pledges in gsi1. */
export const INVESTOR_PLEDGES_PREFIX = 'PLEDGE#';

/** What one Idempotency-Key answered (hash of the request, the pledge it made); expires. */
export const idempotencyEntity = defineEntity<{ scope: string; key: string }>({
  name: 'Idempotency',
  table: { pk: (i) => `IDEM#${i.scope}#${i.key}`, sk: () => 'IDEM', shape: ['IDEM#<scope>#<key*>', 'IDEM'] },
  example: { scope: 'u-1', key: 'k-1' },
});

/** A payment reference taken by one pledge (unique by its condition). */
export const paymentReferenceEntity = defineEntity<{ reference: string }>({
  name: 'PaymentReference',
  table: { pk: (r) => `PAYREF#${r.reference}`, sk: () => 'PAYREF', shape: ['PAYREF#<reference>', 'PAYREF'] },
  example: { reference: 'MK-ABC-123' },
});

/**
 * One item per investor who pledged to a project: makes `supporters` a count of people, not pledges. Those shown by
 * name (`publicName`: the investor's chosen name, or a club's) sit in gsi1 from `namedAt` on, the project's named
 * supporters newest first (sparse: anonymous supporters are never in it; account deletion takes a name out).
 */
export const supporterEntity = defineEntity<
  { projectId: string; investorId: string },
  { projectId: string; investorId: string; namedAt?: string }
>({
  name: 'Supporter',
  table: { pk: (s) => `SUPPORTER#${s.projectId}`, sk: (s) => s.investorId, shape: ['SUPPORTER#<projectId>', '<investorId>'] },
  indexes: {
    gsi1: {
      pk: (s) => (s.namedAt ? namedSupportersPartition(s.projectId) : undefined),
      sk: (s) => (s.namedAt ? `${s.namedAt}#${s.investorId}` : undefined),
      shape: ['NAMEDSUPP#<projectId>', '<namedAt>#<investorId>'],
      purpose: "a project's supporters shown by name, newest first",
    },
  },
  example: { projectId: 'prj-1', investorId: 'u-1', namedAt: AT },
});
/** The gsi1 partition of a project's named supporters. */
export function namedSupportersPartition(projectId: string): string {
  return `NAMEDSUPP#${projectId}`;
}

const receiptsOf = (r: { pledgeId: string }) => `RECEIPTS#${r.pledgeId}`;
/** The gsi2 partition of a pledge's receipts. */
export const pledgeReceiptsPartition = (pledgeId: string) => receiptsOf({ pledgeId });

/** A booked receipt; gsi2 lists a pledge's receipts by booking time. */
export const receiptEntity = defineEntity<{ id: string }, { pledgeId: string; bookedAt: string }>({
  name: 'Receipt',
  table: { pk: (r) => `RECEIPT#${r.id}`, sk: () => 'RECEIPT', shape: ['RECEIPT#<id>', 'RECEIPT'] },
  indexes: {
    gsi2: { pk: receiptsOf, sk: (r) => r.bookedAt, shape: ['RECEIPTS#<pledgeId>', '<bookedAt>'], purpose: "a pledge's receipts" },
  },
  example: { id: 'r-1', pledgeId: 'pl-1', bookedAt: AT },
});

/**
 * A pledge's receipts of one amount and currency on one Bishkek day (their summaries, appended in each
 * booking's transaction): what a new receipt may repeat is one read by key (receipt-duplicates.ts).
 */
export const receiptDayEntity = defineEntity<{ pledgeId: string; receivedOn: string; amount: { amount: number; currency: string } }>({
  name: 'ReceiptDay',
  table: {
    pk: (d) => `RECEIPTDAY#${d.pledgeId}`,
    sk: (d) => `${d.receivedOn}#${d.amount.currency}#${d.amount.amount}`,
    shape: ['RECEIPTDAY#<pledgeId>', '<receivedOn>#<currency>#<amount:n>'],
  },
  example: { pledgeId: 'pl-1', receivedOn: '2026-01-01', amount: { amount: 100, currency: 'KGS' } },
});

/** A booking that must happen once but has no receipt (card refunds). */
export const bookingOnceEntity = defineEntity<{ id: string }>({
  name: 'BookingOnce',
  table: { pk: (o) => `ONCE#${o.id}`, sk: () => 'ONCE', shape: ['ONCE#<id>', 'ONCE'] },
  example: { id: 'refund-1' },
});

/** A webhook event handled already (`STRIPE_EVENT#<id>`); expires after 30 days (correctness never depends on it). */
export const processedEventEntity = defineEntity<{ provider: string; id: string }>({
  name: 'ProcessedEvent',
  table: { pk: (e) => `${e.provider.toUpperCase()}_EVENT#${e.id}`, sk: () => 'EVENT', shape: ['<PROVIDER:A>_EVENT#<id>', 'EVENT'] },
  example: { provider: 'stripe', id: 'evt_1' },
});

const ledgerOf = (e: Pick<LedgerEntry, 'projectId'>) => `LEDGER#${e.projectId}`;
const matchesOf = (programmeId: string) => `LEDGERPROG#${programmeId}`;
/** The partition of a project's ledger entries. */
export const ledgerPartition = (projectId: string) => ledgerOf({ projectId });
/** The gsi2 partition of a programme's match entries. */
export const programmeMatchesPartition = matchesOf;

/** A ledger entry, in its project's partition by time; entries of a programme's matches are also in gsi2. */
export const ledgerEntryEntity = defineEntity<Pick<LedgerEntry, 'projectId' | 'at' | 'id'>, Pick<LedgerEntry, 'at' | 'id' | 'programmeId'>>(
  {
    name: 'LedgerEntry',
    table: { pk: ledgerOf, sk: (e) => `${e.at}#${e.id}`, shape: ['LEDGER#<projectId>', '<at>#<id>'] },
    indexes: {
      gsi2: {
        pk: (e) => (e.programmeId ? matchesOf(e.programmeId) : undefined),
        sk: (e) => (e.programmeId ? `${e.at}#${e.id}` : undefined),
        shape: ['LEDGERPROG#<programmeId>', '<at>#<id>'],
        purpose: "a programme's matches (sparse: entries with a programme)",
      },
    },
    example: { projectId: 'prj-1', at: AT, id: 'e-1', programmeId: 'pg-1' },
  },
);

/** Platform totals are split over a few items so that bookings on different projects rarely collide. */
export const PLATFORM_SHARDS = 8;

/** One shard of the platform's running totals. */
export const platformTotalsEntity = defineEntity<{ shard: number }>({
  name: 'PlatformTotals',
  table: { pk: () => 'STATS#platform', sk: (s) => `SHARD#${s.shard}`, shape: ['STATS#platform', 'SHARD#<n:n>'] },
  example: { shard: 3 },
});

const ALL_PROGRAMMES = 'PROGRAMMES';
/** The gsi1 partition listing every programme. */
export const programmesPartition = () => ALL_PROGRAMMES;

/** A co-financing programme with its running `reserved`; gsi1 lists them all, newest first. */
export const programmeEntity = defineEntity<{ id: string }, Pick<Programme, 'id' | 'createdAt'>>({
  name: 'Programme',
  table: { pk: (p) => `PROGRAMME#${p.id}`, sk: () => 'PROGRAMME', shape: ['PROGRAMME#<id>', 'PROGRAMME'] },
  indexes: {
    gsi1: {
      pk: programmesPartition,
      sk: (p) => `${p.createdAt}#${p.id}`,
      shape: ['PROGRAMMES', '<createdAt>#<id>'],
      purpose: 'every programme',
    },
  },
  example: { id: 'pg-1', createdAt: AT },
});

/** What one programme matched for one project: the cap is checked against it. */
export const programmeProjectEntity = defineEntity<{ programmeId: string; projectId: string }>({
  name: 'ProgrammeProject',
  table: {
    pk: (r) => `PROGRAMME#${r.programmeId}`,
    sk: (r) => `PROJECT#${r.projectId}`,
    shape: ['PROGRAMME#<programmeId>', 'PROJECT#<projectId>'],
  },
  example: { programmeId: 'pg-1', projectId: 'prj-1' },
});

/** Sort order of rate tables of one day: fetched before demo before manual, so a staff correction wins. */
const RATE_SOURCE_ORDER = { nbkr: '1', demo: '2', manual: '3' } as const;

const FX_RATES = 'FXRATES';
/** The partition holding every rate table. */
export const ratesPartition = () => FX_RATES;

/** One day's exchange rates from one source; every table in one small partition, by day. */
export const rateTableEntity = defineEntity<{ date: string; source: keyof typeof RATE_SOURCE_ORDER }>({
  name: 'RateTable',
  table: {
    pk: ratesPartition,
    sk: (r) => `${r.date}#${RATE_SOURCE_ORDER[r.source]}${r.source}`,
    shape: ['FXRATES', '<date>#<order:n><source>'],
  },
  example: { date: '2026-01-01', source: 'nbkr' },
});
/** Sort key past every table of `day` (a Query's `sk < ` bound). */
export const ratesUpTo = (day: string) => `${day}#9`;
/** The sort-key range of one day's tables (fetched, demo, manual). */
export const ratesOnDay = (day: string) => ({ from: `${day}#`, to: ratesUpTo(day) });

const PAYEES = 'PAYEES';
/** The partition of receiving accounts and their active markers. */
export const receivingAccountsPartition = () => PAYEES;

/** A receiving account (bank details shown to investors); few, in one partition that is read whole. */
export const receivingAccountEntity = defineEntity<{ id: string }>({
  name: 'ReceivingAccount',
  table: { pk: receivingAccountsPartition, sk: (a) => `ACCOUNT#${a.id}`, shape: ['PAYEES', 'ACCOUNT#<id>'] },
  example: { id: 'acc-1' },
});
/** Sort-key prefix of the accounts (the partition also holds the active markers). */
export const RECEIVING_ACCOUNTS_PREFIX = 'ACCOUNT#';

/** Which account is the active one of a kind and currency: "one active" becomes a write condition. */
export const activeReceivingAccountEntity = defineEntity<{ kind: string; currency: string }>({
  name: 'ActiveReceivingAccount',
  table: { pk: receivingAccountsPartition, sk: (a) => `ACTIVE#${a.kind}#${a.currency}`, shape: ['PAYEES', 'ACTIVE#<kind>#<currency>'] },
  example: { kind: 'bank', currency: 'KGS' },
});

/** Shards of the claimed-mail index: claims spread over them, so a busy send (a digest) never heats one partition. */
export const MAIL_CLAIM_SHARDS = 8;

/**
 * An email to send once (e.g. a pledge's payment details), keyed by what it is about. While it is claimed (`sending`)
 * it is also in gsi3 under its shard, by claim time (a sparse index: set by the claim, removed when sent or given
 * back), so the sweep finds claims older than the lease without a Scan (functions/jobs/src/mail-sweep.ts).
 */
export const mailEntity = defineEntity<{ id: string }, { id: string; claimedShard?: number; claimedAt?: string }>({
  name: 'QueuedMail',
  table: { pk: (m) => `MAIL#${m.id}`, sk: () => 'MAIL', shape: ['MAIL#<id*>', 'MAIL'] },
  indexes: {
    gsi3: {
      pk: (m) => (m.claimedAt !== undefined && m.claimedShard !== undefined ? `MAILCLAIM#${m.claimedShard}` : undefined),
      sk: (m) => (m.claimedAt !== undefined ? `${m.claimedAt}#${m.id}` : undefined),
      shape: ['MAILCLAIM#<shard:n>', '<claimedAt>#<id*>'],
      purpose: 'mail claimed for sending, oldest claim first (the stuck-sending sweep)',
    },
  },
  example: { id: 'pledge-details-pl-1', claimedShard: 3, claimedAt: '2026-03-01T10:00:00.000Z' },
});
