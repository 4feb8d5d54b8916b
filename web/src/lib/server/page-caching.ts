/**
 * How a shared cache may keep a page. Every page can differ by the session cookie (the header's account menu,
 * "for you", prefilled forms), so HTML always names Cookie in `Vary`: a CDN never answers a signed-in person
 * with a visitor's copy, or the reverse. A page seen with a session is personal: `private, no-store`, unless
 * the route chose its own caching. Immutable responses (passed through from fetch) keep their headers.
 * @example setPageCaching(response, event.locals.user !== null)
 */
export function setPageCaching(response: Response, signedIn: boolean): void {
	try {
		if (signedIn && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
		const isHtml = (response.headers.get('content-type') ?? '').startsWith('text/html');
		const vary = response.headers.get('vary') ?? '';
		if (isHtml && !/(^|,)\s*(cookie|\*)\s*(,|$)/i.test(vary)) response.headers.append('vary', 'Cookie');
	} catch {
		// An immutable response keeps its own caching headers.
	}
}
