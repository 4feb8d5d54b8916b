import { describe, expect, it } from 'vitest';
import { safeNext, tidyLocaleRedirect } from './redirects.js';

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

describe('safeNext', () => {
	const HOME = '/en';

	it('keeps same-site paths, with their query and fragment', () => {
		expect(safeNext('/ru/account', HOME)).toBe('/ru/account');
		expect(safeNext('/ky/projects/p-1/pledge', HOME)).toBe('/ky/projects/p-1/pledge');
		expect(safeNext('/en/projects?oblast=41704000000000&page=2#list', HOME)).toBe('/en/projects?oblast=41704000000000&page=2#list');
		expect(safeNext('/en/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0', HOME)).toBe('/en/search?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0');
	});

	it('answers the resolved path, which is what the browser will follow', () => {
		expect(safeNext('/en/./account', HOME)).toBe('/en/account');
		expect(safeNext('/en/projects/../account', HOME)).toBe('/en/account');
	});

	it.each([
		['nothing', null],
		['an empty value', ''],
		['another origin', 'https://evil.example/en'],
		['a scheme', 'javascript:alert(1)'],
		['a relative path', 'evil.example'],
		['protocol-relative', '//evil.example'],
		['protocol-relative with a path', '//evil.example/en/account'],
		['a backslash', '/\\evil.example'],
		['a backslash later on', '/en/\\evil.example'],
		['backslashes only', '\\\\evil.example'],
		['a dot segment to //', '/.//evil.example'],
		['a dot-dot segment to //', '/..//evil.example'],
		['an encoded dot segment', '/%2e//evil.example'],
		['an encoded upper-case dot segment', '/%2E//evil.example'],
		['an encoded dot-dot segment', '/%2e%2e//evil.example'],
		['a locale then dot-dot to //', '/en/..//evil.example'],
		['several dot segments', '/en/./..//evil.example'],
		['a tab', '/\t/evil.example'],
		['a tab inside', '/en/\taccount'],
		['a carriage return and line feed', '/en\r\nSet-Cookie:x=1'],
		['a line feed before //', '/\n/evil.example'],
		['a space', '/ /evil.example'],
		['a non-ASCII slash look-alike', '/\u2215\u2215evil.example'],
		['a full-width solidus', '\uff0f\uff0fevil.example'],
		['a non-ASCII letter', '/en/аккаунт'],
		['a NUL', '/en\u0000'],
		['something too long', `/en/${'a'.repeat(3000)}`],
	])('refuses %s', (_label, next) => {
		expect(safeNext(next, HOME)).toBe(HOME);
	});
});

describe('tidyLocaleRedirect never makes a link to another site', () => {
	it('keeps a same-origin target that would resolve to //host on this site', () => {
		for (const location of [
			'https://127.0.0.1:3000//evil.example/',
			'//127.0.0.1:3000//evil.example',
			'https://127.0.0.1:3000//evil.example/x/',
		]) {
			const target = tidyLocaleRedirect(redirect(location), ORIGIN).headers.get('location')!;
			expect(target.startsWith('//') || target.startsWith('/\\'), `${location} -> ${target}`).toBe(false);
			expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
		}
	});

	it('still tidies a language redirect with a path and query', () => {
		expect(tidyLocaleRedirect(redirect('https://127.0.0.1:3000/ru/projects/?page=2'), ORIGIN).headers.get('location')).toBe(
			'/ru/projects?page=2',
		);
	});
});
