import { api } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { requireRole } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

// The late-report queue (issue 13): milestones more than 14 Bishkek days past due without a report, oldest first.
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	return cursorPage(event.url, (cursor) => api(event).reports.late({ cursor, limit: 50 }));
};
