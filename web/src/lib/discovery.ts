import { FUNDING_STATES, PROJECT_SORTS, PledgeTypeSchema, ProjectKindSchema, SECTORS, searchableWords, type Problem } from '@mekendesh/contracts';
import { OBLASTS, RAYONS } from '@mekendesh/territories';

/** The discovery form's parameters; each maps 1:1 to GET /v1/projects. */
export interface DiscoveryQuery {
	oblast?: string;
	rayon?: string;
	sector?: string;
	kind?: string;
	state?: string;
	pledgeType?: string;
	sort?: string;
	q?: string;
	cursor?: string;
}

const FILTERS = ['oblast', 'rayon', 'sector', 'kind', 'state', 'pledgeType', 'sort', 'q'] as const;
const ALLOWED: Record<string, readonly string[]> = {
	oblast: OBLASTS.map((o) => o.soate),
	rayon: RAYONS.map((r) => r.soate),
	sector: SECTORS,
	kind: ProjectKindSchema.options,
	state: FUNDING_STATES,
	pledgeType: PledgeTypeSchema.options,
	sort: PROJECT_SORTS,
};

/** The API's own rule (a word of 3 letters as typed, after NFC; see docs/discovery.md), checked before asking it. */
const hasSearchableWord = (q: string) => searchableWords(q).length > 0;

/**
 * Reads the discovery page's query string into what the API accepts: unknown values are dropped, a rayon
 * outside the chosen oblast is dropped, and with a search text the sort falls back to newest (search results
 * come in match order). `adjusted` says what was changed, so the page can tell the visitor.
 * @example readDiscoveryQuery(new URLSearchParams('q=өрдөк&sort=closing_soon')) // { query: { q: 'өрдөк' }, adjusted: ['sort'] }
 */
export function readDiscoveryQuery(params: URLSearchParams): { query: DiscoveryQuery; adjusted: string[] } {
	const query: DiscoveryQuery = {};
	const adjusted: string[] = [];
	for (const key of FILTERS) {
		const raw = params.get(key)?.trim();
		if (!raw) continue;
		if (key === 'q') {
			// NFC first, as the API does: a word typed as letters plus combining marks is as long as it looks.
			const q = raw.normalize('NFC').slice(0, 100);
			if (hasSearchableWord(q)) query.q = q;
			else adjusted.push('q');
		} else if (ALLOWED[key]!.includes(raw)) query[key] = raw;
	}
	if (query.rayon && query.oblast && RAYONS.find((r) => r.soate === query.rayon)?.parentSoate !== query.oblast) {
		delete query.rayon;
		adjusted.push('rayon');
	}
	if (query.q && query.sort && query.sort !== 'newest') {
		delete query.sort;
		adjusted.push('sort');
	}
	const cursor = params.get('cursor');
	if (cursor) query.cursor = cursor.slice(0, 1024);
	return { query, adjusted };
}

/**
 * The query string of a discovery link: the current filters with some changed (undefined removes one).
 * A cursor never survives a change of filters.
 * @example discoveryHref('/ru/projects', { sector: 'water' }, { oblast: '41704000000000' }) // '/ru/projects?sector=water&oblast=41704000000000'
 */
export function discoveryHref(base: string, query: DiscoveryQuery, change: Partial<DiscoveryQuery> = {}): string {
	const next: DiscoveryQuery = { ...query, cursor: undefined, ...change };
	const qs = new URLSearchParams();
	for (const [key, value] of Object.entries(next)) if (value) qs.set(key, value);
	return qs.size ? `${base}?${qs}` : base;
}

/**
 * Which of the page's own messages tells the reader why the API refused a search (a 400): `too_short` when
 * the problem names the `q` field, else `invalid`. The page never shows the API's text, which may be English.
 * @example discoveryProblem({ type: '…/validation', title: 'The request has invalid fields', status: 400, errors: [{ field: 'q', message: '…' }] }) // 'too_short'
 */
export function discoveryProblem(problem: Problem | undefined): 'too_short' | 'invalid' {
	return problem?.errors?.some((e) => e.field === 'q' || e.field === 'query.q') ? 'too_short' : 'invalid';
}

/**
 * Where a project page's "All projects" link goes: the list, with the search the visitor came from when it is
 * known. `from` is the list's query string as the list's cards pass it; without it, the Referer counts only
 * when it is this site's own list page in this language. Either way the query is read again through
 * readDiscoveryQuery, so only known filters and a search text ever reach the link (never another host or path).
 * @example backToList('ru', 'q=вода&sector=water', null, 'https://mekendesh.kg') // '/ru/projects?sector=water&q=вода' (URL-encoded)
 * @example backToList('ru', null, 'https://evil.example/ru/projects?q=x', 'https://mekendesh.kg') // '/ru/projects'
 */
export function backToList(locale: string, from: string | null, referer: string | null, origin: string): string {
	const base = `/${locale}/projects`;
	let search: string | null = from;
	if (search === null && referer) {
		try {
			const ref = new URL(referer);
			if (ref.origin === origin && ref.pathname === base) search = ref.search;
		} catch {
			// Not a URL: ignored.
		}
	}
	if (!search) return base;
	return discoveryHref(base, readDiscoveryQuery(new URLSearchParams(search.slice(0, 2048))).query);
}

/**
 * The `from` parameter a list card adds to its project link: the list's filters and search (no page cursor).
 * @example fromParam({ q: 'вода', cursor: 'c1' }) // '?from=q%3D%D0%B2...'
 */
export function fromParam(query: DiscoveryQuery): string {
	const qs = discoveryHref('', query).replace(/^\?/, '');
	return qs ? `?${new URLSearchParams({ from: qs })}` : '';
}
