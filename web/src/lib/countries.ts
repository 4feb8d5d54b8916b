import type { Locale } from '@mekendesh/contracts';

/** Where most of the diaspora lives (data/kg/stats), listed first. */
const FIRST = ['RU', 'KZ', 'TR', 'US', 'KR'];
// Codes Intl names that are not countries a person lives in (regions, groupings, test codes).
const NOT_COUNTRIES = new Set(['AN', 'BU', 'CS', 'DD', 'EU', 'EZ', 'FX', 'NT', 'QO', 'SU', 'TP', 'UN', 'YD', 'YU', 'ZR', 'KG']);
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const cache = new Map<Locale, { code: string; name: string }[]>();

/**
 * ISO 3166-1 alpha-2 countries with their names in the locale (from the runtime's ICU data), the main
 * destinations of Kyrgyz migrants first, then the rest alphabetically. Kyrgyzstan itself is not offered:
 * the field is the country of residence abroad.
 */
export function countryOptions(locale: Locale): { code: string; name: string }[] {
	const cached = cache.get(locale);
	if (cached) return cached;
	const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
	const all: { code: string; name: string }[] = [];
	for (const a of LETTERS) {
		for (const b of LETTERS) {
			const code = a + b;
			if (NOT_COUNTRIES.has(code) || code.startsWith('X') || code.startsWith('Q') || code === 'ZZ') continue;
			const name = names.of(code);
			if (name && name !== code) all.push({ code, name });
		}
	}
	const first = FIRST.flatMap((code) => all.filter((c) => c.code === code));
	const rest = all.filter((c) => !FIRST.includes(c.code)).sort((x, y) => x.name.localeCompare(y.name, locale));
	const options = [...first, ...rest];
	cache.set(locale, options);
	return options;
}
