import {
  FUNDING_STATE_STATUS,
  MIN_SEARCH_LETTERS,
  searchableWords,
  type OblastStats,
  type Project,
  type ProjectList,
  type ProjectListQuery,
  type ProjectSummary,
} from '@mekendesh/contracts';
import type { Clock } from './accounts.js';
import { cardOneSom, openProgrammesToday } from './project-cards.js';
import { invalidIn } from './errors.js';
import { notFound } from './errors.js';
import { isPublic } from './lifecycle.js';
import type { ProgrammeStore } from './money-ports.js';
import type { DiscoveryQuery, Page, ProjectRepository } from './ports.js';
import { SEARCH_STOP_WORDS, searchSkeleton } from './search-text.js';
import { checkDiscoveryTerritories, type TerritoryLookup } from './territory-rules.js';

/** Words of a query beyond this many are ignored: each one is a filter on the same bounded read. */
export const MAX_QUERY_WORDS = 5;

/** Published projects, newest first, a page at a time. */
export function listPublishedProjects(repo: ProjectRepository, query: ProjectListQuery): Promise<Page<ProjectSummary>> {
  return repo.listByStatus({ status: 'published', limit: query.limit, cursor: query.cursor });
}

/** A project as the public sees it: only published and later states exist for visitors. */
export async function getPublicProject(repo: ProjectRepository, id: string): Promise<Project> {
  const project = await repo.get(id);
  if (!project || !isPublic(project.status)) throw notFound('project');
  return project;
}

/** The refusal of a query without a searchable word, in the three languages (the web page shows its own). */
const NO_SEARCH_WORD = {
  ky: `кеминде ${MIN_SEARCH_LETTERS} тамгадан турган сөз керек`,
  ru: `нужно слово не короче ${MIN_SEARCH_LETTERS} букв`,
  en: `needs a word of at least ${MIN_SEARCH_LETTERS} letters`,
} as const;

/** The refusal of a search sorted otherwise than by match order, in the three languages. */
const SEARCH_SORT = {
  ky: 'издөөнүн жыйынтыгы дал келүү тартибинде: sort көрсөтпөңүз же newest колдонуңуз',
  ru: 'результаты поиска идут по совпадению: не указывайте sort или укажите newest',
  en: 'search results come in match order; omit sort or use newest with q',
} as const;

/**
 * Query words as search skeletons, longest (most selective) first, at most MAX_QUERY_WORDS. A word counts when
 * it has MIN_SEARCH_LETTERS letters as typed (NFC, lowercase, before folding), so `суу` searches for `su`; stop
 * words are dropped unless nothing else is left. Throws a validation error on `field` (`q`) when no word counts.
 * @example queryWords('Суу түтүгү') // ['tutuku', 'su']
 */
export function queryWords(q: string, field = 'q'): string[] {
  const all = [...new Set(searchableWords(q).map(searchSkeleton))].filter(Boolean);
  if (all.length === 0) throw invalidIn(field, NO_SEARCH_WORD);
  const content = all.filter((w) => !SEARCH_STOP_WORDS.has(w));
  const words = content.length > 0 ? content : all;
  return words.sort((a, b) => b.length - a.length).slice(0, MAX_QUERY_WORDS);
}

/**
 * The words of a discovery query (undefined without `q`), or 400: a `sort` other than newest with `q`, a `q` without a
 * searchable word (queryWords). Fields are named as the schema names them (`query.sort`, `query.q`): in the query
 * string of GET /v1/projects and in a saved search's body (`{ query: {...} }`) alike, so a client reads one form.
 */
function searchWordsOf(query: { q?: string | undefined; sort?: string | undefined }): string[] | undefined {
  if (query.q === undefined) return undefined;
  if (query.sort !== undefined && query.sort !== 'newest') throw invalidIn('query.sort', SEARCH_SORT);
  return queryWords(query.q, 'query.q');
}

/**
 * Every rule GET /v1/projects applies to a discovery query beyond its schema, in one place (a saved search is held
 * to the same, so the weekly digest can run it): the territories (checkDiscoveryTerritories: 400 naming
 * `query.oblast` / `query.rayon`), then the words (400 naming `query.sort` or `query.q`): the schema's own names for
 * these fields, in the query string and in a saved search's body alike. Answers the query unchanged.
 * @example checkDiscoveryQuery(rules, { q: 'a', state: 'raising', sort: 'newest' }) // throws: query.q: needs a word of at least 3 letters
 */
export function checkDiscoveryQuery<
  Q extends { oblast?: string | undefined; rayon?: string | undefined; q?: string | undefined; sort?: string },
>(lookup: TerritoryLookup, query: Q): Q {
  checkDiscoveryTerritories(lookup, query);
  searchWordsOf(query);
  return query;
}

/** What discovery reads: the projects' index, and the co-financing programmes (for each card's "1 som becomes N som"). */
export interface DiscoveryDeps {
  projects: Pick<ProjectRepository, 'discover'>;
  programmes: Pick<ProgrammeStore, 'list'>;
  clock: Clock;
}

/**
 * Browse (filters and a sort) or search (q, plus any filters) among public projects, one bounded page at a time;
 * each card says what one som of a donation becomes where programmes co-finance it today (`oneSom`, null when
 * none: cardOneSom). Reads: the page (one index partition, one BatchGet) and the programmes (one small Query,
 * kept PROGRAMME_CACHE_MS per instance). Throws a validation error naming `query.sort` or `query.q`.
 * @example await discoverProjects(deps, ProjectListQuerySchema.parse({ oblast: '41704000000000', sort: 'closing_soon' }))
 * // { items: [{ id: 'naryn-school', ..., oneSom: { multiplier: '2', programmes: [{ en: 'Mekenim 1+1', ... }] } }], nextCursor: null }
 */
export async function discoverProjects(deps: DiscoveryDeps, query: ProjectListQuery): Promise<ProjectList> {
  const words = searchWordsOf(query);
  const { state, q: _q, ...rest } = query; // the words replace q
  const discovery: DiscoveryQuery = { ...rest, status: FUNDING_STATE_STATUS[state] };
  if (words !== undefined) discovery.words = words;
  const [page, programmes] = await Promise.all([deps.projects.discover(discovery), openProgrammesToday(deps.programmes, deps.clock)]);
  return {
    items: page.items.map(({ pledgeTypes, ...summary }) => ({ ...summary, oneSom: cardOneSom({ ...summary, pledgeTypes }, programmes) })),
    nextCursor: page.nextCursor,
  };
}

/** Running totals for each oblast-level unit given, in that order; a unit with no public project reads as zeros. */
export async function oblastStatistics(repo: ProjectRepository, oblasts: readonly string[]): Promise<OblastStats[]> {
  const stored = new Map((await repo.oblastStats()).map((s) => [s.soate, s]));
  return oblasts.map((soate) => stored.get(soate) ?? { soate, projects: 0, raising: 0, raised: 0 });
}
