import { error } from '@sveltejs/kit';
import { OBLASTS, RAYONS } from '@mekendesh/territories';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError } from '#lib/server/api.js';
import { oblastOptions, rayonGroups } from '#lib/territory-options.js';
import type { PageServerLoad } from './$types';

/** Hometown clubs by home rayon (or oblast), read by key: the filter comes from the URL, so the form needs no JavaScript. */
export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	// A tolerant reader: a code that is not a rayon or an oblast is dropped, not an error page.
	const rayon = RAYONS.find((t) => t.soate === event.url.searchParams.get('rayon'))?.soate;
	const oblast = rayon ? undefined : OBLASTS.find((t) => t.soate === event.url.searchParams.get('oblast'))?.soate;
	let clubs = null;
	if (rayon || oblast) {
		try {
			clubs = (await api(event).clubs.list(rayon ? { rayon } : { oblast: oblast! })).items;
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			console.error(`[web] clubs: ${cause.message}`);
			error(503, 'Service Unavailable', { code: 'api_unavailable' });
		}
	}
	return { rayon: rayon ?? '', oblast: oblast ?? '', clubs, oblasts: oblastOptions(locale), rayons: rayonGroups(locale) };
};
