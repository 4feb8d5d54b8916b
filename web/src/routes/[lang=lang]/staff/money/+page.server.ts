import { error, fail } from '@sveltejs/kit';
import { CURRENCIES, ReceiptRequestSchema, type Pledge, type StatementResult } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { bishkekDay } from '#lib/duration.js';
import { parseMoneyInput } from '#lib/money-input.js';
import { annotateLines, oneLineStatement } from '#lib/statement-view.js';
import { isStaff, requireUser } from '#lib/server/account.js';
import { ApiError } from '#lib/server/api-client.js';
import { text } from '#lib/server/forms.js';
import { moneyApi, type MoneyApi } from '#lib/server/money-api.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const MAX_CSV = 1_000_000;
const MAX_PLEDGES_LOOKED_UP = 50;

/** Staff only; anyone else gets the same 404 as for a page that does not exist. */
function requireStaff(event: RequestEvent) {
	const user = requireUser(event, getLocale());
	if (!isStaff(user)) error(404, 'Not Found');
}

export const load: PageServerLoad = (event) => {
	requireStaff(event);
	// The receipt form's default day: today in Bishkek, the day the money is booked on.
	return { today: bishkekDay() };
};

/** The form's failure for an API error: the problem's title (already localized), or "unavailable". */
function apiProblem<T extends object>(cause: unknown, shape: (error: string, detail: string | null) => T) {
	if (!(cause instanceof ApiError)) throw cause;
	const down = cause.status === 0 || cause.status >= 500;
	if (down) console.error(`[web] ${cause.message}`);
	const message = down ? m.form_unavailable() : (cause.problem?.title ?? m.form_error_summary());
	return fail(down ? 503 : cause.status, shape(message, down ? null : (cause.problem?.detail ?? null)));
}

/** Matched lines' pledges, so the preview can show part and over-payments. */
async function pledgesOf(money: MoneyApi, result: StatementResult): Promise<Map<string, Pledge>> {
	const ids = [...new Set(result.rows.filter((r) => r.status === 'matched' && r.pledgeId).map((r) => r.pledgeId!))].slice(0, MAX_PLEDGES_LOOKED_UP);
	const found = await Promise.all(ids.map((id) => money.pledge(id).catch(() => null)));
	return new Map(found.filter((p): p is NonNullable<typeof p> => p !== null).map((p) => [p.id, p]));
}

async function readCsv(form: FormData): Promise<string> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) return file.size > MAX_CSV ? '' : (await file.text()).replace(/^\uFEFF/, '');
	const pasted = form.get('csv');
	return typeof pasted === 'string' ? pasted.trim() : '';
}

/** What the statement half of the page shows: the lines of a preview or of a booking, or why there are none. */
interface StatementState {
	csv: string;
	encoded: string;
	lines: ReturnType<typeof annotateLines> | null;
	counts: StatementResult['counts'] | null;
	committed: boolean;
	error: string | null;
	detail: string | null;
}
const statementState = (s: Partial<StatementState>): StatementState => ({
	csv: '', encoded: '', lines: null, counts: null, committed: false, error: null, detail: null, ...s,
});

const encode = (csv: string) => Buffer.from(csv, 'utf8').toString('base64url');
const decode = (value: string) => Buffer.from(value, 'base64url').toString('utf8');

export const actions: Actions = {
	/** A receipt by payment reference: a one-line preview finds the pledge, then the receipt is booked on it. */
	receipt: async (event) => {
		requireStaff(event);
		const locale = getLocale();
		const form = await event.request.formData();
		const values = {
			reference: text(form, 'reference').toUpperCase(), amount: text(form, 'amount'), currency: text(form, 'currency') || 'KGS',
			receivedOn: text(form, 'receivedOn'), bankReference: text(form, 'bankReference').replace(/\s+/g, ' '),
		};
		const fields: Record<string, string> = {};
		const currency = CURRENCIES.find((c) => c === values.currency);
		const amount = currency ? parseMoneyInput(values.amount, currency) : undefined;
		if (!currency) fields.currency = m.error_choose();
		if (!amount) fields.amount = m.error_amount();
		if (!/^MK-?[2-9A-HJ-NP-Z]{4}-?[2-9A-HJ-NP-Z]{4}$/.test(values.reference)) fields.reference = m.money_error_reference();
		const request = ReceiptRequestSchema.safeParse({ amount: { amount: amount ?? 0, currency }, receivedOn: values.receivedOn, bankReference: values.bankReference });
		if (!request.success) {
			for (const issue of request.error.issues) {
				const field = String(issue.path[0]);
				if (field === 'receivedOn') fields.receivedOn = m.money_error_date();
				if (field === 'bankReference') fields.bankReference = m.money_error_bank_reference();
			}
		}
		if (Object.keys(fields).length > 0 || !request.success) return fail(400, { receipt: { values, fields, error: null } });
		const money = moneyApi(event, locale);
		try {
			const found = await money.previewStatement(oneLineStatement({ ...values, date: values.receivedOn }));
			const line = found.rows[0];
			if (!line?.pledgeId) return fail(404, { receipt: { values, fields: { reference: m.money_error_reference_unknown() }, error: null } });
			const booked = await money.recordReceipt(line.pledgeId, request.data);
			return { receipt: { values, fields: {}, error: null, booked } };
		} catch (cause) {
			return apiProblem(cause, (error) => ({ receipt: { values, fields, error } }));
		}
	},

	preview: async (event) => {
		requireStaff(event);
		const money = moneyApi(event, getLocale());
		const csv = await readCsv(await event.request.formData());
		if (!csv) return fail(400, { statement: statementState({ error: m.money_error_csv() }) });
		try {
			const result = await money.previewStatement(csv);
			const lines = annotateLines(result.rows, await pledgesOf(money, result));
			return { statement: statementState({ csv, encoded: encode(csv), lines, counts: result.counts }) };
		} catch (cause) {
			return apiProblem(cause, (error, detail) => ({ statement: statementState({ csv, error, detail }) }));
		}
	},

	commit: async (event) => {
		requireStaff(event);
		const money = moneyApi(event, getLocale());
		const csv = decode(text(await event.request.formData(), 'encoded'));
		if (!csv) return fail(400, { statement: statementState({ error: m.money_error_csv() }) });
		try {
			const result = await money.commitStatement(csv);
			const lines = annotateLines(result.rows, new Map());
			return { statement: statementState({ lines, counts: result.counts, committed: true }) };
		} catch (cause) {
			return apiProblem(cause, (error, detail) => ({ statement: statementState({ csv, error, detail }) }));
		}
	},
};
