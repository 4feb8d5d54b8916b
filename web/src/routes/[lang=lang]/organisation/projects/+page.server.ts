import { error } from '@sveltejs/kit';
import { api, ApiError } from '#lib/server/api.js';
import { requireMember } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

// My organisation's projects in every status, newest first, with staff's reason where they asked for changes.
export const load: PageServerLoad = async (event) => {
	const { organisationId } = requireMember(event);
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await api(event).organisations.projects(organisationId, { cursor, limit: 20 });
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};
