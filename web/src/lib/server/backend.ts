import {
	AcceptedSchema,
	AuditListSchema,
	InvitationSchema,
	MeSchema,
	OrganisationDetailSchema,
	OrganisationListSchema,
	OrganisationSchema,
	OutboxMessageSchema,
	ProblemSchema,
	TokensSchema,
	type AuditEntry,
	type Invitation,
	type Locale,
	type Me,
	type Organisation,
	type OrganisationApplication,
	type OrganisationDetail,
	type OutboxMessage,
	type Profile,
	type Tokens,
} from '@mekendesh/contracts';
import { ApiError } from './api-client.js';

export interface BackendOptions {
	/** Origin (and optional path) of the API, without /v1. */
	baseUrl: string;
	/** The page's language: sent as Accept-Language, so problem titles come back in it. */
	locale: Locale;
	/** The signed-in user's access token, sent as `Authorization: Bearer`; never leaves the server. */
	token?: string | null;
	fetch?: typeof globalThis.fetch;
	timeoutMs?: number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Parser<T> {
	safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}
const anything: Parser<unknown> = { safeParse: (value) => ({ success: true, data: value }) };
const status = { safeParse: (v: unknown) => ({ success: true as const, data: v as { status: string } }) };

/**
 * The account, organisation and staff endpoints of the API, for one request of the web server.
 * Every call sends the page language and, when signed in, the bearer token; errors become an
 * `ApiError` carrying the problem+json body (with its field errors).
 * @example
 * const api = backend({ baseUrl, locale: 'ru', token: locals.session?.accessToken });
 * const me = await api.me();
 */
export function backend({ baseUrl, locale, token, fetch = globalThis.fetch, timeoutMs = 8000 }: BackendOptions) {
	const root = baseUrl.replace(/\/+$/, '');

	async function call<T>(method: Method, path: string, schema: Parser<T>, body?: unknown): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale };
		if (token) headers.authorization = `Bearer ${token}`;
		if (body !== undefined) headers['content-type'] = 'application/json';
		let response: Response;
		try {
			response = await fetch(`${root}/v1${path}`, {
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(timeoutMs),
			});
		} catch (cause) {
			throw new ApiError(0, `API unreachable: ${method} ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
		}
		const json: unknown = await response.json().catch(() => undefined);
		if (!response.ok) {
			const problem = ProblemSchema.safeParse(json);
			throw new ApiError(response.status, `API error ${response.status}: ${method} ${path}`, problem.success ? problem.data : undefined);
		}
		const parsed = schema.safeParse(json);
		if (!parsed.success) throw new ApiError(0, `API response does not match the contract: ${method} ${path}: ${parsed.error.message}`);
		return parsed.data;
	}

	const id = (value: string) => encodeURIComponent(value);

	return {
		signUp: (input: { email: string; password: string; displayName: string; locale: Locale }) =>
			call('POST', '/auth/sign-up', AcceptedSchema, input),
		confirm: (input: { email: string; code: string }) => call('POST', '/auth/confirm', status, input),
		signIn: (input: { email: string; password: string }): Promise<Tokens> => call('POST', '/auth/sign-in', TokensSchema, input),
		refresh: (refreshToken: string): Promise<Tokens> => call('POST', '/auth/refresh', TokensSchema, { refreshToken }),
		signOut: (input: { refreshToken?: string; everywhere: boolean }) => call('POST', '/auth/sign-out', status, input),
		forgotPassword: (input: { email: string; locale: Locale }) => call('POST', '/auth/forgot-password', AcceptedSchema, input),
		resetPassword: (input: { email: string; code: string; password: string }) => call('POST', '/auth/reset-password', status, input),

		me: (): Promise<Me> => call('GET', '/me', MeSchema),
		updateProfile: (profile: Profile): Promise<Me> => call('PUT', '/me/profile', MeSchema, profile),
		deleteAccount: () => call('DELETE', '/me', status),

		applyForOrganisation: (application: OrganisationApplication): Promise<Organisation> =>
			call('POST', '/organisations', OrganisationSchema, application),
		organisation: (orgId: string): Promise<Organisation | OrganisationDetail> =>
			call('GET', `/organisations/${id(orgId)}`, {
				safeParse: (v) => {
					const detail = OrganisationDetailSchema.safeParse(v);
					return detail.success ? detail : OrganisationSchema.safeParse(v);
				},
			}),
		reviewQueue: (query: { status: 'pending' | 'approved' | 'rejected'; cursor?: string; limit?: number }) => {
			const qs = new URLSearchParams({ status: query.status, limit: String(query.limit ?? 20) });
			if (query.cursor) qs.set('cursor', query.cursor);
			return call('GET', `/staff/organisations?${qs}`, OrganisationListSchema);
		},
		approve: (orgId: string, reason?: string): Promise<OrganisationDetail> =>
			call('POST', `/organisations/${id(orgId)}/approve`, OrganisationDetailSchema, reason ? { reason } : {}),
		reject: (orgId: string, reason: string): Promise<OrganisationDetail> =>
			call('POST', `/organisations/${id(orgId)}/reject`, OrganisationDetailSchema, { reason }),
		invite: (orgId: string, input: { email: string; locale: Locale }): Promise<Omit<Invitation, 'token'>> =>
			call('POST', `/organisations/${id(orgId)}/invitations`, InvitationSchema.omit({ token: true }), input),
		acceptInvitation: (token: string) =>
			call('POST', `/invitations/${id(token)}/accept`, anything) as Promise<{ organisationId: string }>,

		audit: (query: { cursor?: string; limit?: number }): Promise<{ items: AuditEntry[]; nextCursor: string | null }> => {
			const qs = new URLSearchParams({ limit: String(query.limit ?? 50) });
			if (query.cursor) qs.set('cursor', query.cursor);
			return call('GET', `/audit?${qs}`, AuditListSchema);
		},
		outbox: async (): Promise<OutboxMessage[]> => {
			const list = await call('GET', '/dev/outbox', anything);
			const items = (list as { items?: unknown[] } | undefined)?.items ?? [];
			return items.flatMap((item) => {
				const parsed = OutboxMessageSchema.safeParse(item);
				return parsed.success ? [parsed.data] : [];
			});
		},
	};
}

export type Backend = ReturnType<typeof backend>;
