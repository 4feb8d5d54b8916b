import { api } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { requireRole } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

// Proposals waiting for staff, longest waiting first (the API's order), with how long each has waited.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const page = await cursorPage(event.url, (cursor) => api(event).projects.queue({ cursor, limit: 20 }));
	return { ...page, now: new Date().toISOString() };
};
