import type { Locale } from './locale.js';
import type { Money } from './money.js';

/**
 * Money and days as people read them, one implementation for the web pages and the emails the domain writes.
 * Browser-safe: Intl only. Exact: Intl gets a decimal string built with BigInt, never a float.
 */

/** The word for the som after an amount; the ISO code (KGS) or the new ⃀ sign read badly to most people. */
const SOM: Record<Locale, string> = { ky: 'сом', ru: 'сом', en: 'som' };
const NBSP = '\u00a0';

// Building an Intl formatter costs far more than using one (a pledge's email formats money and a day on the API's hot
// path), so each is built once per locale and options: a handful of locales and currencies in all.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  const known = formatters.get(key) ?? new Intl.NumberFormat(locale, options);
  formatters.set(key, known);
  return known as Intl.NumberFormat;
}

/** The decimal string of an integer of minor units (every supported currency has two digits: 1 som = 100 tyiyn). */
function decimal(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount of minor units: ${minor}`);
  const abs = BigInt(Math.abs(minor));
  return `${minor < 0 ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * An integer amount of KGS tyiyn as som for the locale; whole som without decimals.
 * @example formatSom(123456750, 'ky') // "1 234 567,50 сом"
 */
export function formatSom(tyiyn: number, locale: Locale): string {
  const digits = tyiyn % 100 === 0 ? 0 : 2;
  const number = numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    decimal(tyiyn) as unknown as number,
  ); // Intl formats decimal strings exactly (ES2023).
  return `${number}${NBSP}${SOM[locale]}`;
}

/**
 * Money in its own currency for the locale: som as `formatSom` writes them, others with the currency sign.
 * @example formatMoney({ amount: 9999, currency: 'USD' }, 'en') // "$99.99"
 */
export function formatMoney(money: Money, locale: Locale): string {
  if (money.currency === 'KGS') return formatSom(money.amount, locale);
  return numberFormat(locale, { style: 'currency', currency: money.currency, currencyDisplay: 'symbol', minimumFractionDigits: 2 }).format(
    decimal(money.amount) as unknown as number,
  );
}

/**
 * A calendar day (YYYY-MM-DD) in the locale's long style, read as UTC so it never shifts a day.
 * @example formatDay('2027-04-30', 'ru') // "30 апреля 2027 г."
 */
export function formatDay(isoDay: string, locale: Locale): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  const key = `d|${locale}`;
  const day = (formatters.get(key) ?? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })) as Intl.DateTimeFormat;
  formatters.set(key, day);
  return day.format(date);
}

/**
 * A calendar day (YYYY-MM-DD) as day and month, without the year, read as UTC: ky "30-ноябрь", ru "30 ноября",
 * en "30 November" (the day first, as the Kyrgyz and Russian forms and British English write it).
 * @example formatDayMonth('2026-12-06', 'ru') // "6 декабря"
 */
export function formatDayMonth(isoDay: string, locale: Locale): string {
  const date = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  const key = `dm|${locale}`;
  const tag = locale === 'en' ? 'en-GB' : locale;
  const day = (formatters.get(key) ??
    new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', timeZone: 'UTC' })) as Intl.DateTimeFormat;
  formatters.set(key, day);
  return day.format(date);
}
