import type { Locale } from '@mekendesh/contracts';
import { bishkekDay } from './duration.js';

/** The word for the som after an amount; the ISO code (KGS) or the new ⃀ sign read badly to most people. */
const SOM: Record<Locale, string> = { ky: 'сом', ru: 'сом', en: 'som' };
const NBSP = '\u00a0';

/**
 * Formats an integer amount of KGS tyiyn (1 som = 100 tyiyn) as som for the locale.
 * Whole som are shown without decimals. The decimal string is built with integer arithmetic and
 * handed to Intl as a string, so no float ever touches the amount.
 * @example formatSom(123456750, 'ky') // "1 234 567,50 сом"
 */
export function formatSom(tyiyn: number, locale: Locale): string {
	if (!Number.isSafeInteger(tyiyn)) throw new RangeError(`not an integer amount of tyiyn: ${tyiyn}`);
	const sign = tyiyn < 0 ? '-' : '';
	const abs = BigInt(Math.abs(tyiyn));
	const som = abs / 100n;
	const rest = abs % 100n;
	const decimal = `${sign}${som}.${rest.toString().padStart(2, '0')}`;
	const digits = rest === 0n ? 0 : 2;
	const number = new Intl.NumberFormat(locale, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
	}).format(decimal as unknown as number); // Intl formats decimal strings exactly (ES2023).
	return `${number}${NBSP}${SOM[locale]}`;
}

/** Whole percent of `part` in `whole`, rounded down, so 99.9% never shows as done. Can exceed 100. */
export function percentOf(part: number, whole: number): number {
	if (whole <= 0) return 0;
	return Math.floor((part * 100) / whole);
}

/** A percentage for display, e.g. "42%" (en), "42 %" (ru). */
export function formatPercent(percent: number, locale: Locale): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** A share of a whole as a display percentage with at most one decimal, e.g. "33,3 %". */
export function formatShare(part: number, whole: number, locale: Locale): string {
	if (whole <= 0) return formatPercent(0, locale);
	const tenths = Math.round((part * 1000) / whole);
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(tenths / 1000);
}

/** A plain count with the locale's grouping, e.g. "1 250". */
export function formatCount(count: number, locale: Locale): string {
	return new Intl.NumberFormat(locale).format(count);
}

/**
 * Formats an ISO calendar date (YYYY-MM-DD) in the locale's long style; an instant (a timestamp) is shown as
 * its day in Bishkek, so a pledge made at 01:00 Bishkek time is dated that day, not the UTC day before.
 * A calendar date is read as UTC, so it never shifts a day in a server's or browser's time zone.
 * @example formatDate('2026-03-05', 'ru') // "5 марта 2026 г."
 * @example formatDate('2026-06-30T19:00:00Z', 'en') // "July 1, 2026"
 */
export function formatDate(isoDate: string, locale: Locale): string {
	const instant = isoDate.length > 10 ? new Date(isoDate) : undefined;
	if (instant && Number.isNaN(instant.getTime())) return isoDate;
	const date = new Date(`${instant ? bishkekDay(instant) : isoDate}T00:00:00Z`);
	if (Number.isNaN(date.getTime())) return isoDate;
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
