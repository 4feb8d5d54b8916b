import type { Currency, Locale } from '@mekendesh/contracts';

/** The largest amount a profile accepts: 100 million som, in tyiyn (the contract's limit). */
export const MAX_TYIYN = 100_000_000_00;

/**
 * Reads an amount of som typed by a person ("1 500", "1500,5", "1 500.50") as integer tyiyn, with string and
 * integer arithmetic only, so no float ever rounds it. Empty is null; anything else unreadable is undefined.
 * @example parseSomInput('1 234,56') // 123456
 * @example parseSomInput('') // null
 */
export function parseSomInput(text: string, options: MoneyInputOptions = {}): number | null | undefined {
	return parseMoneyInput(text, 'KGS', options);
}

/**
 * `commaGroups`: also read thousands grouped with commas ("20,000", "1,500.50"), as the English pages write
 * amounts. Only for amounts nobody pays (a profile's range, the for-you "about how much"): on a form that moves
 * money, "12,345" stays unreadable, since in Kyrgyz and Russian the comma is the decimal sign and 12,345 som may
 * be a mistyped 12,34 (a 1,000-fold error); the person is asked to write it again.
 * `maxMajor`: the largest amount in major units (100 million).
 */
export interface MoneyInputOptions {
	commaGroups?: boolean;
	maxMajor?: number;
}

/**
 * Digits after the decimal sign per currency (ISO 4217 minor units). All five are 2 today; the map keeps the
 * parser honest should one with 0 or 3 be added.
 */
const MINOR_DIGITS: Record<Currency, number> = { KGS: 2, USD: 2, EUR: 2, RUB: 2, KZT: 2 };

/**
 * Reads an amount typed in major units of `currency` ("1 500", "1500,5", "99.99"; "1,500" with `commaGroups`) as integer minor units, with
 * string and integer arithmetic only. At most 100 million major units. Empty is null; unreadable is undefined.
 * @example parseMoneyInput('99,99', 'USD') // 9999
 */
export function parseMoneyInput(
	text: string,
	currency: Currency,
	{ commaGroups = false, maxMajor = 100_000_000 }: MoneyInputOptions = {},
): number | null | undefined {
	const compact = text.replace(/[\s\u00a0\u202f']/g, '');
	if (compact === '') return null;
	const digits = MINOR_DIGITS[currency];
	// Thousands grouped with commas (only when asked: MoneyInputOptions); a dot is never read as grouping.
	const grouped = digits === 0 ? /^(\d{1,3}(?:,\d{3})+)()$/ : new RegExp(`^(\\d{1,3}(?:,\\d{3})+)(?:\\.(\\d{1,${digits}}))?$`);
	const pattern = digits === 0 ? /^(\d{1,9})$/ : new RegExp(`^(\\d{1,9})(?:[.,](\\d{1,${digits}}))?$`);
	const match = (commaGroups ? grouped.exec(compact) : null) ?? pattern.exec(compact);
	if (!match) return undefined;
	const whole = (match[1] ?? '').replaceAll(',', '');
	if (whole.length > 9) return undefined;
	const minor = Number(whole) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
	return minor <= maxMajor * 10 ** digits ? minor : undefined;
}

/**
 * An amount of tyiyn as the value of a form field: no grouping, decimals only when there are tyiyn.
 * @example somInputValue(150050, 'ru') // '1500,50'
 */
export function somInputValue(tyiyn: number | null, locale: Locale): string {
	return moneyInputValue(tyiyn, 'KGS', locale);
}

/**
 * Minor units of `currency` as the value of a form field: no grouping, decimals only when there are some.
 * @example moneyInputValue(9905, 'USD', 'ru') // '99,05'
 */
export function moneyInputValue(minor: number | null, currency: Currency, locale: Locale): string {
	if (minor === null) return '';
	const digits = MINOR_DIGITS[currency];
	const unit = 10 ** digits;
	const major = Math.trunc(minor / unit);
	const rest = minor % unit;
	if (rest === 0) return String(major);
	return `${major}${locale === 'en' ? '.' : ','}${String(rest).padStart(digits, '0')}`;
}
