import { error } from '@sveltejs/kit';
import { api, ApiError } from '#lib/server/api.js';
import { requireRole } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await api(event).audit.list({ cursor, limit: 50 });
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};
