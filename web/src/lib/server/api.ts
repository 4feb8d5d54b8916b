import { API_URL } from '$app/env/private';
import { getLocale } from '#lib/paraglide/runtime.js';
import { createApiClient, type ApiClient } from './api-client.js';

export { ApiError } from './api-client.js';

/**
 * The API client for one request, in the page's language (so the API's problem titles and details come back
 * in it). Pass the load event's `fetch` so Kit can track the call; the base URL comes from the API_URL
 * environment variable (default http://127.0.0.1:8787).
 */
export function api(fetch?: typeof globalThis.fetch): ApiClient {
	return createApiClient({ baseUrl: API_URL, fetch, locale: getLocale() });
}
