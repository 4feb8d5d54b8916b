import { z } from 'zod';
import { queryInt } from './input-rules.js';
import {
  FUNDING_STATES,
  FundingStateSchema,
  PledgeTypeSchema,
  PROJECT_SORTS,
  ProjectKindSchema,
  ProjectSortSchema,
  SECTORS,
  SectorSchema,
} from './project.js';
import { line, searchableWords, text, TEXT_LIMITS } from './text.js';
import { SoateSchema } from './territory.js';

/**
 * The discovery query rules, once: which filters GET /v1/projects takes, their allowed values and limits. The
 * API validates with ProjectListQuerySchema (400 naming the field); the web reads its URL with the tolerant
 * readDiscoveryQuery (bad values dropped, the visitor told). Territory rules come from the domain
 * (`territoryRules`, packages/domain/src/territory-rules.ts), passed in as a DiscoveryTerritories.
 */
export const DISCOVERY_FILTERS = ['oblast', 'rayon', 'sector', 'kind', 'state', 'pledgeType', 'sort', 'q'] as const;
export type DiscoveryFilter = (typeof DISCOVERY_FILTERS)[number];

/** Page size (default and maximum) and the longest cursor and search text the API takes. */
export const DISCOVERY_LIMITS = { defaultLimit: 20, maxLimit: 50, cursor: 1024, q: TEXT_LIMITS.search } as const;

/** The allowed values of each enumerated filter. */
export const DISCOVERY_VALUES: Readonly<Record<'sector' | 'kind' | 'state' | 'pledgeType' | 'sort', readonly string[]>> = {
  sector: SECTORS,
  kind: ProjectKindSchema.options,
  state: FUNDING_STATES,
  pledgeType: PledgeTypeSchema.options,
  sort: PROJECT_SORTS,
};

/**
 * Browse and search. `state` defaults to `raising`: what a visitor can still support. `q` matches word
 * prefixes of titles, summaries, organisation names and place names (settlement, rayon, oblast) in any
 * language; it needs a word of MIN_SEARCH_LETTERS letters as typed (see searchableWords). Its results come in
 * match order, so `sort` must stay `newest` with it.
 * A page may hold fewer than `limit` items when filters are narrow: follow `nextCursor` until it is null.
 */
export const ProjectListQuerySchema = z
  .object({
    limit: queryInt({ min: 1, max: DISCOVERY_LIMITS.maxLimit, default: DISCOVERY_LIMITS.defaultLimit }),
    cursor: text().max(DISCOVERY_LIMITS.cursor).optional(),
    oblast: SoateSchema.optional(),
    rayon: SoateSchema.optional(),
    sector: SectorSchema.optional(),
    kind: ProjectKindSchema.optional(),
    state: FundingStateSchema.default('raising'),
    pledgeType: PledgeTypeSchema.optional(),
    sort: ProjectSortSchema.default('newest'),
    q: line(DISCOVERY_LIMITS.q).optional(),
  })
  .strict();
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

/** Where a SOATE code lies; the domain's `territoryRules(TERRITORIES)` is one. */
export interface DiscoveryTerritories {
  isOblast(soate: string): boolean;
  rayon(soate: string): { oblastSoate: string } | undefined;
}

/** A discovery query as a URL carries it: each filter's text, each maps 1:1 to GET /v1/projects. */
export type DiscoveryQuery = Partial<Record<DiscoveryFilter | 'cursor', string>>;

/**
 * Reads a discovery query string into what the API accepts, dropping instead of refusing: unknown values, an
 * oblast that is not oblast-level, a rayon that is not rayon-level or lies outside the chosen oblast, a search
 * without a searchable word (NFC first, as the API), and with a search any sort but newest (search results
 * come in match order). `adjusted` names what was changed, so a page can tell the visitor.
 * @example readDiscoveryQuery(new URLSearchParams('q=өрдөк&sort=closing_soon'), rules) // { query: { q: 'өрдөк' }, adjusted: ['sort'] }
 */
export function readDiscoveryQuery(
  params: URLSearchParams,
  territories: DiscoveryTerritories,
): { query: DiscoveryQuery; adjusted: DiscoveryFilter[] } {
  const query: DiscoveryQuery = {};
  const adjusted: DiscoveryFilter[] = [];
  for (const key of DISCOVERY_FILTERS) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    if (key === 'q') {
      const q = raw.normalize('NFC').slice(0, DISCOVERY_LIMITS.q);
      if (searchableWords(q).length > 0) query.q = q;
      else adjusted.push('q');
    } else if (
      key === 'oblast' ? territories.isOblast(raw) : key === 'rayon' ? territories.rayon(raw) : DISCOVERY_VALUES[key].includes(raw)
    ) {
      query[key] = raw;
    }
  }
  if (query.rayon && query.oblast && territories.rayon(query.rayon)?.oblastSoate !== query.oblast) {
    delete query.rayon;
    adjusted.push('rayon');
  }
  if (query.q && query.sort && query.sort !== 'newest') {
    delete query.sort;
    adjusted.push('sort');
  }
  const cursor = params.get('cursor');
  if (cursor) query.cursor = cursor.slice(0, DISCOVERY_LIMITS.cursor);
  return { query, adjusted };
}
