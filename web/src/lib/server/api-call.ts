import { ProblemSchema, type Locale } from '@mekendesh/contracts';
import { ApiError } from './api-client.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What `call` checks a response body with: a zod schema, or anything with the same `safeParse`. */
export interface Parser<T> {
	safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

export interface ApiCallOptions {
	/** Origin (and optional path) of the API, without /v1. */
	baseUrl: string;
	/** The page's language: sent as Accept-Language, so problem titles come back in it. */
	locale: Locale;
	/** The signed-in user's access token, sent as `Authorization: Bearer`; never leaves the server. */
	token?: string | null;
	fetch?: typeof globalThis.fetch;
	timeoutMs?: number;
}

/**
 * One way to call the API for every server-side client of the web app: the page language, the bearer
 * token, a timeout, problem+json errors as `ApiError`, and responses checked against the contracts.
 * @example
 * const call = apiCaller({ baseUrl, locale: 'ru', token });
 * const me = await call('GET', '/me', MeSchema);
 */
export function apiCaller({ baseUrl, locale, token, fetch = globalThis.fetch, timeoutMs = 8000 }: ApiCallOptions) {
	const root = baseUrl.replace(/\/+$/, '');
	return async function call<T>(method: Method, path: string, schema: Parser<T>, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale, ...extra };
		if (token) headers.authorization = `Bearer ${token}`;
		if (body !== undefined) headers['content-type'] = 'application/json';
		let response: Response;
		try {
			response = await fetch(`${root}/v1${path}`, {
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(timeoutMs),
			});
		} catch (cause) {
			throw new ApiError(0, `API unreachable: ${method} ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
		}
		const json: unknown = await response.json().catch(() => undefined);
		if (!response.ok) {
			const problem = ProblemSchema.safeParse(json);
			throw new ApiError(response.status, `API error ${response.status}: ${method} ${path}`, problem.success ? problem.data : undefined);
		}
		const parsed = schema.safeParse(json);
		if (!parsed.success) throw new ApiError(0, `API response does not match the contract: ${method} ${path}: ${parsed.error.message}`);
		return parsed.data;
	};
}
