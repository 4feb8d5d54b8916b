import type { AuditEntry, CardState, Pledge, Receipt } from '@mekendesh/contracts';
import { bookingProject, type Booking, type LedgerEntry, type ReceiptState, type Reservation } from './money-ports.js';
import { deltas } from './pledge-rules.js';

/** The card state of a pledge, empty when the gateway has said nothing about it yet. */
export function cardStateOf(pledge: Pledge): CardState {
  return pledge.card ?? { status: 'expired', paymentIntentId: null, refunded: 0, closedSessions: [] };
}

/**
 * The part of `total` that a cumulative refund of `refunded` out of `charged` gives back: floor(total × refunded / charged),
 * exact in BigInt. A refund's increment is the difference of two such floors, so partial refunds never drift and a
 * full refund gives back exactly what was booked (the remainder of every earlier floor lands on the last refund).
 * @example refundShare({ total: 100, refunded: 1, charged: 3 }) // 33; then refunded 3 of 3 gives back 67 more
 */
export function refundShare(input: { total: number; refunded: number; charged: number }): number {
  if (input.charged <= 0) return 0;
  return Number((BigInt(input.total) * BigInt(Math.min(input.refunded, input.charged))) / BigInt(input.charged));
}

interface RefundInput {
  state: ReceiptState;
  /** The card receipt being refunded. */
  receipt: Receipt;
  /** The gateway's cumulative refunded amount, minor units of the charge's currency. */
  refundedTotal: number;
  once: string;
  at: string;
}

type Given = { kgs: number; inPledgeCurrency: number; matches: Reservation[] };

function givenBack(pledge: Pledge, receipt: Receipt, before: number, after: number): Given {
  const charged = receipt.amount.amount;
  const give = (total: number) => refundShare({ total, refunded: after, charged }) - refundShare({ total, refunded: before, charged });
  // Checkout charges in the pledge's currency; should it ever differ, the pledge's received amount shrinks in proportion to KGS.
  const sameCurrency = pledge.amount?.currency === receipt.amount.currency;
  const receivedFromCard = sameCurrency
    ? charged
    : refundShare({ total: pledge.received?.amount ?? 0, refunded: receipt.amountKgs, charged: Math.max(pledge.receivedKgs, 1) });
  return {
    kgs: give(receipt.amountKgs),
    inPledgeCurrency: give(receivedFromCard),
    matches: receipt.matched
      .map((m) => ({ programmeId: m.programmeId, amount: -give(m.amountKgs), budget: 0, capPerProject: 0 }))
      .filter((r) => r.amount < 0),
  };
}

function pledgeAfter(pledge: Pledge, given: Given, card: CardState, at: string, full: boolean): Pledge {
  const amount = pledge.amount!;
  const received = (pledge.received?.amount ?? 0) - given.inPledgeCurrency;
  const receivedKgs = pledge.receivedKgs - given.kgs;
  const matchedBy = { ...pledge.matchedBy };
  for (const m of given.matches) matchedBy[m.programmeId] = (matchedBy[m.programmeId] ?? 0) + m.amount;
  const status: Pledge['status'] =
    full && receivedKgs === 0 ? 'refunded' : received >= amount.amount ? 'received' : received > 0 ? 'partially_received' : 'pledged';
  return {
    ...pledge,
    status,
    card,
    received: { amount: received, currency: amount.currency },
    receivedKgs,
    overpaid: { amount: Math.max(0, received - amount.amount), currency: amount.currency },
    matchedKgs: pledge.matchedKgs + given.matches.reduce((sum, m) => sum + m.amount, 0),
    matchedBy,
    version: pledge.version + 1,
    updatedAt: at,
  };
}

/**
 * The audit entry of a card refund (pledge.refund, actor `system`: the gateway's event), booked with it; its id is the
 * ledger entry's, so a replayed event cannot write a second one. Amounts: the refunded share, in the charge's currency and KGS tyiyn.
 */
function cardRefundAudit(input: {
  id: string;
  at: string;
  pledgeId: string;
  status: string;
  projectId: string;
  given: { kgs: number };
  receipt: { currency: string };
  after: number;
}): AuditEntry {
  return {
    id: `${input.id}-audit`,
    at: input.at,
    actorId: 'system',
    actorRoles: [],
    action: 'pledge.refund',
    objectType: 'pledge',
    objectId: input.pledgeId,
    reason: 'card',
    before: { status: input.status },
    after: { amount: input.after, currency: input.receipt.currency, amountKgs: input.given.kgs, projectId: input.projectId },
  };
}

/**
 * Decides the booking of a card refund: a `refunded` entry taking the refunded share of the receipt out of raised,
 * and `matched` entries giving each programme back the same share of its match; the pledge is `refunded` once the
 * charge is refunded in full and nothing else was received. A cumulative amount at or below what is already booked
 * is skipped (events arrive in any order). A pledge already given back (an expired project) only records the state.
 */
export function refundDecision(input: RefundInput): { booking: Booking; value: 'refunded' } | { skip: 'already_refunded' } {
  const { state, receipt, at } = input;
  const { pledge, project } = state;
  const charged = receipt.amount.amount;
  const card = cardStateOf(pledge);
  const before = Math.min(card.refunded, charged);
  const after = Math.min(input.refundedTotal, charged);
  if (after <= before) return { skip: 'already_refunded' };
  const full = after === charged;
  const nextCard: CardState = {
    ...card,
    status: full ? 'refunded' : 'partially_refunded',
    paymentIntentId: card.paymentIntentId ?? receipt.bankReference,
    refunded: after,
  };
  const forBooking = bookingProject(project);
  if (pledge.status === 'refunded' || pledge.status === 'released' || pledge.status === 'cancelled') {
    const next = { ...pledge, card: nextCard, version: pledge.version + 1, updatedAt: at };
    return {
      booking: { entries: [], project: forBooking, pledge: { next, expectedVersion: pledge.version }, once: input.once },
      value: 'refunded',
    };
  }
  const given = givenBack(pledge, receipt, before, after);
  const next = pledgeAfter(pledge, given, nextCard, at, full);
  const id = `${pledge.id}-cr${after}`;
  const base = {
    at,
    projectId: project.id,
    oblastSoate: project.oblastSoate,
    country: pledge.investorCountry ?? null,
    pledgeId: pledge.id,
    receiptId: receipt.id,
    publicName: null,
  };
  const entries: LedgerEntry[] = [
    {
      ...base,
      id,
      kind: 'refunded',
      programmeId: null,
      funder: 'diaspora',
      original: receipt.amount.currency === 'KGS' ? null : { amount: after - before, currency: receipt.amount.currency },
      deltas: deltas({ raised: -given.kgs, refunded: given.kgs, pledged: next.status === 'refunded' ? -pledge.amountKgs : 0 }),
    },
    ...given.matches.map((m, i): LedgerEntry => ({
      ...base,
      id: `${id}-m${i}`,
      kind: 'matched',
      programmeId: m.programmeId,
      funder: 'programme',
      original: null,
      deltas: deltas({ matched: m.amount }),
    })),
  ];
  return {
    booking: {
      entries,
      reservations: given.matches,
      project: forBooking,
      pledge: { next, expectedVersion: pledge.version },
      once: input.once,
      audit: [
        cardRefundAudit({
          id,
          at,
          pledgeId: pledge.id,
          status: pledge.status,
          projectId: project.id,
          given,
          receipt: receipt.amount,
          after: after - before,
        }),
      ],
    },
    value: 'refunded',
  };
}
