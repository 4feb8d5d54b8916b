import { API_URL } from '$app/env/private';
import { createApiClient, type ApiClient } from './api-client.js';

export { ApiError } from './api-client.js';

/**
 * The API client for one request. Pass the load event's `fetch` so Kit can track the call;
 * the base URL comes from the API_URL environment variable (default http://127.0.0.1:8787).
 */
export function api(fetch?: typeof globalThis.fetch): ApiClient {
	return createApiClient({ baseUrl: API_URL, fetch });
}
