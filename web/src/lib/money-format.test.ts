import { describe, expect, it } from 'vitest';
import { formatMoney, formatRate } from './money-format.js';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
	it('writes each currency exactly in each language', () => {
		expect(formatMoney({ amount: 9_999, currency: 'USD' }, 'en')).toBe('$99.99');
		expect(plain(formatMoney({ amount: 10_000, currency: 'USD' }, 'ru'))).toBe('100,00 $');
		expect(plain(formatMoney({ amount: 123_456_789, currency: 'EUR' }, 'ru'))).toBe('1 234 567,89 €');
		expect(plain(formatMoney({ amount: 150_000, currency: 'KGS' }, 'ky'))).toBe('1 500 сом');
		expect(formatMoney({ amount: 2 ** 53 - 1, currency: 'RUB' }, 'en')).toContain('90,071,992,547,409.91');
	});
});

describe('formatRate', () => {
	it('keeps the rate as given, with the nominal', () => {
		expect(plain(formatRate({ currency: 'USD', value: '87.4500', nominal: 1 }, 'ru'))).toBe('1 USD = 87,45 сом');
		expect(plain(formatRate({ currency: 'KZT', value: '16.9012', nominal: 100 }, 'en'))).toBe('100 KZT = 16.9012 som');
	});
});
