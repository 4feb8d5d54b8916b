import {
  referenceKey,
  type AuditEntry,
  type Money,
  type Pledge,
  type Receipt,
  type ReceiptResult,
  type StoredRate,
} from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { computeMatch, eligibleProgrammes } from './cofinancing.js';
import { DomainError, invalidIn } from './errors.js';
import { convertFromKgs } from './exchange-rates.js';
import { bookingProject, type Booking, type LedgerEntry, type ReceiptState, type Reservation } from './money-ports.js';
import { kgsAt, rateOn, type MoneyDeps } from './money-deps.js';
import { bookFresh } from './money-commit.js';
import { applyReceipt, deltas, ledgerName } from './pledge-rules.js';
import { authorize } from './policy.js';
import { notifyAfterCommit } from './notifications.js';
import { receiptNotices } from './transactional-notices.js';
import { dayInReceiptWindow, possibleDuplicateOf, PossibleDuplicateError, RECEIVED_ON_OUT_OF_RANGE } from './receipt-duplicates.js';

export interface ReceiptInput {
  pledgeId: string;
  amount: Money;
  /** YYYY-MM-DD, the day the money arrived: its rate prices the receipt, and decides programme periods. */
  receivedOn: string;
  /** The bank's, the statement's or the payment provider's own id: the same id books once. */
  receiptId: string;
  bankReference: string;
  source: Receipt['source'];
  /** Lets a payment channel record its own state on the pledge in the same transaction (the card path's `card`). */
  annotate?: (next: Pledge) => Pledge;
  /**
   * 'refuse': a possible duplicate (receipt-duplicates.ts, possibleDuplicateOf) throws PossibleDuplicateError
   * instead of booking; 'book' (default: money a provider confirmed, or staff confirmed) books it.
   */
  duplicates?: 'refuse' | 'book';
  /** Who booked it, for the audit entry `receipt.record` (absent: `system`, a payment webhook); a statement's lines name it. */
  by?: { actor: UserActor; statement?: string };
}

/** Ids of receipts: one per bank reference, statement row or payment provider object. */
/**
 * References and texts are compared by `referenceKey` (contracts normalise.ts: NFC/NFKC, invisible characters removed,
 * look-alike hyphens unified, upper case), so `R`, `R` + U+200B and `R` + U+2010 are one transfer.
 */
export const receiptIds = {
  bank: (reference: string) => `bank:${referenceKey(reference)}`,
  statementRow: (row: { date: string; amount: Money; text: string }) =>
    `stmt:${row.date}|${row.amount.amount}|${row.amount.currency}|${referenceKey(row.text).slice(0, 200)}`,
  /** For the card path: e.g. cardReceiptId(paymentIntent.id). */
  card: (providerId: string) => `card:${providerId}`,
};

interface Priced {
  amountKgs: number;
  rate: StoredRate;
}

/** The receipt in the pledge's currency: converted at the receipt day's rate when the currencies differ. */
async function inPledgeCurrency(deps: MoneyDeps, input: ReceiptInput, priced: Priced, pledge: Pledge): Promise<number> {
  const currency = pledge.amount?.currency;
  if (!currency || currency === input.amount.currency) return input.amount.amount;
  if (currency === 'KGS') return priced.amountKgs;
  const pledgeRate = await rateOn(deps.rates, currency, input.receivedOn);
  return convertFromKgs({ amount: priced.amountKgs, currency: 'KGS' }, pledgeRate).amount;
}

async function price(deps: MoneyDeps, input: ReceiptInput): Promise<Priced> {
  const rate = await rateOn(deps.rates, input.amount.currency, input.receivedOn);
  return { amountKgs: kgsAt(input.amount, rate), rate };
}

/**
 * The matches every eligible programme reserves for this money, within budget and cap as read. Eligible
 * includes the pledge's type: a programme matches only the types it declares (donations by default).
 */
function matchesFor(state: ReceiptState, receivedKgs: number, day: string): Reservation[] {
  const programmes = state.programmes.map((p) => p.programme);
  const eligible = new Set(eligibleProgrammes({ programmes, project: state.project, day, pledgeType: state.pledge.type }).map((p) => p.id));
  return state.programmes
    .filter((p) => eligible.has(p.programme.id))
    .flatMap(({ programme, matchedForProject }) => {
      const { match } = computeMatch({
        programme,
        receivedKgs,
        alreadyMatchedForProject: matchedForProject,
        programmeReserved: programme.reserved,
      });
      return match > 0
        ? [{ programmeId: programme.id, amount: match, budget: programme.budget, capPerProject: programme.capPerProject }]
        : [];
    });
}

function receiptEntries(state: ReceiptState, receipt: Receipt, input: ReceiptInput, reservations: Reservation[]): LedgerEntry[] {
  const { pledge, project } = state;
  const base = {
    at: receipt.bookedAt,
    projectId: project.id,
    oblastSoate: project.oblastSoate,
    country: pledge.investorCountry ?? null,
    pledgeId: pledge.id,
    receiptId: receipt.id,
    publicName: ledgerName(pledge),
  };
  return [
    {
      ...base,
      id: `${pledge.id}-r${pledge.receipts + 1}`,
      kind: 'received',
      programmeId: null,
      funder: 'diaspora',
      original: input.amount.currency === 'KGS' ? null : input.amount,
      deltas: deltas({ raised: receipt.amountKgs }),
    },
    ...reservations.map((r, i): LedgerEntry => ({
      ...base,
      id: `${pledge.id}-r${pledge.receipts + 1}-m${i}`,
      kind: 'matched',
      programmeId: r.programmeId,
      funder: 'programme',
      original: null,
      deltas: deltas({ matched: r.amount }),
      publicName: null,
    })),
  ];
}

