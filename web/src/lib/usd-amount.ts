import type { Locale } from '@mekendesh/contracts';

/**
 * US cents as whole dollars, for "USD beside KGS" (the API computed the cents at the NBKR rate: usdCents in the domain).
 * @example formatUsd(123_449, 'en') // "$1,234"
 */
export function formatUsd(cents: number, locale: Locale): string {
	return new Intl.NumberFormat(locale, {
		style: 'currency',
		currency: 'USD',
		currencyDisplay: 'narrowSymbol',
		minimumFractionDigits: 0,
		maximumFractionDigits: 0,
	}).format(cents / 100);
}
