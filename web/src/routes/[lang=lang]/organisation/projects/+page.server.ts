import { error } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { ApiError } from '#lib/server/api.js';
import { projectsFor, requireOfficer } from '#lib/server/projects-session.js';
import type { PageServerLoad } from './$types';

// My organisation's projects in every status, newest first, with staff's reason where they asked for changes.
export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	const { organisationId } = requireOfficer(event, locale);
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await projectsFor(event, locale).organisationProjects(organisationId, { cursor, limit: 20 });
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};
