import { api } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { requireRole } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	return cursorPage(event.url, (cursor) => api(event).audit.list({ cursor, limit: 50 }));
};
