import { describe, expect, it } from 'vitest';
import { discoveryHref, readDiscoveryQuery } from './discovery.js';

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
	});
});

describe('discoveryHref', () => {
	it('changes one filter and drops the cursor', () => {
		expect(discoveryHref('/ky/projects', { sector: 'water', cursor: 'abc' }, { oblast: '41704000000000' })).toBe(
			'/ky/projects?sector=water&oblast=41704000000000',
		);
	});
});
