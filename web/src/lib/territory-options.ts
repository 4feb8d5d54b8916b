import type { Locale } from '@mekendesh/contracts';
import { OBLASTS, rayonsOf } from '@mekendesh/territories';

export interface Option {
	value: string;
	label: string;
}

const byLabel = (locale: Locale) => (a: Option, b: Option) => a.label.localeCompare(b.label, locale);

/** The 9 oblast-level units (7 oblasts, Bishkek, Osh) as options, named in the locale. */
export function oblastOptions(locale: Locale): Option[] {
	return OBLASTS.map((t) => ({ value: t.soate, label: t.fullName[locale] })).sort(byLabel(locale));
}

/** Rayons and cities grouped under their oblast, for a `<select>` with `<optgroup>`s that needs no JS. */
export function rayonGroups(locale: Locale): { label: string; options: Option[] }[] {
	return OBLASTS.map((o) => ({
		label: o.fullName[locale],
		options: rayonsOf(o.soate)
			.map((t) => ({ value: t.soate, label: t.fullName[locale] }))
			.sort(byLabel(locale)),
	}))
		.filter((g) => g.options.length > 0)
		.sort((a, b) => a.label.localeCompare(b.label, locale));
}

/**
 * Every territory an organisation can be bound to: each oblast-level unit first in its group, then its
 * rayons and cities.
 */
export function organisationTerritoryGroups(locale: Locale): { label: string; options: Option[] }[] {
	return OBLASTS.map((o) => ({
		label: o.fullName[locale],
		options: [
			{ value: o.soate, label: o.fullName[locale] },
			...rayonsOf(o.soate)
				.filter((t) => t.soate !== o.soate)
				.map((t) => ({ value: t.soate, label: t.fullName[locale] }))
				.sort(byLabel(locale)),
		],
	})).sort((a, b) => a.label.localeCompare(b.label, locale));
}
