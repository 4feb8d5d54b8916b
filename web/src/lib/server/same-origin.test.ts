import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, isCrossSiteWrite, requestOrigin } from './same-origin.js';

const SITE = 'http://127.0.0.1:5173';
const post = (headers: Record<string, string>, method = 'POST') => new Request(`${SITE}/en/account/delete`, { method, headers });
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('isCrossSiteWrite', () => {
	it('lets this site post its forms, by Origin or, without one, by Referer', () => {
		expect(isCrossSiteWrite(post({ ...FORM, origin: SITE }), SITE)).toBe(false);
		expect(isCrossSiteWrite(post({ ...FORM, origin: 'HTTP://127.0.0.1:5173' }), SITE)).toBe(false);
		expect(isCrossSiteWrite(post({ ...FORM, referer: `${SITE}/en/account/delete?x=1` }), SITE)).toBe(false);
		expect(isCrossSiteWrite(post({ 'content-type': 'multipart/form-data; boundary=x', origin: SITE }), SITE)).toBe(false);
	});

	it.each([
		['another origin', { ...FORM, origin: 'http://127.0.0.1:9999' }],
		['another scheme', { ...FORM, origin: 'https://127.0.0.1:5173' }],
		['an origin that only starts like this one', { ...FORM, origin: 'http://127.0.0.1:51730' }],
		['Origin: null (sandboxed frame, data: page)', { ...FORM, origin: 'null' }],
		['no Origin, a Referer on another site', { ...FORM, referer: 'http://evil.example/form.html' }],
		['no Origin, an unreadable Referer', { ...FORM, referer: 'not a url' }],
		['neither Origin nor Referer', { ...FORM }],
		['no content type at all', { origin: 'http://evil.example' }],
		['text/plain, which a form may also send', { 'content-type': 'text/plain', origin: 'http://evil.example' }],
		['multipart, with a boundary', { 'content-type': 'multipart/form-data; boundary=x', origin: 'http://evil.example' }],
		['an Origin trusted over a same-site Referer', { ...FORM, origin: 'http://evil.example', referer: `${SITE}/en` }],
	])('refuses a POST with %s', (_label, headers) => {
		expect(isCrossSiteWrite(post(headers), SITE)).toBe(true);
	});

	it('checks every method that writes, and none that only reads', () => {
		for (const method of ['PUT', 'PATCH', 'DELETE'])
			expect(isCrossSiteWrite(post({ origin: 'http://evil.example' }, method), SITE), method).toBe(true);
		for (const method of ['GET', 'HEAD', 'OPTIONS']) {
			expect(isCrossSiteWrite(new Request(`${SITE}/en`, { method, headers: { origin: 'http://evil.example' } }), SITE), method).toBe(false);
		}
	});
});

describe('requestOrigin', () => {
	it('reads Origin first, else the origin of Referer, else nothing', () => {
		expect(requestOrigin(new Headers({ origin: SITE, referer: 'http://other.example/' }))).toBe(SITE);
		expect(requestOrigin(new Headers({ referer: `${SITE}/ru/account?tab=1#x` }))).toBe(SITE);
		expect(requestOrigin(new Headers())).toBeNull();
	});
});

describe('crossSiteRefusal', () => {
	it('is a 403 page in the language given, with its text escaped and never cached', async () => {
		const response = crossSiteRefusal({
			lang: 'ru',
			title: 'Форма <отправлена>',
			text: 'Ничего не изменено & всё',
			home: 'На главную',
			homeHref: '/ru',
		});
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('<html lang="ru">');
		expect(html).toContain('<h1>Форма &#60;отправлена&#62;</h1>');
		expect(html).toContain('Ничего не изменено &#38; всё');
		expect(html).toContain('<a href="/ru">На главную</a>');
		expect(html).not.toContain('<script');
	});
});
