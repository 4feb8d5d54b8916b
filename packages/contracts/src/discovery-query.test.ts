import { describe, expect, it } from 'vitest';
import {
  DISCOVERY_FILTERS,
  DISCOVERY_LIMITS,
  ProjectListQuerySchema,
  readDiscoveryQuery,
  type DiscoveryTerritories,
} from './discovery-query.js';

// Two oblasts and a rayon of the first: the shape of the domain's territoryRules(TERRITORIES).
const territories: DiscoveryTerritories = {
  isOblast: (soate) => soate === '41704000000000' || soate === '41702000000000',
  rayon: (soate) => (soate === '41704220000000' ? { oblastSoate: '41704000000000' } : undefined),
};

describe('discovery query rules', () => {
  it('what the tolerant reader keeps, the API schema accepts', () => {
    const params = new URLSearchParams(
      'oblast=41704000000000&rayon=41704220000000&sector=water&kind=community&state=funded&pledgeType=loan&sort=newest&q=мектеп&cursor=c1',
    );
    const { query, adjusted } = readDiscoveryQuery(params, territories);
    expect(adjusted).toEqual([]);
    expect(Object.keys(query).sort()).toEqual([...DISCOVERY_FILTERS, 'cursor'].sort());
    expect(ProjectListQuerySchema.safeParse(query).success).toBe(true);
  });

  it('drops what the API would refuse: unknown values, a rayon outside the oblast, a short search, a sort with a search', () => {
    const params = new URLSearchParams('oblast=41702000000000&rayon=41704220000000&sector=spaceships&sort=closing_soon&q=ab');
    expect(readDiscoveryQuery(params, territories)).toEqual({
      query: { oblast: '41702000000000', sort: 'closing_soon' },
      adjusted: ['q', 'rayon'],
    });
    const withSearch = new URLSearchParams('sort=percent_funded&q=суу&oblast=99999999999999');
    expect(readDiscoveryQuery(withSearch, territories)).toEqual({ query: { q: 'суу' }, adjusted: ['sort'] });
  });

  it('cuts the search and the cursor to the API limits, and the schema holds the page size to its maximum', () => {
    const long = new URLSearchParams({ q: `суу ${'а'.repeat(300)}`, cursor: 'c'.repeat(5000) });
    const { query } = readDiscoveryQuery(long, territories);
    expect([...query.q!].length).toBe(DISCOVERY_LIMITS.q);
    expect(query.cursor!.length).toBe(DISCOVERY_LIMITS.cursor);
    expect(ProjectListQuerySchema.safeParse({ limit: DISCOVERY_LIMITS.maxLimit + 1 }).success).toBe(false);
    expect(ProjectListQuerySchema.parse({}).limit).toBe(DISCOVERY_LIMITS.defaultLimit);
  });
});
