import { error } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { placeName } from '#lib/places.js';
import { api, ApiError } from '#lib/server/api.js';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 12;

export const load: PageServerLoad = async (event) => {
	const cursor = event.url.searchParams.get('cursor') || undefined;
	const locale = getLocale();
	try {
		const list = await api(event).projects.list({ limit: PAGE_SIZE, cursor });
		return {
			projects: list.items.map((project) => ({ project, place: placeName(project.oblastSoate, locale) })),
			nextCursor: list.nextCursor,
			isFirstPage: !cursor,
			unavailable: false,
		};
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		// A stale or forged cursor is a page that does not exist, not an outage.
		if (cursor && cause.status === 400) error(404, 'Not Found');
		console.error(`[web] project list: ${cause.message}`);
		return { projects: [], nextCursor: null, isFirstPage: !cursor, unavailable: true };
	}
};
