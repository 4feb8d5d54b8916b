import { describe, expect, it } from 'vitest';
import { setPageCaching } from './page-caching.js';

const html = (headers: Record<string, string> = {}) =>
	new Response('<p>', { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

describe('setPageCaching', () => {
	it('makes a signed-in page private and no-store, and names Cookie in Vary', () => {
		const res = html();
		setPageCaching(res, true);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(res.headers.get('vary')).toBe('Cookie');
	});

	it('leaves a visitor page cacheable but varying by Cookie, after what it already varies on', () => {
		const res = html({ vary: 'Accept-Language' });
		setPageCaching(res, false);
		expect(res.headers.get('cache-control')).toBeNull();
		expect(res.headers.get('vary')).toBe('Accept-Language, Cookie');
	});

	it('keeps a route’s own caching, and does not name Cookie twice', () => {
		const res = html({ 'cache-control': 'public, max-age=60', vary: 'cookie' });
		setPageCaching(res, true);
		expect(res.headers.get('cache-control')).toBe('public, max-age=60');
		expect(res.headers.get('vary')).toBe('cookie');
	});

	it('adds no Vary to what is not a page (JSON, images)', () => {
		const res = new Response('{}', { headers: { 'content-type': 'application/json' } });
		setPageCaching(res, false);
		expect(res.headers.get('vary')).toBeNull();
	});

	it('makes the pages whose URL carries a token private and no-store for everybody, over the route’s own choice', () => {
		for (const path of ['/ky/unsubscribe', '/en/invitations/inv-token-1', '/ru/reset-password', '/en/unsubscribe/__data.json']) {
			for (const signedIn of [false, true]) {
				const res = html({ 'cache-control': 'public, max-age=60' });
				setPageCaching(res, signedIn, path);
				expect(res.headers.get('cache-control'), path).toBe('private, no-store');
			}
		}
		const other = html();
		setPageCaching(other, false, '/en/unsubscribed-projects');
		expect(other.headers.get('cache-control')).toBeNull();
	});

	it('leaves an immutable response as it is', () => {
		const res = Response.redirect('https://example.kg/', 302);
		expect(() => setPageCaching(res, true)).not.toThrow();
	});
});
