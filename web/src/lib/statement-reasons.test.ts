import { afterEach, describe, expect, it } from 'vitest';
import { StatementReasonSchema, type Locale, type StatementRow } from '@mekendesh/contracts';
import { overwriteGetLocale } from '#lib/paraglide/runtime.js';
import { howRead, reasonText } from './statement-reasons.js';

const row = (reason: StatementRow['reason']) => ({
	reason,
	cells: { date: '31.02.2026', amount: '1,000', currency: 'XYZ' },
	paymentReference: 'MK-2222-2222',
});
const inLocale = <T>(locale: Locale, fn: () => T): T => {
	overwriteGetLocale(() => locale);
	return fn();
};
afterEach(() => overwriteGetLocale(() => 'ky'));

describe('statement line reasons', () => {
	it('says every reason code in Kyrgyz, Russian and English, each its own sentence', () => {
		for (const reason of StatementReasonSchema.options) {
			const [ky, ru, en] = (['ky', 'ru', 'en'] as const).map((l) => inLocale(l, () => reasonText(row(reason))));
			expect(en, reason).toMatch(/\w{3}/);
			expect(new Set([ky, ru, en]).size, reason).toBe(3);
			expect(ky, reason).toMatch(/[а-яөүң]/i);
			expect(ru, reason).toMatch(/[а-я]/i);
		}
		expect(reasonText(row(null))).toBeNull();
	});

	it('names what was read: the date, the amount, the currency, the reference', () => {
		expect(inLocale('ru', () => reasonText(row('date_invalid')))).toBe('Дата «31.02.2026» не в формате ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.');
		expect(inLocale('ky', () => reasonText(row('amount_ambiguous')))).toContain('«1,000»');
		expect(inLocale('en', () => reasonText(row('currency_unknown')))).toBe('The currency “XYZ” is not one of KGS, USD, EUR, RUB, KZT.');
		expect(inLocale('en', () => reasonText(row('unknown_reference')))).toBe('No pledge has the payment reference MK-2222-2222.');
	});

	it('names the money a possible duplicate may repeat, and the days money can have arrived on', () => {
		const duplicateOf = { receiptId: 'bank:FT-777', receivedOn: '2026-11-29', bankReference: 'FT-777', source: 'manual' as const };
		expect(inLocale('ru', () => reasonText({ ...row('possible_duplicate'), duplicateOf }))).toBe(
			'По этому взносу 29 ноября 2026 г. уже проведена такая же сумма (FT-777): возможно, это тот же перевод. Отметьте «Всё равно провести», только если это другой перевод.',
		);
		expect(
			inLocale('en', () => reasonText({ ...row('date_out_of_range'), cells: { date: '31.12.2099', amount: '50,00', currency: 'KGS' } })),
		).toBe('The date “31.12.2099” is impossible: money can only have arrived from January 1, 2025 to today (Bishkek).');
	});

	it('says how a file was read', () => {
		expect(inLocale('en', () => howRead({ encoding: 'windows-1251', delimiter: ';', decimalSeparator: ',' }))).toBe(
			'Read as Windows-1251. Columns separated by: semicolon. Decimal separator: comma.',
		);
		expect(inLocale('ru', () => howRead({ encoding: null, delimiter: '\t', decimalSeparator: null }))).toMatch(
			/^Разделитель столбцов: табуляция\. Десятичный разделитель: не определён/,
		);
	});
});
