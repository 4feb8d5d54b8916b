import { API_URL } from '$app/env/private';
import {
	PaymentOptionsSchema,
	PledgeListSchema,
	PledgeViewSchema,
	ProblemSchema,
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
	type StatementResult,
} from '@mekendesh/contracts';
import { ApiError } from './api-client.js';

interface Parser<T> {
	safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } };
}

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
	const root = API_URL.replace(/\/+$/, '');
	const token = event.locals.accessToken;

	async function call<T>(method: 'GET' | 'POST', path: string, schema: Parser<T>, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
		const headers: Record<string, string> = { accept: 'application/json', 'accept-language': locale, ...extra };
		if (token) headers.authorization = `Bearer ${token}`;
		if (body !== undefined) headers['content-type'] = 'application/json';
		let response: Response;
		try {
			response = await event.fetch(`${root}/v1${path}`, {
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
		previewStatement: (csv: string): Promise<StatementResult> => call('POST', '/staff/statements/preview', StatementResultSchema, { csv }),
		commitStatement: (csv: string): Promise<StatementResult> => call('POST', '/staff/statements/commit', StatementResultSchema, { csv }),
		programmes: async (): Promise<Programme[]> => (await call('GET', '/programmes', ProgrammeListSchema)).items,
		createProgramme: (request: ProgrammeRequest): Promise<Programme> => call('POST', '/programmes', ProgrammeSchema, request),
	};
}

export type MoneyApi = ReturnType<typeof moneyApi>;
