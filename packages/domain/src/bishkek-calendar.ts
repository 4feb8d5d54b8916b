/**
 * The programme's calendar. Every rule that turns on a day (a project's deadline, the rate of the day, a
 * co-financing programme's period, the day money was received, late reports, digests) reads the day in
 * Bishkek, never the UTC date: the programme, its staff and its organisations live there.
 *
 * Asia/Bishkek is UTC+6 all year: Kyrgyzstan stopped daylight saving on 12 August 2005 (IANA tz database,
 * file `asia`, zone Asia/Bishkek, last line "6:00 - +06" from 2005 Aug 12). So a fixed offset is exact for
 * every instant the platform handles; `bishkek-calendar.test.ts` checks it against the runtime's own tz data.
 *
 * Days are ISO calendar days, 'YYYY-MM-DD' strings: they sort and compare as text.
 */
import { invalid } from './errors.js';

/** The zone's IANA name, for Intl formatting. */
export const BISHKEK_TIME_ZONE = 'Asia/Bishkek';
/** Bishkek's offset from UTC, minutes (UTC+6, no daylight saving since 2005). */
export const BISHKEK_OFFSET_MINUTES = 360;

const OFFSET_MS = BISHKEK_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of the day's midnight read as UTC: calendar arithmetic without any zone. */
function calendarMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/**
 * True for a real calendar day written 'YYYY-MM-DD' ('2026-02-30' and '2026-6-1' are not).
 * @example isIsoDay('2028-02-29') // true
 */
export function isIsoDay(text: unknown): text is string {
  if (typeof text !== 'string' || !ISO_DAY.test(text)) return false;
  const ms = calendarMs(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** The day itself, or a 400 validation error naming `field` (default 'day'). */
export function assertIsoDay(day: string, field = 'day'): string {
  if (!isIsoDay(day)) throw invalid(field, `must be a YYYY-MM-DD day, got "${day}"`);
  return day;
}

/**
 * The Bishkek calendar day of an instant, 'YYYY-MM-DD'.
 * @example bishkekDay(new Date('2026-06-30T17:59:59Z')) // '2026-06-30' (23:59:59 in Bishkek)
 * @example bishkekDay(new Date('2026-06-30T18:00:00Z')) // '2026-07-01' (00:00 in Bishkek)
 * @throws RangeError for an invalid date.
 */
export function bishkekDay(instant: Date | string | number): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Bishkek by the given clock (the use cases' injected clock). */
export function bishkekToday(clock: { now(): Date }): string {
  return bishkekDay(clock.now());
}

/**
 * The first instant of a Bishkek day: its 00:00 in Bishkek, 18:00 UTC the day before.
 * @example startOfBishkekDay('2026-07-01') // 2026-06-30T18:00:00.000Z
 */
export function startOfBishkekDay(day: string): Date {
  return new Date(calendarMs(assertIsoDay(day)) - OFFSET_MS);
}

/**
 * Where a Bishkek day ends, exclusive: the first instant of the next day (a deadline day is open while
 * `now < endOfBishkekDay(deadline)`, i.e. until 23:59:59.999 Bishkek time).
 * @example endOfBishkekDay('2026-06-30') // 2026-06-30T18:00:00.000Z
 */
export function endOfBishkekDay(day: string): Date {
  return new Date(startOfBishkekDay(day).getTime() + DAY_MS);
}

/**
 * The day `days` days after `day` (before, when negative).
 * @example addDays('2026-02-28', 1) // '2026-03-01'
 */
export function addDays(day: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return new Date(calendarMs(assertIsoDay(day)) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 * @example daysBetween('2026-06-24', '2026-07-01') // 7
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((calendarMs(assertIsoDay(to, 'to')) - calendarMs(assertIsoDay(from, 'from'))) / DAY_MS);
}

/**
 * True once a whole Bishkek day is over at an instant: a deadline of 30 June has passed from 00:00 on
 * 1 July in Bishkek (2026-06-30T18:00:00Z), not at midnight UTC.
 * @example dayHasPassed('2026-06-30', new Date('2026-06-30T17:59:59Z')) // false
 * @example dayHasPassed('2026-06-30', new Date('2026-06-30T18:00:01Z')) // true
 */
export function dayHasPassed(day: string, instant: Date): boolean {
  return bishkekDay(instant) > day;
}
