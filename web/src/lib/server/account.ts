import { redirect, type Cookies } from '@sveltejs/kit';
import type { Locale } from '@mekendesh/contracts';
import { API_URL } from '$app/env/private';
import { ApiError } from './api-client.js';
import { backend, type Backend } from './backend.js';
import { ACCESS_COOKIE, REFRESH_COOKIE, clearTokens, isExpired, storeTokens } from './session.js';

interface EventLike {
	locals: App.Locals;
	cookies: Cookies;
	url: URL;
	fetch: typeof globalThis.fetch;
}

/** The API as the current user (or anonymously), answering in the page's language. */
export function apiFor(event: EventLike, locale: Locale): Backend {
	return backend({ baseUrl: API_URL, locale, token: event.locals.accessToken, fetch: event.fetch });
}

/**
 * Reads the session cookies, refreshes an expired access token once, and loads the user from GET /v1/me.
 * A token the API rejects (signed out everywhere, deleted account) ends the session: both cookies go.
 * An unreachable API leaves the cookies alone and the request anonymous.
 */
export async function loadSession(event: EventLike, locale: Locale): Promise<void> {
	event.locals.user = null;
	event.locals.accessToken = null;
	let access = event.cookies.get(ACCESS_COOKIE);
	const refresh = event.cookies.get(REFRESH_COOKIE);
	if (!access && !refresh) return;
	const anonymous = backend({ baseUrl: API_URL, locale, fetch: globalThis.fetch });
	try {
		if ((!access || isExpired(access)) && refresh) {
			const tokens = await anonymous.refresh(refresh);
			storeTokens(event.cookies, tokens);
			access = tokens.accessToken;
		}
		if (!access) return;
		const me = await backend({ baseUrl: API_URL, locale, token: access, fetch: globalThis.fetch }).me();
		event.locals.user = me;
		event.locals.accessToken = access;
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 401 || cause.status === 400 || cause.status === 404) clearTokens(event.cookies);
		else console.error(`[web] session: ${cause.message}`);
	}
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(event: EventLike, locale: Locale): App.Locals['user'] & object {
	if (event.locals.user) return event.locals.user;
	const next = event.url.pathname + event.url.search;
	redirect(303, `/${locale}/sign-in?next=${encodeURIComponent(next)}`);
}

export const isStaff = (user: App.Locals['user']): boolean =>
	!!user && (user.roles.includes('staff') || user.roles.includes('admin'));
