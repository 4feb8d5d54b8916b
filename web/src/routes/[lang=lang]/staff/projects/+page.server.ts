import { error } from '@sveltejs/kit';
import { api, ApiError } from '#lib/server/api.js';
import { requireRole } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

// Proposals waiting for staff, longest waiting first (the API's order), with how long each has waited.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await api(event).projects.queue({ cursor, limit: 20 });
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor, now: new Date().toISOString() };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};
