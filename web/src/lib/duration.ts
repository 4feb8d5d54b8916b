import type { Locale } from '@mekendesh/contracts';

/**
 * How long something has waited, in the largest whole unit (days, hours, minutes), with the locale's own
 * plural forms from ICU ("3 дня", "5 күн", "1 hour").
 * @example waitingTime('2026-01-01T00:00:00Z', new Date('2026-01-04T05:00:00Z'), 'ru') // '3 дня'
 */
export function waitingTime(sinceIso: string, now: Date, locale: Locale): string {
	const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(sinceIso)) / 60_000));
	const [value, unit] =
		minutes >= 1440 ? [Math.floor(minutes / 1440), 'day'] : minutes >= 60 ? [Math.floor(minutes / 60), 'hour'] : [minutes, 'minute'];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/**
 * The programme's clock: Asia/Bishkek, UTC+6 all year (no daylight saving since 2005, IANA tz database). Every date
 * a page shows or defaults to is a Bishkek date, like the domain's rules (packages/domain/src/bishkek-calendar.ts).
 */
const BISHKEK_TIME_ZONE = 'Asia/Bishkek';

const DAY_PARTS = new Intl.DateTimeFormat('en-US', { timeZone: BISHKEK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The Bishkek calendar day of an instant, 'YYYY-MM-DD' (today by default): what forms default to and printouts
 * are dated with.
 * @example bishkekDay(new Date('2026-06-30T18:00:00Z')) // '2026-07-01'
 * @throws RangeError for an invalid date.
 */
export function bishkekDay(instant: Date = new Date()): string {
	const part = (type: string) => DAY_PARTS.formatToParts(instant).find((p) => p.type === type)?.value;
	return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A deadline day's last minute as an HTML `datetime` value with its offset, for <time>: pledges are taken until
 * 23:59 Bishkek time on the deadline day.
 * @example deadlineDateTime('2026-06-30') // '2026-06-30T23:59+06:00'
 */
export function deadlineDateTime(day: string): string {
	return `${day.slice(0, 10)}T23:59+06:00`;
}

/**
 * True once a deadline day is over in Bishkek, from 00:00 Bishkek time the day after: the API then refuses pledges
 * (the domain's `dayHasPassed`), even before the nightly job has settled the project.
 * @example deadlinePassed('2026-06-30', new Date('2026-06-30T18:00:01Z')) // true
 */
export function deadlinePassed(day: string, now: Date = new Date()): boolean {
	return bishkekDay(now) > day;
}

/** A date and time in the locale, in Bishkek time (the programme office's clock). */
export function formatDateTime(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: BISHKEK_TIME_ZONE }).format(new Date(iso));
}
