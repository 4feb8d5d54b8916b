import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '@mekendesh/contracts';
import { api, ApiError } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { requireRole } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

const FIELDS = ['actor', 'objectType', 'objectId', 'action', 'from', 'to'] as const;

/** The search as the GET form sent it (blank fields left out); the API checks it and names a bad field. */
function searchOf(url: URL): Partial<Record<(typeof FIELDS)[number], string>> {
	return Object.fromEntries(FIELDS.flatMap((f) => (url.searchParams.get(f)?.trim() ? [[f, url.searchParams.get(f)!.trim()]] : [])));
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const search = searchOf(event.url);
	const options = { actions: AUDIT_ACTIONS, objectTypes: AUDIT_OBJECT_TYPES };
	try {
		let actors: { id: string; displayName: string | null; deleted: boolean }[] = [];
		const page = await cursorPage(event.url, async (cursor) => {
			const answer = await api(event).staffOps.audit({ ...search, cursor, limit: 50 });
			actors = answer.actors;
			return answer;
		});
		return { ...page, actors, search, fieldError: null, ...options };
	} catch (cause) {
		// A refused search (two key filters, a bad day, `to` before `from`) shows next to its field, with no entries.
		if (!(cause instanceof ApiError) || cause.status !== 400) throw cause;
		const field = (cause.fields[0] ?? 'query.actor').replace(/^query\./, '');
		const problem = cause.problem?.errors?.[0]?.message ?? cause.problem?.title ?? '';
		return {
			items: [],
			nextCursor: null,
			isFirstPage: true,
			staleFirstHref: null,
			actors: [],
			search,
			fieldError: { field, problem },
			...options,
		};
	}
};
