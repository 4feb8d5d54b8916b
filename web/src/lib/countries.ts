import { COUNTRY_CODES, LOCALES, type CountryCode, type Locale } from '@mekendesh/contracts';

/** Where most of the diaspora lives (data/kg/stats: migrants and remittances by country), listed first. */
export const DIASPORA_CORRIDORS: readonly CountryCode[] = ['RU', 'KZ', 'TR', 'US', 'KR'];

export interface CountryOption {
	code: CountryCode;
	name: string;
}

const cache = new Map<Locale, { corridors: CountryOption[]; others: CountryOption[] }>();

/** The country's name in the locale; a runtime without it in that language says it in the next one (ky, then ru, then en). */
function namer(locale: Locale): (code: CountryCode) => string {
	const chain = [locale, ...LOCALES.filter((l) => l !== locale)].map(
		(l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }),
	);
	return (code) => {
		for (const names of chain) {
			const name = names.of(code);
			if (name && name !== code) return name;
		}
		return code;
	};
}

function build(locale: Locale) {
	const name = namer(locale);
	const seen = new Set<string>();
	// One entry per ISO code; should two codes ever share a name in some runtime, the code tells them apart.
	const all = COUNTRY_CODES.filter((code) => code !== 'KG').map((code): CountryOption => {
		const plain = name(code);
		const label = seen.has(plain) ? `${plain} (${code})` : plain;
		seen.add(label);
		return { code, name: label };
	});
	const collator = new Intl.Collator(locale);
	return {
		corridors: DIASPORA_CORRIDORS.map((code) => all.find((c) => c.code === code)!),
		others: all.filter((c) => !DIASPORA_CORRIDORS.includes(c.code)).sort((x, y) => collator.compare(x.name, y.name)),
	};
}

function lists(locale: Locale) {
	let found = cache.get(locale);
	if (!found) cache.set(locale, (found = build(locale)));
	return found;
}

/**
 * Every current ISO 3166-1 country once, named in the locale (the runtime's ICU data): the main destinations of
 * Kyrgyz migrants first, then the rest in the locale's alphabetical order. Kyrgyzstan itself is not offered: the
 * field is the country of residence abroad.
 */
export function countryOptions(locale: Locale): CountryOption[] {
	const { corridors, others } = lists(locale);
	return [...corridors, ...others];
}

/** The same list as two `<optgroup>`s, so a screen reader hears why the first few are out of alphabetical order. */
export function countryGroups(
	locale: Locale,
	labels: { corridors: string; others: string },
): { label: string; options: { value: string; label: string }[] }[] {
	const { corridors, others } = lists(locale);
	const options = (list: CountryOption[]) => list.map((c) => ({ value: c.code, label: c.name }));
	return [
		{ label: labels.corridors, options: options(corridors) },
		{ label: labels.others, options: options(others) },
	];
}
