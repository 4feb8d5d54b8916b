/**
 * Money that may be booked twice under two ids, and days no money can have been received on.
 *
 * A receipt's id is the bank's reference when there is one (`bank:REF`), else the statement line's
 * date|amount|currency|text (`stmt:…`), or the card provider's id (`card:…`). Ids of the same kind from
 * the bank or the provider name one transfer each, so two of them are two transfers; an id from a line's
 * text names nothing the bank knows, so a hand-entered `bank:FT-777` and the statement line `stmt:…|5000|KGS|…`
 * of the same transfer never meet. Such a pair (same pledge, amount, currency and Bishkek day) is a
 * *possible* duplicate: staff book it only on purpose (issue 9, "the same transfer can be booked twice").
 */
import { FIRST_RECEIPT_DAY, type DuplicateOf, type Locale, type Money } from '@mekendesh/contracts';
import { bishkekToday } from './bishkek-calendar.js';
import { DomainError } from './errors.js';
import { formatDay, formatMoney } from '@mekendesh/contracts';

type Messages = Readonly<Record<Locale, string>>;

/**
 * Whether money can have been received on `day` ('YYYY-MM-DD'): from FIRST_RECEIPT_DAY to today in Bishkek
 * by `clock`, both included. A day after today (2099-12-31) is a typo or a forgery.
 * @example dayInReceiptWindow('2099-12-31', { now: () => new Date() }) // false
 */
export function dayInReceiptWindow(day: string, clock: { now(): Date }): boolean {
  return day >= FIRST_RECEIPT_DAY && day <= bishkekToday(clock);
}

/** Why a hand-entered receipt's day is refused (400 on `receivedOn`), in three languages. */
export const RECEIVED_ON_OUT_OF_RANGE: Messages = {
  ky: `Акча келген күн ${FIRST_RECEIPT_DAY} менен бүгүнкү күндүн (Бишкек) ортосунда болушу керек.`,
  ru: `Дата поступления должна быть не раньше ${FIRST_RECEIPT_DAY} и не позже сегодняшнего дня (по Бишкеку).`,
  en: `The day received must be between ${FIRST_RECEIPT_DAY} and today (Bishkek).`,
};

const KIND = /^(bank|card|stmt):/;

/**
 * The receipt among `existing` (same pledge, amount, currency and day) that `receiptId` may repeat, if any:
 * one with another id, unless both are the bank's own references or both the card provider's (those name
 * two transfers). The same id is not this question: it books once anyway (`already_booked`).
 * @example possibleDuplicateOf([{ receiptId: 'bank:FT-777', … }], 'stmt:2026-11-29|5000|KGS|…') // the FT-777 receipt
 */
export function possibleDuplicateOf(existing: readonly DuplicateOf[], receiptId: string): DuplicateOf | undefined {
  const kind = KIND.exec(receiptId)?.[1];
  return existing.find((r) => {
    if (r.receiptId === receiptId) return false;
    const other = KIND.exec(r.receiptId)?.[1];
    return !(kind === other && (kind === 'bank' || kind === 'card'));
  });
}

const duplicateMessages = (money: Money, of: DuplicateOf): Messages => {
  const [amount, day] = [(l: Locale) => formatMoney(money, l), (l: Locale) => formatDay(of.receivedOn, l)];
  return {
    ky: `Бул салымга ${day('ky')} ушул эле сумма (${amount('ky')}) катталган: «${of.bankReference}». Бул башка которуу болсо, «Баары бир каттоо» белгисин коюңуз.`,
    ru: `По этому взносу ${day('ru')} уже проведена такая же сумма (${amount('ru')}): «${of.bankReference}». Если это другой перевод, отметьте «Всё равно провести».`,
    en: `This pledge already has the same amount (${amount('en')}) received on ${day('en')}: "${of.bankReference}". If this is another transfer, tick "Book anyway".`,
  };
};

/**
 * A receipt refused because it may repeat money already booked (`duplicateOf`): a 409 naming
 * `confirmDuplicate`, in three languages; sending it again with `confirmDuplicate: true` books it.
 */
export class PossibleDuplicateError extends DomainError {
  constructor(
    readonly duplicateOf: DuplicateOf,
    money: Money,
  ) {
    const messages = duplicateMessages(money, duplicateOf);
    super('conflict', messages.en, [{ field: 'confirmDuplicate', message: messages.en, messages }], messages);
    this.name = 'PossibleDuplicateError';
  }
}
