import { describe, expect, it } from 'vitest';
import { discoveryHref, discoveryProblem, fromParam } from './discovery.js';
import { backToList, readDiscoveryQuery } from './server/discovery-reader.js';

describe('readDiscoveryQuery', () => {
	it('keeps known values and drops unknown ones', () => {
		const { query } = readDiscoveryQuery(new URLSearchParams('sector=water&kind=spaceship&state=funded&pledgeType=loan&x=1'));
		expect(query).toEqual({ sector: 'water', state: 'funded', pledgeType: 'loan' });
	});
	it('drops a rayon outside the chosen oblast, and a sort other than newest with a search', () => {
		const { query, adjusted } = readDiscoveryQuery(
			new URLSearchParams('oblast=41702000000000&rayon=41704220000000&q=мектеп&sort=closing_soon'),
		);
		expect(query).toEqual({ oblast: '41702000000000', q: 'мектеп' });
		expect(adjusted).toEqual(['rayon', 'sort']);
	});
	it('refuses a search without a three-letter word', () => {
		expect(readDiscoveryQuery(new URLSearchParams('q=ab c'))).toEqual({ query: {}, adjusted: ['q'] });
		// й typed as и + U+0306 is one letter: "ай" stays too short.
		expect(readDiscoveryQuery(new URLSearchParams(`q=${encodeURIComponent('аи\u0306')}`))).toEqual({ query: {}, adjusted: ['q'] });
	});
	it('passes суу (three letters as typed) and a word typed in NFD, normalised to NFC', () => {
		expect(readDiscoveryQuery(new URLSearchParams('q=суу')).query).toEqual({ q: 'суу' });
		expect(readDiscoveryQuery(new URLSearchParams(`q=${encodeURIComponent('аи\u0306ылындагы')}`)).query).toEqual({ q: 'айылындагы' });
	});
});

describe('discoveryProblem', () => {
	it('picks the page message for a refused search, whatever language the API wrote in', () => {
		const base = { type: 'https://mekendesh.kg/problems/validation', title: 'The request has invalid fields', status: 400 };
		expect(discoveryProblem({ ...base, errors: [{ field: 'q', message: 'needs a word of at least 3 letters' }] })).toBe('too_short');
		expect(discoveryProblem({ ...base, errors: [{ field: 'query.q', message: 'Too big' }] })).toBe('too_short');
		expect(discoveryProblem({ ...base, errors: [{ field: 'sort', message: 'search results come in match order' }] })).toBe('invalid');
		expect(discoveryProblem(undefined)).toBe('invalid');
	});
});

describe('discoveryHref', () => {
	it('changes one filter and drops the cursor', () => {
		expect(discoveryHref('/ky/projects', { sector: 'water', cursor: 'abc' }, { oblast: '41704000000000' })).toBe(
			'/ky/projects?sector=water&oblast=41704000000000',
		);
	});
});

describe('backToList', () => {
	const ORIGIN = 'https://mekendesh.kg';
	it('goes to the list, not the home page, when nothing says where the visitor came from', () => {
		expect(backToList('ru', null, null, ORIGIN)).toBe('/ru/projects');
	});
	it('returns to the search passed in `from`, keeping only known filters and no page cursor', () => {
		expect(backToList('ky', 'sector=water&q=%D1%81%D1%83%D1%83%D0%BB%D0%B0%D1%80&evil=1&cursor=c9', null, ORIGIN)).toBe(
			'/ky/projects?sector=water&q=%D1%81%D1%83%D1%83%D0%BB%D0%B0%D1%80',
		);
		expect(backToList('en', 'sector=spaceships', null, ORIGIN)).toBe('/en/projects');
	});
	it('never follows `from` elsewhere: it is only ever read as a query string', () => {
		expect(backToList('ru', 'https://evil.example/ru/projects?q=вода', null, ORIGIN)).toBe('/ru/projects');
		expect(backToList('ru', '//evil.example', null, ORIGIN)).toBe('/ru/projects');
	});
	it('uses the Referer only when it is this site’s list page in this language', () => {
		expect(backToList('ru', null, `${ORIGIN}/ru/projects?sector=water`, ORIGIN)).toBe('/ru/projects?sector=water');
		expect(backToList('ru', null, 'https://evil.example/ru/projects?sector=water', ORIGIN)).toBe('/ru/projects');
		expect(backToList('ru', null, `${ORIGIN}/ru/projects/p1?sector=water`, ORIGIN)).toBe('/ru/projects');
		expect(backToList('ru', null, `${ORIGIN}/ky/projects?sector=water`, ORIGIN)).toBe('/ru/projects');
		expect(backToList('ru', null, 'not a url', ORIGIN)).toBe('/ru/projects');
	});
});

describe('fromParam', () => {
	it('carries the filters and search but not the page cursor; nothing when there is no search', () => {
		expect(fromParam({ sector: 'water', cursor: 'c1' })).toBe('?from=sector%3Dwater');
		expect(fromParam({ cursor: 'c1' })).toBe('');
	});
});
