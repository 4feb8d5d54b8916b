import {
	AcceptedSchema,
	AuditListSchema,
	InvitationSchema,
	MeSchema,
	OrganisationDetailSchema,
	OrganisationListSchema,
	OrganisationSchema,
	OutboxMessageSchema,
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
import { apiCaller, type ApiCallOptions, type Parser } from './api-call.js';

export type BackendOptions = ApiCallOptions;

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
export function backend({ baseUrl, locale, token, fetch, timeoutMs }: BackendOptions) {
	const call = apiCaller({ baseUrl, locale, token, fetch, timeoutMs });

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
