import type { Locale } from '@mekendesh/contracts';

/** The largest amount a profile accepts: 100 million som, in tyiyn (the contract's limit). */
export const MAX_TYIYN = 100_000_000_00;

/**
 * Reads an amount of som typed by a person ("1 500", "1500,5", "1 500.50") as integer tyiyn, with string and
 * integer arithmetic only, so no float ever rounds it. Empty is null; anything else unreadable is undefined.
 * @example parseSomInput('1 234,56') // 123456
 * @example parseSomInput('') // null
 */
export function parseSomInput(text: string): number | null | undefined {
	const compact = text.replace(/[\s\u00a0\u202f']/g, '');
	if (compact === '') return null;
	const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(compact);
	if (!match) return undefined;
	const tyiyn = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	return tyiyn <= MAX_TYIYN ? tyiyn : undefined;
}

/**
 * An amount of tyiyn as the value of a form field: no grouping, decimals only when there are tyiyn.
 * @example somInputValue(150050, 'ru') // '1500,50'
 */
export function somInputValue(tyiyn: number | null, locale: Locale): string {
	if (tyiyn === null) return '';
	const som = Math.trunc(tyiyn / 100);
	const rest = tyiyn % 100;
	if (rest === 0) return String(som);
	return `${som}${locale === 'en' ? '.' : ','}${String(rest).padStart(2, '0')}`;
}
