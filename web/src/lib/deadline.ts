import type { Locale } from '@mekendesh/contracts';
import { formatDate } from '#lib/format.js';
import { m } from '#lib/paraglide/messages.js';

/**
 * A project's deadline with its hour and zone, for readers abroad: pledges are taken until 23:59 Bishkek time
 * on the deadline day (`day` is YYYY-MM-DD). The one wording of a deadline: pages, notices and form errors.
 * @example formatDeadline('2026-06-30', 'en') // 'June 30, 2026, 23:59 Bishkek time (UTC+6)'
 */
export function formatDeadline(day: string, locale: Locale): string {
	return m.deadline_at({ date: formatDate(day, locale) }, { locale });
}
