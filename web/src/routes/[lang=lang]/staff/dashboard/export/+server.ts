import { error } from '@sveltejs/kit';
import type { Locale } from '@mekendesh/contracts';
import { DASHBOARD_TABLES, dashboardTable, type DashboardTableName } from '#lib/dashboard/tables.js';
import { dashboardLabels } from '#lib/dashboard/labels.js';
import { tableCsv, tableXlsx } from '#lib/server/dashboard-export.js';
import { dashboardFilters, readDashboard } from '#lib/server/dashboard-page.js';
import { requireRole } from '#lib/server/guards.js';
import { bishkekDay } from '#lib/duration.js';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One dashboard table as CSV or XLSX (`?table=<name>&format=csv|xlsx&<the page's filters>`), staff only: the rows
 * the page shows for the same filters (dashboardTable over the same API answer), headers in the page's language.
 */
export const GET: RequestHandler = async (event) => {
	requireRole(event, 'staff');
	const name = event.url.searchParams.get('table') ?? '';
	const format = event.url.searchParams.get('format') ?? '';
	if (!(DASHBOARD_TABLES as readonly string[]).includes(name)) error(400, 'table: unknown');
	if (format !== 'csv' && format !== 'xlsx') error(400, 'format: csv or xlsx');
	const { dashboard, error: problem, status } = await readDashboard(event, dashboardFilters(event.url));
	if (!dashboard) error(status, problem ?? 'unavailable');
	const table = dashboardTable(dashboard, name as DashboardTableName, dashboardLabels(event.params.lang as Locale));
	// The filters are in the name (issue 13 review 14): two exports of the same table for two oblasts do not collide.
	const filters = [dashboard.oblast, dashboard.sector].filter(Boolean).join('-');
	const filename = `mekendesh-${name}-${dashboard.from}-${dashboard.to}${filters ? `-${filters}` : ''}-${bishkekDay()}.${format}`;
	const headers = { 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' };
	if (format === 'csv') return new Response(tableCsv(table), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
	return new Response(await tableXlsx(table), { headers: { ...headers, 'content-type': XLSX } });
};
