import { error, redirect } from '@sveltejs/kit';
import { OBLASTS, RAYONS } from '@mekendesh/territories';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError } from '#lib/server/api.js';
import { oblastOptions, rayonGroups } from '#lib/territory-options.js';
import type { PageServerLoad } from './$types';

/** A cursor as the API issues them (opaque, URL-safe); anything else starts from the first page. */
const CURSOR = /^[A-Za-z0-9_.~:-]{1,512}$/;

/**
 * Hometown clubs by home rayon (or oblast), read by key, one page of 50 at a time (`cursor`: the "next" link). The
 * filter comes from the URL, so the form needs no JavaScript; with none, a signed-in person starts from their home
 * district (then oblast) as their profile names it (issue 12 review), anyone else from the choice.
 */
export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	const params = event.url.searchParams;
	const chosen = params.has('rayon') || params.has('oblast');
	const home = chosen ? null : event.locals.user?.profile;
	// A tolerant reader: a code that is not a rayon or an oblast is dropped, not an error page.
	const rayon = RAYONS.find((t) => t.soate === (home ? home.homeRayonSoate : params.get('rayon')))?.soate;
	const oblast = rayon ? undefined : OBLASTS.find((t) => t.soate === (home ? home.homeOblastSoate : params.get('oblast')))?.soate;
	const cursor = params.get('cursor') ?? '';
	let clubs = null;
	let next: string | null = null;
	if (rayon || oblast) {
		try {
			const page = await api(event).clubs.list({
				...(rayon ? { rayon } : { oblast: oblast! }),
				...(CURSOR.test(cursor) ? { cursor } : {}),
			});
			clubs = page.items;
			next = page.nextCursor;
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			// A cursor this list did not issue (400 on `cursor`): the first page instead of an error page.
			if (cause.status === 400 && cursor) redirect(303, withoutCursor(event.url));
			console.error(`[web] clubs: ${cause.message}`);
			error(503, 'Service Unavailable', { code: 'api_unavailable' });
		}
	}
	const nextHref = next ? `?${new URLSearchParams({ ...(rayon ? { rayon } : { oblast: oblast! }), cursor: next })}` : null;
	return {
		mine: await myClubs(event),
		rayon: rayon ?? '',
		oblast: oblast ?? '',
		fromHome: Boolean(home && (rayon || oblast)),
		clubs,
		nextHref,
		oblasts: oblastOptions(locale),
		rayons: rayonGroups(locale),
	};
};

/**
 * The signed-in person's clubs (issue 12 review: "My clubs" on the clubs page), one page of their memberships
 * (GET /v1/me/clubs); null signed out, or when the API cannot say (the page stands without the section).
 */
async function myClubs(event: Parameters<PageServerLoad>[0]) {
	if (!event.locals.user) return null;
	try {
		return (await api(event).clubs.mine()).items;
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		console.error(`[web] my clubs: ${cause.message}`);
		return null;
	}
}

function withoutCursor(url: URL): string {
	const params = new URLSearchParams(url.searchParams);
	params.delete('cursor');
	return `${url.pathname}?${params}`;
}
