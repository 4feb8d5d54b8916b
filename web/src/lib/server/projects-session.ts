import { error, redirect } from '@sveltejs/kit';
import type { Locale } from '@mekendesh/contracts';
import { API_URL } from '$app/env/private';
import { oblastOf, rayonsOf, territoryBySoate } from '@mekendesh/territories';
import type { Option } from '#lib/components/forms/select-field.svelte';
import { apiFor, isStaff, requireUser } from './account.js';
import { projectsApi, type ProjectsApi } from './projects-api.js';

interface EventLike {
	locals: App.Locals;
	cookies: import('@sveltejs/kit').Cookies;
	url: URL;
	fetch: typeof globalThis.fetch;
}

/** The proposal and vetting API as the signed-in user, answering in the page's language. */
export function projectsFor(event: EventLike, locale: Locale): ProjectsApi {
	return projectsApi({ baseUrl: API_URL, locale, token: event.locals.accessToken, fetch: event.fetch });
}

/** A member of an organisation; others are sent to "my organisation", which explains how to register one. */
export function requireOfficer(event: EventLike, locale: Locale): { organisationId: string } {
	const user = requireUser(event, locale);
	if (!user.organisationId) redirect(303, `/${locale}/organisation`);
	return { organisationId: user.organisationId };
}

/** Staff only; anyone else gets the same 404 as for a page that does not exist. */
export function requireStaff(event: EventLike, locale: Locale): void {
	if (!isStaff(requireUser(event, locale))) error(404, 'Not Found');
}

/**
 * The rayons a project of this organisation can be in: its own rayon, or every rayon of its oblast.
 * (The API enforces the territory; this only keeps the choice short.)
 */
export async function rayonOptions(event: EventLike, locale: Locale, organisationId: string): Promise<Option[]> {
	const org = await apiFor(event, locale).organisation(organisationId);
	const territory = territoryBySoate(org.territorySoate);
	const inRayon = territory?.level === 2 ? [territory] : rayonsOf(oblastOf(org.territorySoate)?.soate ?? org.territorySoate);
	return inRayon.map((t) => ({ value: t.soate, label: t.fullName[locale] })).sort((a, b) => a.label.localeCompare(b.label, locale));
}
