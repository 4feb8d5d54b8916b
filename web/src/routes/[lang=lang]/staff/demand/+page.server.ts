import { error } from '@sveltejs/kit';
import { OBLASTS, RAYONS } from '@mekendesh/territories';
import { api } from '#lib/server/api.js';
import { ApiError } from '#lib/server/api-error.js';
import { requireRole } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

const COUNTED = new Set([...OBLASTS, ...RAYONS].map((t) => t.soate));

// Staff read any rayon or oblast, picked with a GET form (?soate=), so the page works without JavaScript.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const soate = event.url.searchParams.get('soate') ?? '';
	// An unknown or empty choice shows the picker alone, as a tolerant reader would.
	if (!COUNTED.has(soate)) return { soate: '', demand: null };
	try {
		return { soate, demand: await api(event).demand.get(soate) };
	} catch (cause) {
		if (cause instanceof ApiError && cause.status === 404) error(404, 'Not Found');
		throw cause;
	}
};