/** The audit entry of a booked receipt, small: ids, amounts, currency (`after.statement`: the statement's file name). */
function receiptAudit(deps: MoneyDeps, input: ReceiptInput, receipt: Receipt): AuditEntry {
  return {
    id: deps.newId(),
    at: receipt.bookedAt,
    actorId: input.by?.actor.id ?? 'system',
    actorRoles: input.by ? [...input.by.actor.roles] : [],
    action: 'receipt.record',
    objectType: 'pledge',
    objectId: receipt.pledgeId,
    reason: null,
    before: null,
    after: {
      receiptId: receipt.id,
      amount: receipt.amount.amount,
      currency: receipt.amount.currency,
      amountKgs: receipt.amountKgs,
      projectId: receipt.projectId,
      source: receipt.source,
      ...(input.by?.statement ? { statement: input.by.statement } : {}),
    },
  };
}

/**
 * Books money received for a pledge: the receipt, its ledger entries, the pledge's new state, the running
 * totals and the co-financing matches, in one transaction; read, decided and committed again on conflicts (bookFresh). The
 * same `receiptId` books once (`already_booked`). Call it from a payment webhook with `source: 'card'`.
 * @example await bookReceipt(deps, { pledgeId, amount: { amount: 10_000, currency: 'USD' }, receivedOn: '2026-03-02',
 *   receiptId: receiptIds.card(intent.id), bankReference: intent.id, source: 'card' })
 */
export async function bookReceipt(
  deps: MoneyDeps,
  input: ReceiptInput,
): Promise<{ kind: 'booked'; value: ReceiptResult } | { kind: 'already_booked' }> {
  const priced = await price(deps, input);
  const receiptDay = { pledgeId: input.pledgeId, receivedOn: input.receivedOn, amount: input.amount };
  const decide = async (state: ReceiptState): Promise<{ booking: Booking; value: ReceiptResult }> => {
    const { project } = state;
    if (project.status === 'expired' || project.status === 'cancelled')
      throw new DomainError('conflict', `the project is ${project.status}: return the money instead`);
    const repeated = input.duplicates === 'refuse' ? possibleDuplicateOf(state.sameDay ?? [], input.receiptId) : undefined;
    if (repeated) throw new PossibleDuplicateError(repeated, input.amount);
    const reservations = matchesFor(state, priced.amountKgs, input.receivedOn);
    const at = deps.clock.now().toISOString();
    const receipt: Receipt = {
      id: input.receiptId,
      pledgeId: state.pledge.id,
      projectId: project.id,
      amount: input.amount,
      amountKgs: priced.amountKgs,
      rate: priced.rate,
      receivedOn: input.receivedOn,
      bankReference: input.bankReference,
      source: input.source,
      bookedAt: at,
      matched: reservations.map((r) => ({ programmeId: r.programmeId, amountKgs: r.amount })),
    };
    const converted = await inPledgeCurrency(deps, input, priced, state.pledge);
    const applied = applyReceipt(state.pledge, { inPledgeCurrency: converted, amountKgs: priced.amountKgs, matched: receipt.matched, at });
    const next = input.annotate ? input.annotate(applied) : applied;
    return {
      booking: {
        entries: receiptEntries(state, receipt, input, reservations),
        receipt,
        reservations,
        project: bookingProject(project),
        pledge: { next, expectedVersion: state.pledge.version },
        audit: [receiptAudit(deps, input, receipt)],
        receiptDay: {
          ...receiptDay,
          add: { receiptId: receipt.id, receivedOn: receipt.receivedOn, bankReference: receipt.bankReference, source: receipt.source },
        },
      },
      value: { receipt, pledge: next },
    };
  };
  const out = await bookFresh(deps, { pledgeId: input.pledgeId, receiptDay, decide });
  // After the commit, whichever path booked it (staff, statement, card): about the receipt's id, so once per receipt.
  if (out.kind === 'booked' && deps.notices)
    await notifyAfterCommit(deps.notices.notifier, receiptNotices(out.value, deps.notices.webOrigin));
  return out;
}

/**
 * Staff record one transfer by hand; the bank reference makes a second entry of the same transfer a 409.
 * Money of the same amount and currency the pledge already received that day under another id (a statement
 * line without the bank's reference, a card payment) is a 409 on `confirmDuplicate` (PossibleDuplicateError)
 * unless `confirmDuplicate` is true. A day before FIRST_RECEIPT_DAY or after today in Bishkek is a 400 on `receivedOn`.
 */
export async function recordReceipt(
  deps: MoneyDeps,
  actor: Actor,
  input: { pledgeId: string; amount: Money; receivedOn: string; bankReference: string; confirmDuplicate?: boolean },
): Promise<ReceiptResult> {
  authorize(actor, { action: 'money:manage' });
  const { confirmDuplicate, ...receipt } = input;
  if (!dayInReceiptWindow(receipt.receivedOn, deps.clock)) throw invalidIn('receivedOn', RECEIVED_ON_OUT_OF_RANGE);
  const out = await bookReceipt(deps, {
    ...receipt,
    receiptId: receiptIds.bank(receipt.bankReference),
    source: 'manual',
    duplicates: confirmDuplicate ? 'book' : 'refuse',
    by: { actor },
  });
  if (out.kind === 'already_booked') throw new DomainError('conflict', `the transfer ${input.bankReference} is already booked`);
  return out.value;
}
