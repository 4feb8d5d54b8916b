import { api } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { requireUser } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return cursorPage(event.url, (cursor) => api(event).me.pledges({ cursor, limit: 20 }));
};
