import type { DiscoveryQuery, Problem } from '@mekendesh/contracts';

// The rules of a discovery query (filters, values, limits) and its tolerant reader live in the contracts
// (discovery-query.ts), shared with the API; the server reads URLs with them (server/discovery-reader.ts).
export type { DiscoveryQuery } from '@mekendesh/contracts';

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
 * The `from` parameter a list card adds to its project link: the list's filters and search (no page cursor).
 * @example fromParam({ q: 'вода', cursor: 'c1' }) // '?from=q%3D%D0%B2...'
 */
export function fromParam(query: DiscoveryQuery): string {
	const qs = discoveryHref('', query).replace(/^\?/, '');
	return qs ? `?${new URLSearchParams({ from: qs })}` : '';
}
