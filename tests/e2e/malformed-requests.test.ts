import { describe, expect, inject, it } from 'vitest';
import { DEMO_PROJECTS } from '@mekendesh/demo-data';

const web = () => inject('webUrl');
const api = () => inject('apiUrl');

const TITLES = {
	ky: { unreadable: 'Форманы окуу мүмкүн болгон жок', large: 'Форма өтө чоң' },
	ru: { unreadable: 'Не удалось прочитать форму', large: 'Форма слишком большая' },
	en: { unreadable: 'The form could not be read', large: 'The form is too large' },
} as const;

/** A post as a browser on this site would send it (its Origin), anonymous. */
function post(path: string, headers: Record<string, string>, body: BodyInit) {
	return fetch(`${web()}${path}`, { method: 'POST', headers: { origin: web(), ...headers }, body, redirect: 'manual' });
}

/** The security headers every answer of the web server carries, static files included. */
function expectSecurityHeaders(res: Response, what: string) {
	const h = (name: string) => `${what} ${name}: ${res.headers.get(name)}`;
	expect(h('content-security-policy')).toMatch(/frame-ancestors 'none'/);
	expect(h('strict-transport-security')).toMatch(/max-age=\d{7,}/);
	expect(h('x-content-type-options')).toMatch(/: nosniff$/);
	expect(h('referrer-policy')).toMatch(/: strict-origin-when-cross-origin$/);
	expect(h('x-frame-options')).toMatch(/: DENY$/);
}

describe.each(Object.keys(TITLES) as (keyof typeof TITLES)[])('malformed form posts in %s get a 4xx page, not a 500', (lang) => {
	it("text/plain to the sign-in form: 415, a page in the reader's language", async () => {
		const res = await post(`/${lang}/sign-in`, { 'content-type': 'text/plain' }, 'email=a@b.kg\r\npassword=x');
		expect(res.status).toBe(415);
		const html = await res.text();
		expect(html).toContain(`<html lang="${lang}">`);
		expect(html).toContain(TITLES[lang].unreadable);
		expectSecurityHeaders(res, 'text/plain post');
	});

	it("a broken multipart body to the sign-up form: 400, a page in the reader's language", async () => {
		const res = await post(
			`/${lang}/sign-up`,
			{ 'content-type': 'multipart/form-data; boundary=xyz' },
			'--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nno end',
		);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(TITLES[lang].unreadable);
	});

	it('a form over its limit: 413, before it is parsed', async () => {
		const res = await post(`/${lang}/sign-in`, { 'content-type': 'application/x-www-form-urlencoded' }, `email=${'a'.repeat(200 * 1024)}`);
		expect(res.status).toBe(413);
		expect(await res.text()).toContain(TITLES[lang].large);
	});
});

describe('security headers on every answer', () => {
	it('on static files: /favicon.svg and /robots.txt', async () => {
		for (const path of ['/favicon.svg', '/robots.txt']) {
			const res = await fetch(`${web()}${path}`);
			expect(res.status).toBe(200);
			expectSecurityHeaders(res, path);
		}
	});

	it('on every public page, a missing one and the redirect from /', async () => {
		const project = DEMO_PROJECTS.find((p) => p.status === 'published')!;
		const pages = ['/', '/nowhere'];
		for (const lang of ['ky', 'ru', 'en']) {
			for (const path of [
				'',
				'/projects',
				`/projects/${project.id}`,
				`/projects/${project.id}/pledge`,
				'/sign-in',
				'/sign-up',
				'/forgot-password',
				'/reset-password',
				'/confirm',
				'/organisations/apply',
			]) {
				pages.push(`/${lang}${path}`);
			}
		}
		for (const path of pages) {
			const res = await fetch(`${web()}${path}`, { redirect: 'manual' });
			expect(`${path} ${res.status}`).toMatch(/ [2-4]\d\d$/);
			expectSecurityHeaders(res, path);
		}
	});

	it('on the API: a 50 KB query string answers 431 problem+json, not a bare status', async () => {
		const res = await fetch(`${api()}/v1/projects?q=${'a'.repeat(50 * 1024)}`);
		expect(res.status).toBe(431);
		expect(res.headers.get('content-type')).toBe('application/problem+json');
		expect(((await res.json()) as { type: string }).type).toBe('https://mekendesh.kg/problems/request-too-long');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('requests Node refuses before the app sees them', () => {
	it('a 50 KB query string to the web server: 431, a page in ky/ru/en with the security headers', async () => {
		const res = await fetch(`${web()}/ky/projects?q=${'a'.repeat(50 * 1024)}`);
		expect(res.status).toBe(431);
		const html = await res.text();
		for (const text of [
			'Шилтеме же суроонун баштары өтө узун',
			'Ссылка или заголовки запроса слишком длинные',
			'The link or the request headers are too long',
		])
			expect(html).toContain(text);
		expectSecurityHeaders(res, '431');
	});
});
