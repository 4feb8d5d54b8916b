import { error } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { ApiError } from '#lib/server/api.js';
import { projectsFor, requireStaff } from '#lib/server/projects-session.js';
import type { PageServerLoad } from './$types';

// Proposals waiting for staff, longest waiting first (the API's order), with how long each has waited.
export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	requireStaff(event, locale);
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await projectsFor(event, locale).queue({ cursor, limit: 20 });
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor, now: new Date().toISOString() };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};
