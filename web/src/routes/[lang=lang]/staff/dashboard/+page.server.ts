import { requireRole } from '#lib/server/guards.js';
import { dashboardFilters, filterQuery, readDashboard } from '#lib/server/dashboard-page.js';
import type { PageServerLoad } from './$types';

/** The staff dashboard (issue 13): the API's figures for the filters of the GET form; staff only (others 404). */
export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const filters = dashboardFilters(event.url);
	const { dashboard, error, fields } = await readDashboard(event, filters);
	const mapBy: 'projects' | 'raised' = event.url.searchParams.get('map') === 'projects' ? 'projects' : 'raised';
	return { dashboard, error, fieldErrors: fields, filters, query: filterQuery(filters), mapBy };
};
