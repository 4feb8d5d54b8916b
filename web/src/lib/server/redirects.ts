/** A stand-in origin to resolve candidate paths against: only a path that stays on it is kept. */
const BASE = 'https://mekendesh.invalid';

/**
 * The one check every redirect target taken from a request goes through (`next` after sign-in, sign-up and
 * confirmation, the language redirect): a path on this site, or `fallback` (the localised home or account).
 * Refused: anything but printable ASCII (tabs, CR/LF and spaces, which URL parsers drop or keep silently,
 * and look-alike letters), other origins, `//host` and `/\\host`, and paths whose dot segments resolve to
 * `//host` (`/.//host`, `/%2e//host`, `/en/..//host`). The answer is the resolved path, parsed once with
 * URL, so what the browser follows is exactly what was checked.
 * @example safeNext('/ru/projects/p1/pledge?x=1', '/ru') // '/ru/projects/p1/pledge?x=1'
 * @example safeNext('/en/..//evil.example', '/en')     // '/en'
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
	if (typeof next !== 'string' || next.length === 0 || next.length > 2048) return fallback;
	if (!/^[\x21-\x7e]+$/.test(next) || !next.startsWith('/') || next.includes('\\')) return fallback;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	const path = url.pathname + url.search + url.hash;
	return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}

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
	// A same-origin target becomes a path, through the same check as every other redirect: a request for
	// `//host/` must not come back as the protocol-relative `//host`, another site.
	const target = url.origin === requestOrigin ? safeNext(url.pathname + url.search + url.hash, '/') : url.href;
	if (target === location) return response;
	const copy = new Response(response.body, response);
	copy.headers.set('location', target);
	if (copy.headers.has('vary') && !/\bcookie\b/i.test(copy.headers.get('vary') ?? '')) copy.headers.append('vary', 'Cookie');
	return copy;
}
