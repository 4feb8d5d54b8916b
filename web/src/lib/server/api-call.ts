import { ProblemSchema } from '@mekendesh/contracts';
import { ApiError } from './api-error.js';
import { API_ORIGIN } from './api-fetch.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What `call` checks a response body with: a zod schema, or anything with the same `safeParse`. */
export interface Parser<T> {
	safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

/** One call: a JSON body, extra headers (Idempotency-Key, If-Match), and a timeout other than the default. */
export interface CallOptions {
	body?: unknown;
	/** A form body (application/x-www-form-urlencoded) instead of JSON, for the routes that take one (RFC 8058 unsubscribe). */
	form?: Record<string, string>;
	headers?: Record<string, string>;
	timeoutMs?: number;
}

/** Query parameters; empty and undefined values are left out. */
export type Query = Record<string, string | number | undefined>;

const DEFAULT_TIMEOUT_MS = 8000;

/** `?a=1&b=2` from the values that are set, or ''. */
export function queryString(query: Query): string {
	const qs = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') qs.set(key, String(value));
	return qs.size > 0 ? `?${qs}` : '';
}

/**
 * The transport under `api(event)`: JSON in and out, a timeout so a slow API fails a page instead of hanging
 * it, problem+json answers as `ApiError`, and answers checked against the contracts so a drifting API fails
 * here rather than deep in a page. URLs are written against API_ORIGIN; `handleFetch` sends them to the API
 * with the token, language and proxy headers. `fetch` is the request's `event.fetch`.
 */
export function apiCaller(fetch: typeof globalThis.fetch) {
	/** The raw response of a call (for streamed bodies); ApiError(0) when the API cannot be reached. */
	async function send(method: Method, path: string, options: CallOptions & { redirect?: RequestRedirect } = {}): Promise<Response> {
		const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
		if (options.body !== undefined) headers['content-type'] = 'application/json';
		if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
		const body = options.form !== undefined ? new URLSearchParams(options.form).toString() : options.body;
		try {
			return await fetch(`${API_ORIGIN}/v1${path}`, {
				method,
				headers,
				body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
				// The API authenticates with the bearer token; the site's own cookies are not its business.
				credentials: 'omit',
				redirect: options.redirect,
				signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
			});
		} catch (cause) {
			throw new ApiError(0, `API unreachable: ${method} ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
		}
	}

	/** A JSON call checked against `schema`. */
	async function call<T>(method: Method, path: string, schema: Parser<T>, options: CallOptions = {}): Promise<T> {
		const response = await send(method, path, options);
		const json: unknown = await response.json().catch(() => undefined);
		if (!response.ok) {
			const problem = ProblemSchema.safeParse(json);
			throw new ApiError(response.status, `API error ${response.status}: ${method} ${path}`, problem.success ? problem.data : undefined);
		}
		const parsed = schema.safeParse(json);
		if (!parsed.success) throw new ApiError(0, `API response does not match the contract: ${method} ${path}: ${parsed.error.message}`);
		return parsed.data;
	}

	return { call, send };
}

export type ApiCall = ReturnType<typeof apiCaller>['call'];
