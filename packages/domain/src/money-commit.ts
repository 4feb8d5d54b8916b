import { DomainError } from './errors.js';
import { totalLimitReached } from './money-limits.js';
import type { MoneyDeps } from './money-deps.js';
import type { Booking, BookingOutcome, CommitOutcome, ReceiptDay, ReceiptState } from './money-ports.js';

/**
 * Rounds of read, decide, commit that one booking gets when other writers keep winning its conditions (a
 * pledge's version, a programme's budget, a supporter marker). Contention on items alone ("try again") is
 * retried inside the adapter's one transaction call; this bounds the re-planning.
 */
export const MAX_BOOKING_ATTEMPTS = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Full jitter, capped at 250 ms: writers that lost to each other spread out instead of colliding again in step. */
export const bookingBackoff = (attempt: number) => sleep(Math.random() * Math.min(250, 5 * 2 ** attempt));

/** Gave up after MAX_BOOKING_ATTEMPTS: a 409 in three languages, nothing written, the same request may be sent again. */
export function contentionError(): DomainError {
  const messages = {
    ky: 'Ушул эле учурда башка өзгөртүүлөр көп болду: эч нерсе жазылган жок, сурамды кайра жибериңиз',
    ru: 'В этот момент шло слишком много других изменений: ничего не записано, отправьте запрос ещё раз',
    en: 'Too many other changes were made at the same moment: nothing was written, send the request again',
  };
  return new DomainError('conflict', messages.en, [], messages);
}

/** What one round of an optimistic booking came to: an answer, or "plan again from fresh reads". */
export type Round<T> = { done: T } | { again: true };

/**
 * The optimistic retry loop of the money use cases: runs `round` (read, decide, commit once) until it answers,
 * with jittered backoff between rounds; after `attempts` rounds a 409 (contentionError), never a 500.
 * @example await optimistically(async () => ((await commit()).kind === 'committed' ? { done: 1 } : { again: true }))
 */
export async function optimistically<T>(round: (attempt: number) => Promise<Round<T>>, attempts = MAX_BOOKING_ATTEMPTS): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await bookingBackoff(attempt);
    const out = await round(attempt);
    if ('done' in out) return out.done;
  }
  throw contentionError();
}

/** A club contribution from one who is no longer a member of its club (they left, or were never in it): 403, nothing written. */
export function notClubMember(): DomainError {
  const messages = {
    ky: 'Клубдун мүчөлөрү гана салым кошот: сиз бул клубдун мүчөсү эмессиз, эч нерсе жазылган жок',
    ru: 'Вносить могут только члены клуба: вы не состоите в этом клубе, ничего не записано',
    en: 'Only members of the club contribute: you are not a member of this club, nothing was written',
  };
  return new DomainError('forbidden', messages.en, [], messages);
}

/**
 * A `conflict` that reading again cannot cure: a running total would pass its limit (422 on `amount`); the
 * contributor is no longer a member of the club (403: the transaction's ConditionCheck on their membership failed).
 */
export function throwIfFinal(out: CommitOutcome): void {
  if (out.kind !== 'conflict') return;
  if (out.failed.includes('total_limit')) throw totalLimitReached();
  if (out.failed.includes('club_membership')) throw notClubMember();
}

/** What a decision of a booking is: the booking and the value it answers, or nothing to book (`skip`). */
export type Decision<T> = { booking: Booking; value: T } | { skip: T };

/**
 * Books a change of an existing pledge from fresh state: reads the state (bookingState), asks `decide`, commits
 * once; a conflict reads and decides again (optimistically). `already_booked` when its receipt or `once` id
 * exists. After money moved (`raised` changed) the project is re-sorted in discovery's percent-funded lists.
 * @example await bookFresh(deps, { pledgeId, decide: (s) => ({ booking: planOf(s), value: 'released' }) })
 */
export async function bookFresh<T>(
  deps: Pick<MoneyDeps, 'money'>,
  input: { pledgeId: string; receiptDay?: ReceiptDay; decide: (state: ReceiptState) => Decision<T> | Promise<Decision<T>> },
): Promise<BookingOutcome<T>> {
  return optimistically(async (): Promise<Round<BookingOutcome<T>>> => {
    const state = await deps.money.bookingState({
      pledgeId: input.pledgeId,
      ...(input.receiptDay ? { receiptDay: input.receiptDay } : {}),
    });
    const decided = await input.decide(state);
    if ('skip' in decided) return { done: { kind: 'booked', value: decided.skip } };
    const out = await deps.money.commitBooking(decided.booking);
    if (out.kind === 'duplicate') return { done: { kind: 'already_booked' } };
    throwIfFinal(out);
    if (out.kind === 'conflict') return { again: true };
    if (decided.booking.entries.some((e) => e.deltas.raised !== 0)) await deps.money.refreshFundingOrder(decided.booking.project.id);
    return { done: { kind: 'booked', value: decided.value } };
  });
}
