import {
	ClubListSchema,
	ClubPageSchema,
	ClubPledgeSchema,
	ClubSchema,
	MyClubsSchema,
	PledgeViewSchema,
	ProjectClubsSchema,
	type ClubContribution,
	type ClubCreate,
	type ClubPledgeCreate,
} from '@mekendesh/contracts';
import { queryString, type ApiCall, type Parser } from './api-call.js';

const id = encodeURIComponent;
/** `{ <name>: boolean }`, as join and leave answer. */
const flag = <K extends string>(name: K): Parser<Record<K, boolean>> => ({
	safeParse: (value) =>
		typeof (value as Record<string, unknown> | null)?.[name] === 'boolean'
			? { success: true, data: value as Record<K, boolean> }
			: { success: false, error: { message: `expected { ${name}: boolean }` } },
});
const Joined = flag('joined');
const Left = flag('left');

/** Hometown clubs (issue 12), one namespace of api(event): see api.ts. */
export const clubCalls = (call: ApiCall) => ({
	/** Clubs of one home rayon or one oblast-level unit (exactly one), oldest first. */
	list: (q: { rayon?: string; oblast?: string; cursor?: string }) =>
		call('GET', `/clubs${queryString({ ...q, limit: 50 })}`, ClubListSchema),
	create: (body: ClubCreate) => call('POST', '/clubs', ClubSchema, { body }),
	/** The caller's clubs (one page), each with whether they organise it. */
	mine: () => call('GET', '/me/clubs', MyClubsSchema),
	/** The club's page; with the caller's own membership when signed in; `cursor` pages its shown members. */
	get: (clubId: string, cursor?: string) => call('GET', `/clubs/${id(clubId)}${queryString({ cursor })}`, ClubPageSchema),
	/** Joins, or (a member already) only changes whether the name is shown. */
	join: (clubId: string, shown: boolean) => call('PUT', `/clubs/${id(clubId)}/membership`, Joined, { body: { shown } }),
	leave: (clubId: string) => call('DELETE', `/clubs/${id(clubId)}/membership`, Left),
	/** The organiser opens a club pledge on a published project. */
	openPledge: (clubId: string, body: ClubPledgeCreate) => call('POST', `/clubs/${id(clubId)}/pledges`, ClubPledgeSchema, { body }),
	/** A member's contribution: a pledge of its own, idempotent per key. */
	contribute: (clubPledgeId: string, idempotencyKey: string, body: ClubContribution) =>
		call('POST', `/club-pledges/${id(clubPledgeId)}/contributions`, PledgeViewSchema, {
			body,
			headers: { 'idempotency-key': idempotencyKey },
		}),
	/** The clubs supporting a project, each with the exact sum of its members' contributions. */
	onProject: (projectId: string) => call('GET', `/projects/${id(projectId)}/clubs`, ProjectClubsSchema),
});
