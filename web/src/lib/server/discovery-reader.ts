import { readDiscoveryQuery as readWith, type DiscoveryFilter, type DiscoveryQuery } from '@mekendesh/contracts';
import { territoryRules } from '@mekendesh/domain';
import { TERRITORIES } from '@mekendesh/territories';
import { discoveryHref } from '../discovery.js';

/** The domain's territory rules, the same the API checks a discovery query with. */
const TERRITORY_RULES = territoryRules(TERRITORIES);

/**
 * Reads the discovery page's query string with the contracts' tolerant reader and the domain's territory rules:
 * unknown values are dropped, a rayon outside the chosen oblast is dropped, and with a search text the sort
 * falls back to newest. `adjusted` says what was changed, so the page can tell the visitor.
 * @example readDiscoveryQuery(new URLSearchParams('q=өрдөк&sort=closing_soon')) // { query: { q: 'өрдөк' }, adjusted: ['sort'] }
 */
export function readDiscoveryQuery(params: URLSearchParams): { query: DiscoveryQuery; adjusted: DiscoveryFilter[] } {
	return readWith(params, TERRITORY_RULES);
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
