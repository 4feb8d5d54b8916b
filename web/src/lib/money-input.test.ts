import { describe, expect, it } from 'vitest';
import { MAX_TYIYN, moneyInputValue, parseMoneyInput, parseSomInput, somInputValue } from './money-input.js';

describe('parseSomInput', () => {
	it('reads som exactly into integer tyiyn', () => {
		expect(parseSomInput('1500')).toBe(150_000);
		expect(parseSomInput('1 500,5')).toBe(150_050);
		expect(parseSomInput('1\u00a0500.05')).toBe(150_005);
		expect(parseSomInput('0,29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floats
		expect(parseSomInput('1.13')).toBe(113);
		expect(parseSomInput('100000000')).toBe(MAX_TYIYN);
		// Grouped as the English pages write amounts, where asked (a profile's range, for-you's "about how much").
		const grouped = { commaGroups: true };
		expect(parseSomInput('20,000', grouped)).toBe(2_000_000);
		expect(parseSomInput('1,500.50', grouped)).toBe(150_050);
		expect(parseSomInput('100,000,000', grouped)).toBe(MAX_TYIYN);
	});

	it('never reads "12,345" on a form that moves money: in ky/ru the comma is the decimal sign (a 1,000-fold mistake)', () => {
		expect(parseSomInput('12,345')).toBeUndefined();
		expect(parseSomInput('20,000')).toBeUndefined();
		expect(parseSomInput('12,34')).toBe(1_234);
	});

	it('answers null for empty and undefined for what is not an amount', () => {
		expect(parseSomInput('  ')).toBeNull();
		for (const bad of ['-5', '1,234,5', '1.234', '1,23,456', '1,000,000,000', 'abc', '1e5', '100000001', '0x10'])
			expect(parseSomInput(bad, { commaGroups: true })).toBeUndefined();
	});
});

describe('somInputValue', () => {
	it('writes tyiyn back as som with the locale decimal sign', () => {
		expect(somInputValue(150_050, 'ru')).toBe('1500,50');
		expect(somInputValue(150_005, 'en')).toBe('1500.05');
		expect(somInputValue(150_000, 'ky')).toBe('1500');
		expect(somInputValue(null, 'ky')).toBe('');
	});
});

describe('parseMoneyInput', () => {
	it('reads major units of any currency exactly into minor units', () => {
		expect(parseMoneyInput('99,99', 'USD')).toBe(9_999);
		expect(parseMoneyInput('0.29', 'EUR')).toBe(29);
		expect(parseMoneyInput('1 000 000', 'KZT')).toBe(100_000_000);
		expect(parseMoneyInput('1500,5', 'RUB')).toBe(150_050);
		expect(parseMoneyInput('', 'USD')).toBeNull();
		for (const bad of ['1.234', '-1', '1e3', '100000001']) expect(parseMoneyInput(bad, 'USD')).toBeUndefined();
	});

	it('writes minor units back for a form field', () => {
		expect(moneyInputValue(9_905, 'USD', 'ru')).toBe('99,05');
		expect(moneyInputValue(10_000, 'EUR', 'en')).toBe('100');
	});
});
