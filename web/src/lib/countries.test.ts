import { COUNTRY_CODES, CountryCodeSchema, LOCALES } from '@mekendesh/contracts';
import { describe, expect, it } from 'vitest';
import { countryGroups, countryOptions, DIASPORA_CORRIDORS } from './countries.js';

describe.each(LOCALES)('the country-of-residence list in %s', (locale) => {
	const options = countryOptions(locale);

	it('has each current ISO country once: no duplicate code, no duplicate label, no withdrawn code', () => {
		expect(new Set(options.map((c) => c.code)).size).toBe(options.length);
		expect(new Set(options.map((c) => c.name)).size).toBe(options.length);
		expect(new Set(options.map((c) => c.name.toLocaleLowerCase(locale))).size).toBe(options.length);
		expect(options.map((c) => c.code).sort()).toEqual(COUNTRY_CODES.filter((c) => c !== 'KG'));
		for (const withdrawn of ['UK', 'SU', 'YU', 'DD', 'HV', 'DY', 'NH', 'RH', 'VD', 'FX', 'TP', 'ZR', 'AN', 'CS', 'BU', 'YD', 'EU', 'UN']) {
			expect(
				options.some((c) => c.code === withdrawn),
				withdrawn,
			).toBe(false);
		}
		for (const c of options) expect(c.name, c.code).not.toBe(c.code);
	});

	it('puts the diaspora corridors first, then the rest in the reader’s alphabetical order', () => {
		expect(options.slice(0, DIASPORA_CORRIDORS.length).map((c) => c.code)).toEqual(['RU', 'KZ', 'TR', 'US', 'KR']);
		const rest = options.slice(DIASPORA_CORRIDORS.length).map((c) => c.name);
		expect(rest).toEqual([...rest].sort(new Intl.Collator(locale).compare));
	});

	it('groups the same entries, each once', () => {
		const groups = countryGroups(locale, { corridors: 'a', others: 'b' });
		const codes = groups.flatMap((g) => g.options.map((o) => o.value));
		expect(codes).toEqual(options.map((c) => c.code));
	});
});

describe('the profile contract', () => {
	it('takes current ISO codes and refuses withdrawn or made-up ones', () => {
		expect(CountryCodeSchema.safeParse('RU').success).toBe(true);
		expect(CountryCodeSchema.safeParse('GB').success).toBe(true);
		for (const code of ['UK', 'SU', 'XX', 'ru', 'RUS']) expect(CountryCodeSchema.safeParse(code).success, code).toBe(false);
	});
});

it('names countries in each language (Russia: Россия / Россия / Russia)', () => {
	expect(countryOptions('ru')[0]).toEqual({ code: 'RU', name: 'Россия' });
	expect(countryOptions('en')[0]).toEqual({ code: 'RU', name: 'Russia' });
	expect(countryOptions('ky').find((c) => c.code === 'US')?.name).toBe('Кошмо Штаттар');
});
