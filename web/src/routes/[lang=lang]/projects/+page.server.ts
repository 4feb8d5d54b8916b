import { error } from '@sveltejs/kit';
import type { OblastStats } from '@mekendesh/contracts';
import { discoveryProblem } from '#lib/discovery.js';
import { readDiscoveryQuery } from '#lib/server/discovery-reader.js';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { placeName } from '#lib/places.js';
import { withPlainTexts } from '#lib/server/plain-text.js';
import { api, ApiError } from '#lib/server/api.js';
import { followingOf } from '#lib/server/following.js';
import type { PageServerLoad } from './$types';
import { withoutDone } from '#lib/server/done.js';

const PAGE_SIZE = 12;

// Discovery: filters, search and sort as one GET form (no JS), the oblast map, a cursor "more" link.
export const load: PageServerLoad = async (event) => {
	const { url } = event;
	const locale = getLocale();
	const { query, adjusted } = readDiscoveryQuery(url.searchParams);
	const mapBy: 'projects' | 'raised' = url.searchParams.get('map') === 'raised' ? 'raised' : 'projects';
	const client = api(event);
	const stats = client.stats.oblasts().catch((cause: unknown): OblastStats[] => {
		if (!(cause instanceof ApiError)) throw cause;
		console.error(`[web] oblast stats: ${cause.message}`);
		return [];
	});
	let list;
	let problem: string | null = null;
	try {
		list = await client.projects.list({ ...query, limit: PAGE_SIZE });
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		// A stale or forged cursor is a page that does not exist, not an outage.
		if (query.cursor && cause.status === 400) error(404, 'Not Found');
		// In the reader's language from the page's own messages, never the API's (English) wording.
		if (cause.status === 400) problem = discoveryProblem(cause.problem) === 'too_short' ? m.pj_search_too_short() : m.pj_search_invalid();
		else console.error(`[web] project list: ${cause.message}`);
		list = null;
	}
	return {
		query,
		adjusted,
		mapBy,
		stats: await stats,
		projects: (list?.items ?? []).map((project) => ({ project: withPlainTexts(project), place: placeName(project.oblastSoate, locale) })),
		nextCursor: list?.nextCursor ?? null,
		problem,
		unavailable: list === null && problem === null,
		// Follow and save buttons: the territory filtered by (rayon first), whether the reader follows it, and this page to return to.
		signedIn: !!event.locals.user,
		followingPlace: query.rayon || query.oblast ? await followingOf(event, 'territory', (query.rayon ?? query.oblast)!) : null,
		thisPage: withoutDone(url.pathname + url.search),
	};
};
