import { api } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { requireMember } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

// My organisation's projects in every status, newest first, with staff's reason where they asked for changes.
export const load: PageServerLoad = async (event) => {
	const { organisationId } = requireMember(event);
	return cursorPage(event.url, (cursor) => api(event).organisations.projects(organisationId, { cursor, limit: 20 }));
};
