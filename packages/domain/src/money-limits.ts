import { MAX_AMOUNT_MINOR, MAX_TOTAL_MINOR } from '@mekendesh/contracts';
import { formatMinor } from './money.js';
import { DomainError } from './errors.js';
import type { LedgerDeltas } from './money-ports.js';

/**
 * 400 naming `field`: one amount is past MAX_AMOUNT_MINOR (contracts money-limits.ts), in its own currency or
 * once converted to KGS. In three languages; `code: 'too_big'`.
 */
export function amountTooLarge(field = 'amount'): DomainError {
  const max = formatMinor(MAX_AMOUNT_MINOR).replace(/\.00$/, '');
  const messages = {
    ky: `Сумма өтө чоң: бир төлөм ${max} сомдон (же ага барабар валютадан) ашпашы керек`,
    ru: `Сумма слишком велика: один платёж не больше ${max} сомов (или столько же в другой валюте)`,
    en: `The amount is too large: one payment is at most ${max} som (or as much in another currency)`,
  };
  return new DomainError('validation', `${field}: ${messages.en}`, [{ field, message: messages.en, messages, code: 'too_big' }]);
}

/**
 * 422 naming `field`: booking this amount would take a running total past MAX_TOTAL_MINOR, where it would no
 * longer be exact. Nothing is written. In three languages.
 */
export function totalLimitReached(field = 'amount'): DomainError {
  const messages = {
    ky: 'Бул сумма катталбайт: долбоордун же платформанын жалпы суммасы эң жогорку чегинен ашып кетмек',
    ru: 'Эту сумму нельзя провести: итог проекта или платформы превысил бы допустимый предел',
    en: 'This amount cannot be booked: the project’s or the platform’s running total would pass its limit',
  };
  return new DomainError('unprocessable', messages.en, [{ field, message: messages.en, messages, code: 'too_big' }], messages);
}

/**
 * One amount of minor units within 0..MAX_AMOUNT_MINOR (its sign aside), else `amountTooLarge(field)`.
 * @example assertAmountWithinLimit(9_007_199_254_740_991) // throws a 400 on `amount`
 */
export function assertAmountWithinLimit(amount: number, field = 'amount'): void {
  if (!Number.isSafeInteger(amount) || Math.abs(amount) > MAX_AMOUNT_MINOR) throw amountTooLarge(field);
}

/**
 * True when adding `deltas` to `totals` (tyiyn; fields absent count 0) keeps every running total within
 * ±MAX_TOTAL_MINOR. The store conditions its writes on the same bound; this is the check a use case makes
 * on the totals it read, so that it can answer 422 before writing.
 */
export function totalsStayExact(totals: Partial<Record<keyof LedgerDeltas, unknown>>, deltas: LedgerDeltas): boolean {
  return (Object.keys(deltas) as (keyof LedgerDeltas)[]).every((f) => {
    const now = Number(totals[f] ?? 0);
    const next = now + deltas[f];
    return Number.isSafeInteger(now) && Math.abs(next) <= MAX_TOTAL_MINOR;
  });
}
