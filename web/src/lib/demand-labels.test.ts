import { afterEach, describe, expect, it } from 'vitest';
import { formatSom, type Demand, type Locale } from '@mekendesh/contracts';
import { overwriteGetLocale } from '#lib/paraglide/runtime.js';
import { demandBars, demandSections } from './demand-labels.js';

const inLocale = <T>(locale: Locale, fn: () => T): T => {
	overwriteGetLocale(() => locale);
	return fn();
};
afterEach(() => overwriteGetLocale(() => 'ky'));

const DEMAND: Demand = {
	soate: '41704220000000',
	name: { ky: 'Ат-Башы', ru: 'Ат-Башынский', en: 'At-Bashy' },
	total: { from: 10, to: 14 },
	bySector: [
		{ sector: 'education', count: 'fewer_than_5' },
		{ sector: 'water', count: { from: 5, to: 9 } },
		{ sector: 'agriculture', count: { from: 10, to: 14 } },
		{ sector: 'health', count: 'fewer_than_5' },
	],
	byAmount: [
		{ range: '10k_50k', count: { from: 5, to: 9 } },
		{ range: '200k_1m', count: 'fewer_than_5' },
	],
	byCountry: [{ country: 'RU', count: { from: 5, to: 9 } }],
	otherCountries: 'fewer_than_5',
};

describe('demandSections', () => {
	it('heads each table by what it lists and writes amounts in som as the rest of the site does', () => {
		const ru = inLocale('ru', () => demandSections(DEMAND, 'ru'));
		expect(ru.map((s) => s.column)).toEqual(['Интерес', 'Сумма', 'Страна проживания']);
		const amounts = ru[1]!.rows.map((r) => r.label);
		// formatSom writes "50 000 сом" (non-breaking spaces), never «сомов».
		expect(amounts[0]).toBe(`10\u00a0000–${formatSom(5_000_000, 'ru')}`);
		expect(amounts[1]).toBe(`200\u00a0000–${formatSom(100_000_000, 'ru')}`);
		expect(amounts.join(' ')).not.toContain('сомов');
		const en = inLocale('en', () => demandSections(DEMAND, 'en'));
		expect(en.map((s) => s.column)).toEqual(['Interest', 'Amount in mind', 'Country of residence']);
		expect(en[1]!.rows[1]!.label).toBe(`200,000–${formatSom(100_000_000, 'en')}`);
		const ky = inLocale('ky', () => demandSections(DEMAND, 'ky'));
		expect(ky[1]!.rows[0]!.label).toBe(`10\u00a0000–${formatSom(5_000_000, 'ky')}`);
		expect(ky[2]!.rows.at(-1)).toEqual({ label: 'Башка өлкөлөр жана өлкөсүн көрсөтпөгөндөр', count: 'fewer_than_5' });
	});
});

describe('demandBars', () => {
	it('puts the most people first by the lower end of the band, ties in table order, cells under 5 last without a bar', () => {
		const bars = demandBars([
			{ label: 'a', count: 'fewer_than_5' },
			{ label: 'b', count: { from: 5, to: 9 } },
			{ label: 'c', count: { from: 10, to: 14 } },
			{ label: 'd', count: { from: 5, to: 9 } },
		]);
		expect(bars.map((b) => [b.label, b.percent])).toEqual([
			['c', 100],
			['b', 50],
			['d', 50],
			['a', null],
		]);
	});

	it('draws no bar at all when every cell is under 5', () => {
		expect(demandBars([{ label: 'a', count: 'fewer_than_5' }]).map((b) => b.percent)).toEqual([null]);
	});
});
