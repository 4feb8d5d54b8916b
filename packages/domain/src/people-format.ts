import type { Locale, Money } from '@mekendesh/contracts';
import { MINOR_UNITS } from './money.js';

const NBSP = '\u00a0';
/** The som as each language writes it (as the web shows it). */
const SOM: Record<Locale, string> = { ky: 'сом', ru: 'сом', en: 'som' };

/** The decimal string of an integer of minor units (two digits), built with BigInt so nothing is rounded. */
function decimal(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`);
  const abs = BigInt(Math.abs(minor));
  return `${minor < 0 ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * Money as a person reads it in their language, the way the web writes it (web/src/lib/money-format.ts): som
 * without tyiyn when whole ("3 000 сом", "3 000,50 сом"), other currencies with their sign ("50,00 $", "$50.00").
 * Exact: Intl gets a decimal string, never a float.
 * @example formatMoneyFor({ amount: 300_000, currency: 'KGS' }, 'ru') // "3 000 сом"
 */
export function formatMoneyFor(money: Money, locale: Locale): string {
  if (MINOR_UNITS[money.currency] !== 100) throw new RangeError(`unexpected minor units for ${money.currency}`);
  const value = decimal(money.amount) as unknown as number; // Intl formats decimal strings exactly (ES2023).
  if (money.currency === 'KGS') {
    const digits = money.amount % 100 === 0 ? 0 : 2;
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)}${NBSP}${SOM[locale]}`;
  }
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, currencyDisplay: 'symbol', minimumFractionDigits: 2 }).format(value);
}

/**
 * A calendar day (YYYY-MM-DD) in the reader's language, as the web writes it.
 * @example formatDayFor('2027-04-30', 'ru') // "30 апреля 2027 г."
 */
export function formatDayFor(isoDay: string, locale: Locale): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
