import {
	AcceptedSchema,
	AuditListSchema,
	CheckoutSchema,
	DemandSchema,
	InvitationSchema,
	MeSchema,
	OblastStatsListSchema,
	OrganisationDetailSchema,
	OrganisationListSchema,
	OrganisationProjectListSchema,
	OrganisationSchema,
	OutboxMessageSchema,
	PaymentOptionsSchema,
	PledgeListSchema,
	PledgeViewSchema,
	ProgrammeListSchema,
	ProgrammeSchema,
	ProjectFundingSchema,
	ProjectListSchema,
	ProjectQueueSchema,
	ProjectSchema,
	PublicLedgerSchema,
	RecommendationListSchema,
	ReceiptResultSchema,
	ReceivingAccountListSchema,
	ReceivingAccountSchema,
	StatementResultSchema,
	SignInResultSchema,
	TokensSchema,
	TwoStepSetupSchema,
	UploadFormSchema,
	UploadTicketSchema,
	type UploadComplete,
	type UploadFormRequest,
	type Currency,
	type Invitation,
	type Locale,
	type MatchAnswersQuery,
	type MyRecommendationsQuery,
	type Organisation,
	type OrganisationApplication,
	type OrganisationDetail,
	type OutboxMessage,
	type PledgeRequest,
	type Profile,
	type ProgrammeRequest,
	type ProjectDraft,
	type ProjectUpdate,
	type ReceiptRequest,
	type ReceivingAccountRequest,
	type StatementRequest,
} from '@mekendesh/contracts';
import { apiCaller, queryString, type ApiCall, type Parser, type Query } from './api-call.js';
import { clubCalls } from './club-calls.js';
import { questionCalls } from './question-calls.js';
import { notificationCalls } from './notification-calls.js';
import { followCalls } from './follow-calls.js';
import { reportCalls } from './report-calls.js';
import { transparencyCalls } from './transparency-calls.js';
import { dashboardCalls } from './dashboard-calls.js';
import { staffOpsCalls } from './staff-ops-calls.js';
import { ApiError } from './api-error.js';
import { paymentDetailsParser } from './payment-details.js';

export { ApiError } from './api-error.js';

/** The part of a SvelteKit RequestEvent the client needs: its `fetch`, which runs through `handleFetch`. */
export interface ApiEvent {
	fetch: typeof globalThis.fetch;
}

/** Whether card payments are on, as GET /v1/payments/options says; off (no reason) when the API cannot say. */
interface CardAvailability {
	enabled: boolean;
	currencies: Currency[];
	/** The API's reason in the three languages, when it gives one. */
	reason: Partial<Record<Locale, string>> | null;
}

const id = encodeURIComponent;
const anything: Parser<unknown> = { safeParse: (value) => ({ success: true, data: value }) };
const status: Parser<{ status: string }> = { safeParse: (v) => ({ success: true, data: v as { status: string } }) };
/** The API answers a delete with the id it removed. */
const removed: Parser<{ id: string }> = {
	safeParse: (value) =>
		typeof (value as { id?: unknown } | null)?.id === 'string'
			? { success: true, data: { id: (value as { id: string }).id } }
			: { success: false, error: { message: 'expected { id }' } },
};
/** Proposal and upload calls may wait on image checks: a little longer than the default. */
const SLOW = { timeoutMs: 10_000 };
type Page = { cursor?: string; limit?: number };

/**
 * The one client of the Mekendesh API for the web server, one namespace per resource. Every call goes
 * through the request's `event.fetch`, so `handleFetch` (hooks.server.ts, api-fetch.ts) adds the base URL,
 * the bearer token, the page language and the proxy headers in one place. Errors are `ApiError`, carrying
 * the problem+json body and its field names; answers are checked against the contracts.
 * @example
 * const { items, nextCursor } = await api(event).projects.list({ limit: 12 });
 * const pledge = await api(event).pledges.create('prj-019', key, request);
 */
