import {
	PublicLedgerSchema,
	type PublicLedger,
	OblastStatsListSchema,
	ProblemSchema,
	ProjectListSchema,
	ProjectSchema,
	TerritoryListSchema,
	type OblastStats,
	type Problem,
	type Project,
	type ProjectList,
	type Locale,
	type Territory,
} from '@mekendesh/contracts';

/** The API answered with an error (a problem+json body when it could), or could not be reached. */
export class ApiError extends Error {
	constructor(
		/** HTTP status, or 0 when the API could not be reached or answered nonsense. */
		readonly status: number,
		message: string,
		readonly problem?: Problem,
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export interface ApiClientOptions {
	/** Origin (and optional path) of the API, without /v1. */
	baseUrl: string;
	fetch?: typeof globalThis.fetch;
	/** Give up after this many milliseconds, so a slow API fails a page instead of hanging it. */
	timeoutMs?: number;
	/** The page's language, sent as Accept-Language: problem titles and details come back in it. */
	locale?: Locale;
}

export interface ApiClient {
	/** Any of the API's list parameters (filters, sort, q, limit, cursor), passed through as given. */
	listProjects(query?: Record<string, string | number | undefined>): Promise<ProjectList>;
	/** Public projects and money raised per oblast-level unit, for the map. */
	oblastStats(): Promise<OblastStats[]>;
	getProject(id: string): Promise<Project>;
	/** The newest entries of a public project's ledger. */
	projectLedger(id: string, limit?: number): Promise<PublicLedger>;
	listTerritories(): Promise<Territory[]>;
}

/**
 * A typed client for the public read endpoints of the Mekendesh API. Responses are checked
 * against the shared contracts, so a drifting API fails loudly here instead of deep in a page.
 * @example
 * const api = createApiClient({ baseUrl: 'http://127.0.0.1:8787', fetch: event.fetch });
 * const { items, nextCursor } = await api.listProjects({ limit: 12 });
 */
export function createApiClient({ baseUrl, fetch = globalThis.fetch, timeoutMs = 8000, locale }: ApiClientOptions): ApiClient {
	const root = baseUrl.replace(/\/+$/, '');

	async function get<T>(path: string, schema: Parser<T>): Promise<T> {
		let response: Response;
		try {
			response = await fetch(`${root}/v1${path}`, {
				headers: { accept: 'application/json', ...(locale ? { 'accept-language': locale } : {}) },
				signal: AbortSignal.timeout(timeoutMs),
			});
		} catch (cause) {
			throw new ApiError(0, `API unreachable: GET ${path}: ${describe(cause)}`);
		}
		const body: unknown = await response.json().catch(() => undefined);
		if (!response.ok) {
			const problem = ProblemSchema.safeParse(body);
			throw new ApiError(
				response.status,
				`API error ${response.status}: GET ${path}`,
				problem.success ? problem.data : undefined,
			);
		}
		const parsed = schema.safeParse(body);
		if (!parsed.success) {
			throw new ApiError(0, `API response does not match the contract: GET ${path}: ${parsed.error.message}`);
		}
		return parsed.data;
	}

	return {
		listProjects(params = {}) {
			const query = new URLSearchParams();
			for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
			const qs = query.size > 0 ? `?${query}` : '';
			return get(`/projects${qs}`, ProjectListSchema);
		},
		async oblastStats() {
			return (await get('/stats/oblasts', OblastStatsListSchema)).items;
		},
		getProject(id) {
			return get(`/projects/${encodeURIComponent(id)}`, ProjectSchema);
		},
		projectLedger(id, limit = 10) {
			return get(`/projects/${encodeURIComponent(id)}/ledger?limit=${limit}`, PublicLedgerSchema);
		},
		async listTerritories() {
			return (await get('/territories', TerritoryListSchema)).items;
		},
	};
}

/** The one thing used from a zod schema; keeps zod itself out of the web app's dependencies. */
interface Parser<T> {
	safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

function describe(cause: unknown): string {
	return cause instanceof Error ? cause.message : String(cause);
}
