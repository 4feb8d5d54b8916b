import { API_URL } from '$app/env/private';
import {
	PaymentOptionsSchema,
	PledgeListSchema,
	PledgeViewSchema,
	ProgrammeListSchema,
	ProgrammeSchema,
	ProjectFundingSchema,
	ReceiptResultSchema,
	StatementResultSchema,
	type Currency,
	type Locale,
	type PledgeList,
	type PledgeRequest,
	type PledgeView,
	type Programme,
	type ProgrammeRequest,
	type ProjectFunding,
	type ReceiptRequest,
	type ReceiptResult,
	type StatementRequest,
	type StatementResult,
} from '@mekendesh/contracts';
import { apiCaller, type Parser } from './api-call.js';
import { ApiError } from './api-client.js';


/** Whether card payments are on, as GET /v1/payments/options says; off (no reason) when the API cannot say. */
export interface CardAvailability {
	enabled: boolean;
	currencies: Currency[];
	/** The API's reason in the three languages, when it gives one. */
	reason: Partial<Record<Locale, string>> | null;
}

const cardOptions: Parser<CardAvailability> = {
	safeParse(value) {
		const parsed = PaymentOptionsSchema.safeParse(value);
		if (!parsed.success) return parsed;
		const card = parsed.data.cardPayments;
		return { success: true, data: { enabled: card.enabled, currencies: card.currencies, reason: card.reason ?? null } };
	},
};

/**
 * The money endpoints of the API for one request of the web server: pledges, the portfolio, project
 * funding, card availability, and the staff's receipts, statements and programmes.
 * @example
 * const money = moneyApi(event, 'ky');
 * const pledge = await money.createPledge('prj-019', key, request);
 */
export function moneyApi(event: { locals: App.Locals; fetch: typeof globalThis.fetch }, locale: Locale, timeoutMs = 8000) {
	const call = apiCaller({ baseUrl: API_URL, locale, token: event.locals.accessToken, fetch: event.fetch, timeoutMs });

	const id = encodeURIComponent;

	return {
		/** Idempotent per key: the same key and body return the first pledge; another body with it is a 422. */
		createPledge: (projectId: string, idempotencyKey: string, request: PledgeRequest): Promise<PledgeView> =>
			call('POST', `/projects/${id(projectId)}/pledges`, PledgeViewSchema, request, { 'idempotency-key': idempotencyKey }),
		pledge: (pledgeId: string): Promise<PledgeView> => call('GET', `/pledges/${id(pledgeId)}`, PledgeViewSchema),
		myPledges: (query: { cursor?: string; limit?: number } = {}): Promise<PledgeList> => {
			const qs = new URLSearchParams({ limit: String(query.limit ?? 20) });
			if (query.cursor) qs.set('cursor', query.cursor);
			return call('GET', `/me/pledges?${qs}`, PledgeListSchema);
		},
		funding: (projectId: string): Promise<ProjectFunding> => call('GET', `/projects/${id(projectId)}/funding`, ProjectFundingSchema),
		/** Card availability; a missing route (404) or an unreachable API means "off", without a reason. */
		cardAvailability: async (): Promise<CardAvailability> => {
			try {
				return await call('GET', '/payments/options', cardOptions);
			} catch (cause) {
				if (!(cause instanceof ApiError)) throw cause;
				return { enabled: false, currencies: [], reason: null };
			}
		},

		recordReceipt: (pledgeId: string, receipt: ReceiptRequest): Promise<ReceiptResult> =>
			call('POST', `/pledges/${id(pledgeId)}/receipts`, ReceiptResultSchema, receipt),
		/** A statement as text (`csv`) or as the uploaded file's bytes (`content`, base64, read in `encoding`); books nothing. */
		previewStatement: (request: StatementRequest): Promise<StatementResult> => call('POST', '/staff/statements/preview', StatementResultSchema, request),
		/** Books the matched lines, and the ambiguous ones in `confirmedAmounts`. */
		commitStatement: (request: StatementRequest): Promise<StatementResult> => call('POST', '/staff/statements/commit', StatementResultSchema, request),
		programmes: async (): Promise<Programme[]> => (await call('GET', '/programmes', ProgrammeListSchema)).items,
		createProgramme: (request: ProgrammeRequest): Promise<Programme> => call('POST', '/programmes', ProgrammeSchema, request),
	};
}

export type MoneyApi = ReturnType<typeof moneyApi>;
