import { MAX_DASHBOARD_MONTHS, monthsInclusive, type Dashboard } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { api, ApiError, type ApiEvent } from './api.js';

/** The dashboard's filters as the GET form sends them (empty fields left out). */
export type DashboardFilters = Partial<Record<'from' | 'to' | 'oblast' | 'sector', string>>;

/** The filters of a dashboard or export URL: only the four the API takes, each trimmed, empty ones dropped. */
export function dashboardFilters(url: URL): DashboardFilters {
	const out: DashboardFilters = {};
	for (const key of ['from', 'to', 'oblast', 'sector'] as const) {
		const value = url.searchParams.get(key)?.trim();
		if (value) out[key] = value;
	}
	return out;
}

/** The filters again as a query string (for export links and the map), '' when none. */
export function filterQuery(filters: DashboardFilters): string {
	return new URLSearchParams(filters).toString();
}

/** A filter the dashboard cannot read, said in the page's language next to its field. */
export type FilterErrors = Partial<Record<keyof DashboardFilters, string>>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The filters' own faults, checked before asking the API (the rules of DashboardQuerySchema: Bishkek months
 * YYYY-MM, `from` <= `to`, at most MAX_DASHBOARD_MONTHS months), as sentences in the page's language; {} when fine.
 * @example checkFilters({ from: '2026-05', to: '2026-01' }) // { from: 'The start month cannot be after the end month.' }
 */
function checkFilters(filters: DashboardFilters): FilterErrors {
	const errors: FilterErrors = {};
	if (filters.from && !MONTH.test(filters.from)) errors.from = m.db_bad_month();
	if (filters.to && !MONTH.test(filters.to)) errors.to = m.db_bad_month();
	if (errors.from || errors.to || !filters.from || !filters.to) return errors;
	const n = monthsInclusive(filters.from, filters.to);
	if (n < 1) errors.from = m.db_from_after_to();
	else if (n > MAX_DASHBOARD_MONTHS) errors.from = m.db_too_long({ max: String(MAX_DASHBOARD_MONTHS) });
	return errors;
}

/**
 * The dashboard the page and the exports show: the API's answer, or the reason there is none: a bad filter (the
 * web's own check, else the API's field errors, which come in the page's language) with `fields` naming the form's
 * field; the API down: "unavailable".
 */
export async function readDashboard(
	event: ApiEvent,
	filters: DashboardFilters,
): Promise<{ dashboard: Dashboard | null; error: string | null; fields: FilterErrors; status: number }> {
	const own = checkFilters(filters);
	if (Object.keys(own).length > 0) return { dashboard: null, error: m.db_check_filters(), fields: own, status: 400 };
	try {
		return { dashboard: await api(event).dashboard.get(filters), error: null, fields: {}, status: 200 };
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 400) {
			const fields: FilterErrors = {};
			for (const e of cause.problem?.errors ?? []) {
				const name = e.field.replace(/^query\./, '');
				if (name === 'from' || name === 'to' || name === 'oblast' || name === 'sector') fields[name] ??= e.message;
			}
			const detail = cause.problem?.errors?.map((e) => e.message).join('; ') || cause.problem?.title || '';
			return {
				dashboard: null,
				error: Object.keys(fields).length ? m.db_check_filters() : m.db_bad_filter({ detail }),
				fields,
				status: 400,
			};
		}
		console.error(`[web] dashboard: ${cause.message}`);
		return { dashboard: null, error: m.db_unavailable(), fields: {}, status: 503 };
	}
}
