/**
 * Pages whose URL carries a secret (an unsubscribe link's signed token, an invitation's token) or a person's email
 * (the reset-password page after "forgot password"), with their `__data.json`: `private, no-store` for everybody,
 * signed in or not, whatever the route set, so no shared cache or history answers another visitor with them.
 */
const TOKEN_PAGE = /^\/(ky|ru|en)\/(unsubscribe|invitations\/[^/]+|reset-password)(\/|$)/;

/**
 * How a shared cache may keep a page. Every page can differ by the session cookie (the header's account menu,
 * "for you", prefilled forms), so HTML always names Cookie in `Vary`: a CDN never answers a signed-in person
 * with a visitor's copy, or the reverse. A page seen with a session is personal: `private, no-store`, unless
 * the route chose its own caching. Immutable responses (passed through from fetch) keep their headers.
 * Token-bearing pages (TOKEN_PAGE, by `path`) are always `private, no-store`.
 * @example setPageCaching(response, event.locals.user !== null, event.url.pathname)
 */
export function setPageCaching(response: Response, signedIn: boolean, path = ''): void {
	try {
		if (TOKEN_PAGE.test(path)) response.headers.set('cache-control', 'private, no-store');
		else if (signedIn && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
		const isHtml = (response.headers.get('content-type') ?? '').startsWith('text/html');
		const vary = response.headers.get('vary') ?? '';
		if (isHtml && !/(^|,)\s*(cookie|\*)\s*(,|$)/i.test(vary)) response.headers.append('vary', 'Cookie');
	} catch {
		// An immutable response keeps its own caching headers.
	}
}
