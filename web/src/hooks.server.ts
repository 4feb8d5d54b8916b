import type { Handle, HandleFetch, HandleServerError } from '@sveltejs/kit/hooks';
import { API_URL, MEDIA_UPLOAD_ORIGIN, PROXY_SECRET } from '$app/env/private';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { cookieMaxAge, cookieName, extractLocaleFromUrl, getLocale } from '#lib/paraglide/runtime.js';
import { m } from '#lib/paraglide/messages.js';
import { loadSession } from '#lib/server/account.js';
import { toApiRequest } from '#lib/server/api-fetch.js';
import { checkFormPost, DEFAULT_FORM_LIMIT, FORM_LIMITS, formatLimit, formRefusalPage, isPagePost } from '#lib/server/form-body.js';
import { tidyLocaleRedirect } from '#lib/server/redirects.js';
import { setPageCaching } from '#lib/server/page-caching.js';
import { crossSiteRefusal, isCrossSiteWrite } from '#lib/server/same-origin.js';
import { withSecurityHeaders } from '#lib/server/security-headers.js';
import { allowFormTarget } from '#lib/server/upload-csp.js';

// The upload forms post straight to the object store (issue 14): its origin joins form-action (upload-csp.ts).
const securityHeaders: Handle = async ({ event, resolve }) =>
	allowFormTarget(withSecurityHeaders(await resolve(event)), MEDIA_UPLOAD_ORIGIN);

/**
 * Resolves the locale (URL prefix, else cookie, else Accept-Language, else Kyrgyz), sets `<html lang>`
 * and remembers a language chosen through the URL, so `/` later leads back to it without JavaScript.
 * Routes carry the language as a `[lang=lang]` segment, so the de-localized request is not used.
 */
const i18n: Handle = async ({ event, resolve }) => {
	const response = await paraglideMiddleware(event.request, ({ locale }) => {
		const fromUrl = extractLocaleFromUrl(event.url);
		if (fromUrl && event.cookies.get(cookieName) !== fromUrl) {
			event.cookies.set(cookieName, fromUrl, {
				path: '/',
				maxAge: cookieMaxAge,
				sameSite: 'lax',
				httpOnly: false,
				// Not secret; over plain http (local runs) a Secure cookie would simply be dropped.
				secure: event.url.protocol === 'https:',
			});
		}
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale),
		});
	});
	// For browsers the middleware itself redirects `/` to `https://host/ky/`; make that `/ky` (see the helper).
	return tidyLocaleRedirect(response, event.url.origin);
};

/**
 * Refuses writes from other sites (a form on another origin auto-submitted at a signed-in visitor) before
 * any action reads the body or the session: 403, in the reader's language. The same check in `vite dev` and
 * in the built app; Kit's own check is off (vite.config.ts), since it runs before hooks and answers in
 * English plain text. The rule and its source: same-origin.ts.
 */
const sameOrigin: Handle = async ({ event, resolve }) => {
	if (!isCrossSiteWrite(event.request, event.url.origin)) return resolve(event);
	const lang = getLocale();
	return crossSiteRefusal({ lang, title: m.cross_site_title(), text: m.cross_site_text(), home: m.go_home(), homeHref: `/${lang}` });
};

/**
 * Reads every form post before its action does: over its route's limit 413, not a form (text/plain) 415, a
 * form that cannot be parsed (a broken multipart body) 400, each a page in the reader's language instead of a
 * 500 from `request.formData()`. Limits and rules: form-body.ts.
 */
const formBody: Handle = async ({ event, resolve }) => {
	if (!isPagePost(event.request, event.url, event.route.id)) return resolve(event);
	const limit = FORM_LIMITS[event.route.id!] ?? DEFAULT_FORM_LIMIT;
	const refused = await checkFormPost(event.request, limit);
	if (refused === null) return resolve(event);
	const lang = getLocale();
	const large = refused === 413;
	return formRefusalPage(refused, {
		lang,
		title: large ? m.form_too_large_title() : m.form_unreadable_title(),
		text: large ? m.form_too_large_text({ max: formatLimit(limit, lang) }) : m.form_unreadable_text(),
		back: m.form_back(),
		backHref: event.url.pathname,
	});
};

/**
 * Puts the signed-in user on `locals` (refreshing an expired access token from the refresh cookie).
 * Runs inside the i18n handle, so API problem titles come back in the page's language.
 * Pages seen with a session are personal: never stored by a shared cache; every page varies by Cookie (setPageCaching).
 */
const session: Handle = async ({ event, resolve }) => {
	await loadSession(event);
	const response = await resolve(event);
	setPageCaching(response, Boolean(event.locals.user), event.url.pathname);
	return response;
};

export const handle: Handle = sequence(securityHeaders, i18n, sameOrigin, formBody, session);

export const handleError: HandleServerError = ({ kind, error, event }) => {
	// Operators get the details in the log; the page only ever sees Kit's generic "Internal Error".
	if (kind === 'unknown') console.error(`[web] ${event.request.method} ${event.url.pathname}:`, error);
};

/**
 * Every call of the API client (`api(event)`, api.ts) passes here: its stand-in URL becomes API_URL, and it
 * gets the signed-in person's bearer token, the page language, and the visitor's address proven by the shared
 * secret (so the API's per-address rate limits count visitors rather than this server). One place for all
 * of them; other requests (an upload to the object store) go out untouched.
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
	const toApi = toApiRequest(request, {
		apiUrl: API_URL,
		token: event.locals.accessToken ?? null,
		locale: getLocale(),
		clientAddress: () => event.getClientAddress(),
		proxySecret: PROXY_SECRET,
	});
	return fetch(toApi ?? request);
};
