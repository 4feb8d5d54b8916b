import type { Locale, UsdRate } from '@mekendesh/contracts';
import { formatDate } from '#lib/format.js';
import { m } from '#lib/paraglide/messages.js';
import { formatUsd } from '#lib/usd-amount.js';

export { formatUsd };

/** "≈ $1,234 at the NBKR rate of 30 November 2026" in the reader's language. */
export function usdAt(cents: number, rate: UsdRate, locale: Locale): string {
	return m.tr_usd_at({ amount: formatUsd(cents, locale), date: formatDate(rate.date, locale) });
}

/** "US dollars at the NBKR rate of <date>: 1 USD = 87.45 som." under a table whose cells carry "≈ $…". */
export function usdNote(rate: UsdRate, locale: Locale): string {
	const value = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(Number(rate.value));
	return m.tr_usd_note({ date: formatDate(rate.date, locale), nominal: String(rate.nominal), value });
}
