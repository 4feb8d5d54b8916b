import type { Cookies } from '@sveltejs/kit';
import { api, ApiError } from './api.js';
import { ACCESS_COOKIE, REFRESH_COOKIE, clearTokens, isExpired, storeTokens } from './session.js';

/** The part of a RequestEvent the session needs; `fetch` is the event's, so calls pass `handleFetch`. */
export interface SessionEvent {
	locals: App.Locals;
	cookies: Cookies;
	fetch: typeof globalThis.fetch;
}

/**
 * Reads the session cookies, refreshes an expired access token once, and loads the user from GET /v1/me.
 * A token the API rejects (signed out everywhere, deleted account) ends the session: both cookies go.
 * An unreachable API leaves the cookies alone and the request anonymous.
 */
export async function loadSession(event: SessionEvent): Promise<void> {
	event.locals.user = null;
	event.locals.accessToken = null;
	let access = event.cookies.get(ACCESS_COOKIE);
	const refresh = event.cookies.get(REFRESH_COOKIE);
	if (!access && !refresh) return;
	const client = api(event);
	try {
		if ((!access || isExpired(access)) && refresh) {
			const tokens = await client.auth.refresh(refresh);
			storeTokens(event.cookies, tokens);
			access = tokens.accessToken;
		}
		if (!access) return;
		// handleFetch sends the token on locals; it stays there only once the API accepts it.
		event.locals.accessToken = access;
		event.locals.user = await client.me.get();
	} catch (cause) {
		event.locals.accessToken = null;
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 401 || cause.status === 400 || cause.status === 404) clearTokens(event.cookies);
		else console.error(`[web] session: ${cause.message}`);
	}
}
