import type { Locale } from '@mekendesh/contracts';

/**
 * How long something has waited, in the largest whole unit (days, hours, minutes), with the locale's own
 * plural forms from ICU ("3 дня", "5 күн", "1 hour").
 * @example waitingTime('2026-01-01T00:00:00Z', new Date('2026-01-04T05:00:00Z'), 'ru') // '3 дня'
 */
export function waitingTime(sinceIso: string, now: Date, locale: Locale): string {
	const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(sinceIso)) / 60_000));
	const [value, unit] = minutes >= 1440 ? [Math.floor(minutes / 1440), 'day'] : minutes >= 60 ? [Math.floor(minutes / 60), 'hour'] : [minutes, 'minute'];
	return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A date and time in the locale, in Bishkek time (the programme office's clock). */
export function formatDateTime(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Bishkek' }).format(new Date(iso));
}