export function api(event: ApiEvent) {
	const { call, send } = apiCaller(event.fetch);
	return {
		auth: authCalls(call),
		me: meCalls(call),
		projects: {
			...projectCalls(call),
			/**
			 * Where a project's file can be fetched now: the short-lived object-store URL the API redirects to (a document's
			 * makes the store answer a download), never followed here (issue 14: no file passes through this server).
			 * Null when the API has no such file for this reader (404, or a malformed key: 400).
			 * @throws ApiError on any other answer.
			 */
			mediaLocation: async (projectId: string, key: string): Promise<string | null> => {
				const res = await send('GET', `/projects/${id(projectId)}/media/${id(key)}`, { headers: { accept: '*/*' }, redirect: 'manual' });
				await res.body?.cancel();
				if (res.status === 404 || res.status === 400) return null;
				const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
				if (!location) throw new ApiError(res.status, `media answered ${res.status}`);
				return location;
			},
		},
		transparency: transparencyCalls(call, send),
		dashboard: dashboardCalls(call),
		staffOps: staffOpsCalls(call),
		organisations: organisationCalls(call),
		clubs: clubCalls(call),
		questions: questionCalls(call),
		reports: reportCalls(call),
		notifications: notificationCalls(call),
		follows: followCalls(call),
		pledges: pledgeCalls(call),
		money: moneyCalls(call),
		payments: paymentCalls(call),
		matching: {
			/** The signed-in investor's recommendations (near: 'home' keeps their home rayon and oblast; exclude: a project id). */
			mine: (q: Partial<MyRecommendationsQuery> = {}) => call('GET', `/me/recommendations${queryString(q)}`, RecommendationListSchema),
			/** A visitor's: from the question flow's answers (sectors comma-separated, amount in whole som). */
			forAnswers: (q: Partial<Omit<MatchAnswersQuery, 'sectors'>> & { sectors?: string }) =>
				call('GET', `/recommendations${queryString(q)}`, RecommendationListSchema),
		},
		/** Demand signals of a rayon or oblast (officers: their territory only; staff: any); cells under 5 are 'fewer_than_5', the others bands of 5. */
		demand: { get: (soate: string) => call('GET', `/demand/${id(soate)}`, DemandSchema) },
		stats: { oblasts: async () => (await call('GET', '/stats/oblasts', OblastStatsListSchema)).items },
		audit: { list: (q: Page) => call('GET', `/audit${queryString({ limit: q.limit ?? 50, cursor: q.cursor })}`, AuditListSchema) },
		dev: { outbox: async (): Promise<OutboxMessage[]> => outboxItems(await call('GET', '/dev/outbox', anything)) },
	};
}

export type Api = ReturnType<typeof api>;

const authCalls = (call: ApiCall) => ({
	signUp: (body: { email: string; password: string; displayName: string; locale: Locale }) =>
		call('POST', '/auth/sign-up', AcceptedSchema, { body }),
	confirm: (body: { email: string; code: string }) => call('POST', '/auth/confirm', status, { body }),
	/** Tokens, or `{ challenge: 'totp', session }` for an account with two-step sign-in (answer with `answerTotp`). */
	signIn: (body: { email: string; password: string }) => call('POST', '/auth/sign-in', SignInResultSchema, { body }),
	/** The challenge token (`session`, bound by the API to the email that signed in) and the code: tokens. */
	answerTotp: (body: { session: string; code: string }) => call('POST', '/auth/sign-in/totp', TokensSchema, { body }),
	/** Starts two-step sign-in: a new TOTP secret and its otpauth:// URI; replacing one needs `currentCode` of the current app. */
	startTwoStep: (currentCode?: string) => call('POST', '/auth/two-step', TwoStepSetupSchema, { body: currentCode ? { currentCode } : {} }),
	confirmTwoStep: (code: string, currentCode?: string) =>
		call('POST', '/auth/two-step/confirm', status, { body: currentCode ? { code, currentCode } : { code } }),
	refresh: (refreshToken: string) => call('POST', '/auth/refresh', TokensSchema, { body: { refreshToken } }),
	signOut: (body: { refreshToken?: string; everywhere: boolean }) => call('POST', '/auth/sign-out', status, { body }),
	forgotPassword: (body: { email: string; locale: Locale }) => call('POST', '/auth/forgot-password', AcceptedSchema, { body }),
	resetPassword: (body: { email: string; code: string; password: string }) => call('POST', '/auth/reset-password', status, { body }),
});

const meCalls = (call: ApiCall) => ({
	get: () => call('GET', '/me', MeSchema),
	updateProfile: (body: Profile) => call('PUT', '/me/profile', MeSchema, { body }),
	delete: () => call('DELETE', '/me', status),
	/** The signed-in person's pledges, newest first. */
	pledges: (q: Page = {}) => call('GET', `/me/pledges${queryString({ limit: q.limit ?? 20, cursor: q.cursor })}`, PledgeListSchema),
});

