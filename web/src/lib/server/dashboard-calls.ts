import { DashboardSchema, type DashboardQuery } from '@mekendesh/contracts';
import { queryString, type ApiCall } from './api-call.js';

/** The staff dashboard (issue 13): GET /v1/staff/dashboard with the page's filters (staff only). */
export const dashboardCalls = (call: ApiCall) => ({
	get: (q: Partial<Record<keyof DashboardQuery, string>>) => call('GET', `/staff/dashboard${queryString(q)}`, DashboardSchema),
});
