import type { Locale } from '@mekendesh/contracts';
import { oblastOf, rayonsOf, territoryBySoate } from '@mekendesh/territories';
import type { Option } from '#lib/components/forms/select-field.svelte';
import { api, type ApiEvent } from './api.js';

/**
 * The rayons a project of this organisation can be in: its own rayon, or every rayon of its oblast.
 * (The API enforces the territory; this only keeps the choice short.)
 */
export async function rayonOptions(event: ApiEvent, locale: Locale, organisationId: string): Promise<Option[]> {
	const org = await api(event).organisations.get(organisationId);
	const territory = territoryBySoate(org.territorySoate);
	const inRayon = territory?.level === 2 ? [territory] : rayonsOf(oblastOf(org.territorySoate)?.soate ?? org.territorySoate);
	return inRayon.map((t) => ({ value: t.soate, label: t.fullName[locale] })).sort((a, b) => a.label.localeCompare(b.label, locale));
}
