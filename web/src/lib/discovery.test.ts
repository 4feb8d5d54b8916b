import { describe, expect, it } from 'vitest';
import { discoveryHref, discoveryProblem, readDiscoveryQuery } from './discovery.js';

describe('readDiscoveryQuery', () => {
	it('keeps known values and drops unknown ones', () => {
		const { query } = readDiscoveryQuery(new URLSearchParams('sector=water&kind=spaceship&state=funded&pledgeType=loan&x=1'));
		expect(query).toEqual({ sector: 'water', state: 'funded', pledgeType: 'loan' });
	});
	it('drops a rayon outside the chosen oblast, and a sort other than newest with a search', () => {
		const { query, adjusted } = readDiscoveryQuery(new URLSearchParams('oblast=41702000000000&rayon=41704220000000&q=мектеп&sort=closing_soon'));
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
