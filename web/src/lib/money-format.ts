import type { Currency, Locale, Money } from '@mekendesh/contracts';
import { formatSom } from './format.js';
import { MINOR_DIGITS } from './money-input.js';

/** The decimal string of an integer of minor units, built with BigInt so nothing is rounded. */
function decimal(minor: number, digits: number): string {
	if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`);
	const sign = minor < 0 ? '-' : '';
	const abs = BigInt(Math.abs(minor));
	const unit = 10n ** BigInt(digits);
	return digits === 0 ? `${sign}${abs}` : `${sign}${abs / unit}.${(abs % unit).toString().padStart(digits, '0')}`;
}

/**
 * Money in its own currency for the locale: som as `formatSom` writes them, others with the currency sign
 * ("$100.00", "100,00 $"). Exact: Intl gets a decimal string, never a float.
 * @example formatMoney({ amount: 9999, currency: 'USD' }, 'en') // "$99.99"
 */
export function formatMoney(money: Money, locale: Locale): string {
	if (money.currency === 'KGS') return formatSom(money.amount, locale);
	const digits = MINOR_DIGITS[money.currency];
	return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, currencyDisplay: 'symbol', minimumFractionDigits: digits })
		.format(decimal(money.amount, digits) as unknown as number);
}

/**
 * A stored rate as people read it: "1 USD = 87,45 сом" (or "100 KZT = 16,90 сом" for a nominal of 100).
 * @example formatRate({ currency: 'USD', value: '87.4500', nominal: 1 }, 'ru') // "1 USD = 87,45 сом"
 */
export function formatRate(rate: { currency: string; value: string; nominal: number }, locale: Locale): string {
	const value = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(rate.value as unknown as number);
	return `${rate.nominal}\u00a0${rate.currency} = ${value}\u00a0${locale === 'en' ? 'som' : 'сом'}`;
}

/** The currencies a pledge can be made in, KGS first. */
export const PLEDGE_CURRENCIES: readonly Currency[] = ['KGS', 'USD', 'EUR', 'RUB', 'KZT'];
