import { describe, expect, it } from 'vitest';
import { tidyLocaleRedirect } from './redirects.js';

const ORIGIN = 'https://127.0.0.1:3000';
const redirect = (location: string) => new Response(null, { status: 307, headers: { location, vary: 'Accept-Language' } });

describe('tidyLocaleRedirect', () => {
	it('turns a same-origin target into a path without a trailing slash', () => {
		const out = tidyLocaleRedirect(redirect('https://127.0.0.1:3000/ru/'), ORIGIN);
		expect(out.headers.get('location')).toBe('/ru');
		expect(tidyLocaleRedirect(redirect('/ky/?a=1'), ORIGIN).headers.get('location')).toBe('/ky?a=1');
	});

	it('keeps other origins absolute', () => {
		const out = tidyLocaleRedirect(redirect('https://mekendesh.kg/en/'), ORIGIN);
		expect(out.headers.get('location')).toBe('https://mekendesh.kg/en');
	});

	it('keeps the status and adds Cookie to Vary', () => {
		const out = tidyLocaleRedirect(redirect('/en/'), ORIGIN);
		expect(out.status).toBe(307);
		expect(out.headers.get('vary')).toBe('Accept-Language, Cookie');
	});

	it('leaves tidy redirects and non-redirects alone', () => {
		const clean = redirect('/ky');
		expect(tidyLocaleRedirect(clean, ORIGIN)).toBe(clean);
		const page = new Response('ok');
		expect(tidyLocaleRedirect(page, ORIGIN)).toBe(page);
	});
});
