import { error } from '@sveltejs/kit';
import { ApiError } from './api-error.js';

/**
 * One page of a cursor-paged list, for a page whose URL carries `?cursor=`: the items, the next cursor and
 * whether this is the first page. A cursor the API refuses (400: stale, forged, another query's) is a page
 * that does not exist, so 404 rather than an outage.
 * @example return cursorPage(event.url, (cursor) => api(event).me.pledges({ cursor, limit: 20 }));
 */
export async function cursorPage<T>(url: URL, read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
	const cursor = url.searchParams.get('cursor') || undefined;
	try {
		const page = await read(cursor);
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
}
