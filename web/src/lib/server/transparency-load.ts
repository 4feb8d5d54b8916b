import type { NamedSupporter, PublicLedgerEntry } from '@mekendesh/contracts';
import { api, type ApiEvent } from './api.js';

/** Ledger entries and named supporters a project page shows at once. */
const LEDGER_PAGE = 10;
const SUPPORTERS_PAGE = 20;

/** One page of a list on the project page with its plain-link pager (no JavaScript): back to the newest, on to older. */
export interface PagedSection<T> {
	items: T[];
	firstHref: string | null;
	nextHref: string | null;
}

/** The page's URL with one query parameter set (or removed), landing at the section's heading. */
function hrefWith(url: URL, param: string, cursor: string | null, anchor: string): string {
	const next = new URL(url);
	if (cursor) next.searchParams.set(param, cursor);
	else next.searchParams.delete(param);
	return `${next.pathname}${next.search}#${anchor}`;
}

async function paged<T>(
	url: URL,
	param: string,
	anchor: string,
	read: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<PagedSection<T> | null> {
	const cursor = url.searchParams.get(param);
	// A cursor that no longer opens (tampered, or from another list) falls back to the newest page.
	const page = await read(cursor)
		.catch(() => (cursor ? read(null) : Promise.reject(new Error('unavailable'))))
		.catch(() => null);
	if (!page) return null;
	return {
		items: page.items,
		firstHref: cursor ? hrefWith(url, param, null, anchor) : null,
		nextHref: page.nextCursor ? hrefWith(url, param, page.nextCursor, anchor) : null,
	};
}

/**
 * A public project's ledger (`?ledger=<cursor>`) and named supporters (`?supporters=<cursor>`), each one bounded page
 * with its pager; null when the API cannot give them (the page stands without them).
 */
export async function loadTransparency(
	event: ApiEvent & { url: URL },
	projectId: string,
): Promise<{ ledger: PagedSection<PublicLedgerEntry> | null; supporters: PagedSection<NamedSupporter> | null }> {
	const t = api(event).transparency;
	const [ledger, supporters] = await Promise.all([
		paged(event.url, 'ledger', 'ledger', (cursor) => t.ledger(projectId, { limit: LEDGER_PAGE, cursor })),
		paged(event.url, 'supporters', 'named-supporters', (cursor) => t.supporters(projectId, { limit: SUPPORTERS_PAGE, cursor })),
	]);
	return { ledger, supporters };
}
