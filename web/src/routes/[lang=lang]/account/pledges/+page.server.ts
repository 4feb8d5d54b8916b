import { error } from '@sveltejs/kit';
import { api, ApiError } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await api(event).me.pledges({ cursor, limit: 20 });
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};
