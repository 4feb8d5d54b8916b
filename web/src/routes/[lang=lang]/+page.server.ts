import { error } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { placeName } from '#lib/places.js';
import { api, ApiError } from '#lib/server/api.js';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 12;
/** Recommendations the home page shows; the rest are on /for-you. */
const FOR_YOU_SIZE = 3;

/** The signed-in investor's top recommendations for "for you"; null for a visitor or when the API cannot say. */
async function forYou(event: Parameters<PageServerLoad>[0]) {
	if (!event.locals.user) return null;
	try {
		return await api(event).matching.mine({ limit: FOR_YOU_SIZE });
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		console.error(`[web] home recommendations: ${cause.message}`);
		return null;
	}
}

export const load: PageServerLoad = async (event) => {
	const cursor = event.url.searchParams.get('cursor') || undefined;
	const locale = getLocale();
	// Only the first page carries "for you"; the next pages are the list alone.
	const recommendations = cursor ? Promise.resolve(null) : forYou(event);
	try {
		const list = await api(event).projects.list({ limit: PAGE_SIZE, cursor });
		return {
			forYou: await recommendations,
			signedIn: !!event.locals.user,
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
		return {
			forYou: await recommendations,
			signedIn: !!event.locals.user,
			projects: [],
			nextCursor: null,
			isFirstPage: !cursor,
			unavailable: true,
		};
	}
};
