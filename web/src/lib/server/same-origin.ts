/** Methods that only read: never refused, whatever their origin (links, images, prefetches). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Where a request says it comes from: the origin of its `Origin` header, else of its `Referer`, else null.
 * `Origin: null` (sandboxed frames, `data:` pages, cross-site redirects) stays `'null'`, which matches no site.
 */
export function requestOrigin(headers: Headers): string | null {
	const origin = headers.get('origin');
	if (origin !== null) return origin.trim().toLowerCase();
	const referer = headers.get('referer');
	if (!referer) return null;
	try {
		return new URL(referer).origin;
	} catch {
		return null;
	}
}

/**
 * True when a request would change something (any method but GET, HEAD, OPTIONS) and does not come from
 * this site: its `Origin` (else `Referer`) is another origin, `null`, or missing.
 *
 * The rule is SvelteKit's own CSRF check (`is_csrf_forbidden` in @sveltejs/kit `runtime/server/csrf.js`),
 * which Kit runs only in built apps, not under `vite dev`; here it runs in both (hooks.server.ts), with
 * two differences: the Referer stands in for a missing Origin (OWASP CSRF cheat sheet, "Verifying origin
 * with standard headers"), and every content type is checked, not only the form ones, since the web app
 * takes no writes from other sites at all (its API is functions/api).
 * @param siteOrigin the site's own origin as the server sees it, e.g. `event.url.origin` ('http://127.0.0.1:5173')
 * @example isCrossSiteWrite(new Request('http://a.test/en/account', { method: 'POST', headers: { origin: 'http://evil.test' } }), 'http://a.test') // true
 */
export function isCrossSiteWrite(request: Request, siteOrigin: string): boolean {
	if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
	return requestOrigin(request.headers) !== siteOrigin.toLowerCase();
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a refused cross-site write: 403, a small HTML page in the reader's language (no script,
 * no style, so the fallback CSP of security-headers.ts suits it), never stored by a cache.
 * @param page `lang` the page's language tag; `title`, `text`, `home` (link text) already localised; `homeHref` a path
 */
export function crossSiteRefusal(page: { lang: string; title: string; text: string; home: string; homeHref: string }): Response {
	const html =
		`<!doctype html><html lang="${escapeHtml(page.lang)}"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
		`<title>${escapeHtml(page.title)}</title></head><body><main><h1>${escapeHtml(page.title)}</h1>` +
		`<p>${escapeHtml(page.text)}</p><p><a href="${escapeHtml(page.homeHref)}">${escapeHtml(page.home)}</a></p></main></body></html>`;
	return new Response(html, {
		status: 403,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
	});
}
