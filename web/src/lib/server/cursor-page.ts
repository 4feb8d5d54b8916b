import { ApiError } from './api-error.js';

/** The fields a refused cursor is named by: the store's own check (`cursor`) or the query's schema (`query.cursor`). */
const CURSOR_FIELDS = new Set(['cursor', 'query.cursor']);

/** The page's own address without `cursor`: its first page, with the reader's other filters kept. */
function firstPageHref(url: URL): string {
	const params = new URLSearchParams(url.searchParams);
	params.delete('cursor');
	const query = params.toString();
	return query ? `${url.pathname}?${query}` : url.pathname;
}

/**
 * One page of a cursor-paged list, for a page whose URL carries `?cursor=`: the items, the next cursor, whether this
 * is the first page, and `staleFirstHref`. A cursor the API refuses (400 naming `cursor`: stale, forged, another
 * query's) is an out-of-date link, not a missing page: the first page is read instead and `staleFirstHref` is its
 * address, so the page can say so and link it (StaleLink); null otherwise. Other errors are thrown as they come.
 * @example return cursorPage(event.url, (cursor) => api(event).me.pledges({ cursor, limit: 20 }));
 */
export async function cursorPage<T>(url: URL, read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
	const cursor = url.searchParams.get('cursor') || undefined;
	try {
		const page = await read(cursor);
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor, staleFirstHref: null as string | null };
	} catch (cause) {
		if (!cursor || !(cause instanceof ApiError) || cause.status !== 400 || !cause.fields.some((f) => CURSOR_FIELDS.has(f))) throw cause;
		const page = await read(undefined);
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: true, staleFirstHref: firstPageHref(url) as string | null };
	}
}