const projectCalls = (call: ApiCall) => ({
	/** Browse and search: the discovery query (filters, sort, q, limit, cursor) as GET /v1/projects takes it. */
	list: (query: Query = {}) => call('GET', `/projects${queryString(query)}`, ProjectListSchema),
	/** A project the caller may see: public ones, or drafts and proposals of their organisation (staff: all). */
	get: (projectId: string) => call('GET', `/projects/${id(projectId)}`, ProjectSchema),
	/** The newest entries of a public project's ledger. */
	ledger: (projectId: string, limit = 10) => call('GET', `/projects/${id(projectId)}/ledger?limit=${limit}`, PublicLedgerSchema),
	funding: (projectId: string) => call('GET', `/projects/${id(projectId)}/funding`, ProjectFundingSchema),
	create: (body: ProjectDraft) => call('POST', '/projects', ProjectSchema, { body, ...SLOW }),
	/** Replaces the text; `version` is the one edited, so a stale edit is a 409 and changes nothing. */
	update: (projectId: string, body: ProjectUpdate, version: number) =>
		call('PUT', `/projects/${id(projectId)}`, ProjectSchema, { body, headers: { 'if-match': `"${version}"` }, ...SLOW }),
	submit: (projectId: string) => call('POST', `/projects/${id(projectId)}/submit`, ProjectSchema, { body: {}, ...SLOW }),
	/** Staff's queue of submitted proposals, longest waiting first. */
	queue: (q: Page = {}) =>
		call('GET', `/staff/projects${queryString({ status: 'submitted', limit: q.limit ?? 20, cursor: q.cursor })}`, ProjectQueueSchema, SLOW),
	review: (projectId: string, body: { decision: 'approve' | 'reject' | 'request_changes'; reason?: string }) =>
		call('POST', `/projects/${id(projectId)}/review`, ProjectSchema, { body, ...SLOW }),
	requestUpload: (projectId: string, body: { contentType: string; size: number; fileName?: string }) =>
		call('POST', `/projects/${id(projectId)}/uploads`, UploadTicketSchema, { body, ...SLOW }),
	/** A presigned POST for a no-JavaScript form (photo or PDF) straight to the object store, which then redirects to `redirectPath`. */
	uploadForm: (projectId: string, body: UploadFormRequest) =>
		call('POST', `/projects/${id(projectId)}/uploads/form`, UploadFormSchema, { body }),
	completeUpload: (projectId: string, key: string, body: UploadComplete) =>
		call('POST', `/projects/${id(projectId)}/uploads/${id(key)}/complete`, ProjectSchema, { body, ...SLOW }),
});

const organisationCalls = (call: ApiCall) => ({
	apply: (body: OrganisationApplication): Promise<Organisation> => call('POST', '/organisations', OrganisationSchema, { body }),
	/** Members see the detail (members, invitations); others the public organisation. */
	get: (orgId: string): Promise<Organisation | OrganisationDetail> =>
		call('GET', `/organisations/${id(orgId)}`, {
			safeParse: (v) => {
				const detail = OrganisationDetailSchema.safeParse(v);
				return detail.success ? detail : OrganisationSchema.safeParse(v);
			},
		}),
	/** The organisation's projects in every status, newest first. */
	projects: (orgId: string, q: Page = {}) =>
		call('GET', `/organisations/${id(orgId)}/projects${queryString({ limit: q.limit ?? 20, cursor: q.cursor })}`, ProjectQueueSchema, SLOW),
	/** Its projects anyone may see (published or later), newest first; a page may hold fewer than asked. */
	publishedProjects: (orgId: string, q: Page = {}) =>
		call(
			'GET',
			`/organisations/${id(orgId)}/published-projects${queryString({ limit: q.limit ?? 20, cursor: q.cursor })}`,
			OrganisationProjectListSchema,
		),
	reviewQueue: (q: Page & { status: 'pending' | 'approved' | 'rejected' }) =>
		call('GET', `/staff/organisations${queryString({ status: q.status, limit: q.limit ?? 20, cursor: q.cursor })}`, OrganisationListSchema),
	approve: (orgId: string, reason?: string) =>
		call('POST', `/organisations/${id(orgId)}/approve`, OrganisationDetailSchema, { body: reason ? { reason } : {} }),
	reject: (orgId: string, reason: string) =>
		call('POST', `/organisations/${id(orgId)}/reject`, OrganisationDetailSchema, { body: { reason } }),
	invite: (orgId: string, body: { email: string; locale: Locale }): Promise<Omit<Invitation, 'token'>> =>
		call('POST', `/organisations/${id(orgId)}/invitations`, InvitationSchema.omit({ token: true }), { body }),
	acceptInvitation: (token: string) => call('POST', `/invitations/${id(token)}/accept`, anything) as Promise<{ organisationId: string }>,
});

