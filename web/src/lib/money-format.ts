import type { Currency, Locale } from '@mekendesh/contracts';

/** Money in its own currency, as the pages and the emails write it (one implementation, in the contracts). */
export { formatMoney } from '@mekendesh/contracts';

/**
 * A stored rate as people read it: "1 USD = 87,45 сом" (or "100 KZT = 16,90 сом" for a nominal of 100).
 * @example formatRate({ currency: 'USD', value: '87.4500', nominal: 1 }, 'ru') // "1 USD = 87,45 сом"
 */
export function formatRate(rate: { currency: string; value: string; nominal: number }, locale: Locale): string {
	const value = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(
		rate.value as unknown as number,
	);
	return `${rate.nominal}\u00a0${rate.currency} = ${value}\u00a0${locale === 'en' ? 'som' : 'сом'}`;
}

/** The currencies a pledge can be made in, KGS first. */
export const PLEDGE_CURRENCIES: readonly Currency[] = ['KGS', 'USD', 'EUR', 'RUB', 'KZT'];
