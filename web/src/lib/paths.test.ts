import { describe, expect, it } from 'vitest';
import { delocalizedPath, localizedPath } from './paths.js';

describe('localizedPath', () => {
	it('prefixes the language without a trailing slash', () => {
		expect(localizedPath('/', 'ru')).toBe('/ru');
		expect(localizedPath('/projects/p1', 'en')).toBe('/en/projects/p1');
		expect(localizedPath('/?cursor=abc', 'ky')).toBe('/ky?cursor=abc');
	});

	it('replaces an existing prefix', () => {
		expect(localizedPath('/ky/projects/p1', 'ru')).toBe('/ru/projects/p1');
		expect(localizedPath('/en', 'ky')).toBe('/ky');
	});
});

describe('delocalizedPath', () => {
	it('strips only a real language prefix', () => {
		expect(delocalizedPath('/ky/projects/p1')).toBe('/projects/p1');
		expect(delocalizedPath('/ru')).toBe('/');
		expect(delocalizedPath('/kyiv')).toBe('/kyiv');
		expect(delocalizedPath('/')).toBe('/');
	});
});
