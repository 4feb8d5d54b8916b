import { describe, expect, it } from 'vitest';
import { checkFormPost, DEFAULT_FORM_LIMIT, formatLimit, formRefusalPage, isPagePost } from './form-body.js';

const url = 'http://a.test/ky/sign-in?/default';
const post = (headers: Record<string, string>, body?: BodyInit) =>
	new Request(url, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });

/** A stream that never says its length (chunked), as a client may send. */
function chunked(bytes: number): ReadableStream<Uint8Array> {
	let sent = 0;
	return new ReadableStream({
		pull(controller) {
			if (sent >= bytes) return controller.close();
			const chunk = new Uint8Array(Math.min(16 * 1024, bytes - sent)).fill(0x61);
			sent += chunk.byteLength;
			controller.enqueue(chunk);
		},
	});
}

describe('checkFormPost', () => {
	it('lets a form through and leaves its body for the action', async () => {
		const request = post({ 'content-type': 'application/x-www-form-urlencoded' }, 'email=a%40b.kg&password=x');
		expect(await checkFormPost(request, DEFAULT_FORM_LIMIT)).toBeNull();
		expect((await request.formData()).get('email')).toBe('a@b.kg');
		const form = new FormData();
		form.set('photo', new File([new Uint8Array(10)], 'a.jpg', { type: 'image/jpeg' }));
		expect(await checkFormPost(new Request(url, { method: 'POST', body: form }), DEFAULT_FORM_LIMIT)).toBeNull();
	});

	it('refuses text/plain, JSON and a missing type with 415 (formData() would throw on them)', async () => {
		expect(await checkFormPost(post({ 'content-type': 'text/plain' }, 'email=a@b.kg'), DEFAULT_FORM_LIMIT)).toBe(415);
		expect(await checkFormPost(post({ 'content-type': 'application/json' }, '{}'), DEFAULT_FORM_LIMIT)).toBe(415);
		expect(await checkFormPost(post({}), DEFAULT_FORM_LIMIT)).toBe(415);
	});

	it('refuses a broken multipart body with 400', async () => {
		const broken = post(
			{ 'content-type': 'multipart/form-data; boundary=xyz' },
			'--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end',
		);
		expect(await checkFormPost(broken, DEFAULT_FORM_LIMIT)).toBe(400);
		expect(await checkFormPost(post({ 'content-type': 'multipart/form-data' }, 'a=1'), DEFAULT_FORM_LIMIT)).toBe(400);
	});

	it('refuses a body over the limit with 413, by its declared length or while it streams in', async () => {
		const type = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(await checkFormPost(post({ ...type, 'content-length': String(DEFAULT_FORM_LIMIT + 1) }, 'a=1'), DEFAULT_FORM_LIMIT)).toBe(413);
		const streamed = new Request(url, { method: 'POST', headers: type, body: chunked(10 * 1024 * 1024), duplex: 'half' } as RequestInit);
		const started = performance.now();
		expect(await checkFormPost(streamed, DEFAULT_FORM_LIMIT)).toBe(413);
		expect(performance.now() - started).toBeLessThan(500);
		expect(await checkFormPost(post(type, 'a='.padEnd(DEFAULT_FORM_LIMIT, 'x')), DEFAULT_FORM_LIMIT)).toBeNull();
	});
});

describe('isPagePost', () => {
	it('covers posts to pages only', () => {
		const u = new URL(url);
		expect(isPagePost(post({}), u, '/[lang=lang]/sign-in')).toBe(true);
		expect(isPagePost(new Request(url), u, '/[lang=lang]/sign-in')).toBe(false);
		expect(isPagePost(post({}), u, null)).toBe(false);
		expect(isPagePost(post({}), new URL('http://a.test/_app/remote/x'), '/_app/remote')).toBe(false);
	});
});

describe('formRefusalPage', () => {
	it('is a page in the given language with its status, escaped, never cached', async () => {
		const res = formRefusalPage(413, {
			lang: 'ru',
			title: 'Форма <слишком> большая',
			text: `не больше ${formatLimit(DEFAULT_FORM_LIMIT, 'ru')}`,
			back: 'Назад',
			backHref: '/ru/sign-in',
		});
		expect(res.status).toBe(413);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const html = await res.text();
		expect(html).toContain('<html lang="ru">');
		expect(html).toContain('Форма &#60;слишком&#62; большая');
		expect(html).toContain('не больше 64 КБ');
		expect(formatLimit(6 * 1024 * 1024, 'en')).toBe('6 MB');
	});
});
