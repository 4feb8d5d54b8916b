import { error } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api } from '#lib/server/api.js';
import type { RequestHandler } from './$types';

/**
 * The open-data CSV, as the API writes it (BOM, header first, one row per oblast and sector), oblast names in the page's
 * language and so a file name per language; the licence in the Link header (rel="license") and on the statistics page.
 */
export const GET: RequestHandler = async (event) => {
	let body: string;
	try {
		body = await api(event).transparency.openData(getLocale());
	} catch (cause) {
		console.error(`[web] open data: ${cause instanceof Error ? cause.message : String(cause)}`);
		error(503, 'Service Unavailable');
	}
	const lang = getLocale();
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="mekendesh-open-data-${lang}.csv"`,
			link: '<https://creativecommons.org/licenses/by/4.0/>; rel="license"',
			'cache-control': 'public, max-age=60',
		},
	});
};
