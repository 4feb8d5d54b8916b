import { MyFollowsSchema, SavedSearchSchema, type FollowType, type SavedQuery } from '@mekendesh/contracts';
import type { ApiCall, Parser } from './api-call.js';

const id = encodeURIComponent;
const status: Parser<{ status: string }> = { safeParse: (v) => ({ success: true, data: v as { status: string } }) };

/** Following and saved searches (issue 12), one namespace of api(event): see api.ts. */
export const followCalls = (call: ApiCall) => ({
	/** What the signed-in person follows (named) and their saved searches: one bounded read. */
	mine: () => call('GET', '/me/follows', MyFollowsSchema),
	/** Follows a project, organisation or territory (rayon/oblast SOATE); following twice is no change. */
	follow: (type: FollowType, targetId: string) => call('PUT', `/me/follows/${id(type)}/${id(targetId)}`, status),
	unfollow: (type: FollowType, targetId: string) => call('DELETE', `/me/follows/${id(type)}/${id(targetId)}`, status),
	/** Saves a discovery query (the projects page's filters and words); the API names it from the filters. */
	saveSearch: (query: Partial<SavedQuery>) => call('POST', '/me/saved-searches', SavedSearchSchema, { body: { query } }),
	removeSearch: (searchId: string) => call('DELETE', `/me/saved-searches/${id(searchId)}`, status),
});
