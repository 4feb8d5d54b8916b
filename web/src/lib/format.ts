import type { Locale } from '@mekendesh/contracts';
import { bishkekDay } from './duration.js';

/** Som from tyiyn, as the pages and the emails write them (one implementation, in the contracts). */
export { formatSom } from '@mekendesh/contracts';

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
