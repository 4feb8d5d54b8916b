import type { Dashboard } from '@mekendesh/contracts';
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

/**
 * The dashboard the page and the exports show: the API's answer, or the reason there is none (a bad filter: the
 * API's problem, localized; the API down: "unavailable").
 */
export async function readDashboard(
	event: ApiEvent,
	filters: DashboardFilters,
): Promise<{ dashboard: Dashboard | null; error: string | null; status: number }> {
	try {
		return { dashboard: await api(event).dashboard.get(filters), error: null, status: 200 };
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 400) {
			const detail = cause.fields.join(', ') || cause.problem?.title || '';
			return { dashboard: null, error: m.db_bad_filter({ detail }), status: 400 };
		}
		console.error(`[web] dashboard: ${cause.message}`);
		return { dashboard: null, error: m.db_unavailable(), status: 503 };
	}
}