const pledgeCalls = (call: ApiCall) => ({
	/** Idempotent per key: the same key and body return the first pledge; another body with it is a 422. */
	create: (projectId: string, idempotencyKey: string, body: PledgeRequest) =>
		call('POST', `/projects/${id(projectId)}/pledges`, PledgeViewSchema, { body, headers: { 'idempotency-key': idempotencyKey } }),
	get: (pledgeId: string) => call('GET', `/pledges/${id(pledgeId)}`, PledgeViewSchema),
	/** Where and how to pay a transfer pledge; options this page cannot read are left out (payment-details.ts). */
	paymentDetails: (pledgeId: string) => call('GET', `/pledges/${id(pledgeId)}/payment-details`, paymentDetailsParser()),
	/** A Stripe Checkout for a card pledge; 409/422 say why it cannot be paid by card. */
	checkout: (pledgeId: string, locale: Locale) =>
		call('POST', `/pledges/${id(pledgeId)}/checkout`, CheckoutSchema, { body: { locale }, timeoutMs: 15_000 }),
	/** Staff: a receipt booked on a pledge. */
	recordReceipt: (pledgeId: string, body: ReceiptRequest) =>
		call('POST', `/pledges/${id(pledgeId)}/receipts`, ReceiptResultSchema, { body }),
});

const moneyCalls = (call: ApiCall) => ({
	/** A statement as text (`csv`) or as the uploaded file's bytes (`content`, base64, read in `encoding`); books nothing. */
	previewStatement: (body: StatementRequest) => call('POST', '/staff/statements/preview', StatementResultSchema, { body }),
	/** Books the matched lines, and the ambiguous ones in `confirmedAmounts`. */
	commitStatement: (body: StatementRequest) => call('POST', '/staff/statements/commit', StatementResultSchema, { body }),
	programmes: async () => (await call('GET', '/programmes', ProgrammeListSchema)).items,
	createProgramme: (body: ProgrammeRequest) => call('POST', '/programmes', ProgrammeSchema, { body }),
});

const paymentCalls = (call: ApiCall) => ({
	/** Card availability; a missing route (404) or an unreachable API means "off", without a reason. */
	cardAvailability: async (): Promise<CardAvailability> => {
		try {
			const card = (await call('GET', '/payments/options', PaymentOptionsSchema)).cardPayments;
			return { enabled: card.enabled, currencies: card.currencies, reason: card.reason ?? null };
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			return { enabled: false, currencies: [], reason: null };
		}
	},
	receivingAccounts: async () => (await call('GET', '/staff/receiving-accounts', ReceivingAccountListSchema)).items,
	createReceivingAccount: (body: ReceivingAccountRequest) => call('POST', '/staff/receiving-accounts', ReceivingAccountSchema, { body }),
	/** Replaces an account from the version read; a stale version is a 409. */
	replaceReceivingAccount: (accountId: string, version: number, body: ReceivingAccountRequest) =>
		call('PUT', `/staff/receiving-accounts/${id(accountId)}?version=${version}`, ReceivingAccountSchema, { body }),
	deleteReceivingAccount: async (accountId: string, version: number): Promise<void> => {
		await call('DELETE', `/staff/receiving-accounts/${id(accountId)}?version=${version}`, removed);
	},
});

/** The dev outbox's messages this page can read; one it cannot is left out rather than failing the page. */
function outboxItems(list: unknown): OutboxMessage[] {
	const items = (list as { items?: unknown[] } | undefined)?.items ?? [];
	return items.flatMap((item) => {
		const parsed = OutboxMessageSchema.safeParse(item);
		return parsed.success ? [parsed.data] : [];
	});
}
