/**
 * Tidies the language redirect Paraglide's middleware sends from `/` to `/ky/`:
 * - a same-origin target becomes a path, because behind adapter-node without PROTOCOL_HEADER the
 *   request URL says https even when the site is served over plain http (local runs);
 * - the trailing slash goes (Kit serves `/ky`, and would otherwise redirect a second time);
 * - `Vary` names Cookie too, since the cookie picks the language as much as Accept-Language.
 * Other responses pass through untouched.
 */
export function tidyLocaleRedirect(response: Response, requestOrigin: string): Response {
	const location = response.headers.get('location');
	if (response.status < 300 || response.status >= 400 || !location) return response;
	const url = new URL(location, requestOrigin);
	if (url.pathname !== '/') url.pathname = url.pathname.replace(/\/+$/, '');
	const target = url.origin === requestOrigin ? url.pathname + url.search + url.hash : url.href;
	if (target === location) return response;
	const copy = new Response(response.body, response);
	copy.headers.set('location', target);
	if (copy.headers.has('vary') && !/\bcookie\b/i.test(copy.headers.get('vary') ?? '')) copy.headers.append('vary', 'Cookie');
	return copy;
}
