import { fail } from '@sveltejs/kit';
import {
	CURRENCIES,
	ReceiptRequestSchema,
	StatementEncodingChoiceSchema,
	type Pledge,
	type StatementEncodingChoice,
	type StatementResult,
} from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { bishkekDay } from '#lib/duration.js';
import { parseMoneyInput } from '#lib/money-input.js';
import { annotateLines, oneLineStatement } from '#lib/statement-view.js';
import { reasonText } from '#lib/statement-reasons.js';
import { text } from '#lib/server/forms.js';
import { api, ApiError, type Api } from '#lib/server/api.js';
import { requireRole } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

const MAX_PLEDGES_LOOKED_UP = 50;

export const load: PageServerLoad = (event) => {
	requireRole(event, 'staff');
	// The receipt form's default day: today in Bishkek, the day the money is booked on.
	return { today: bishkekDay() };
};

/** The form's failure for an API error: the problem's title (already localized), or "unavailable". */
function apiProblem<T extends object>(cause: unknown, shape: (error: string) => T) {
	if (!(cause instanceof ApiError)) throw cause;
	const down = cause.status === 0 || cause.status >= 500;
	if (down) console.error(`[web] ${cause.message}`);
	const message = down ? m.form_unavailable() : (cause.problem?.title ?? m.form_error_summary());
	return fail(down ? 503 : cause.status, shape(message));
}

/** Matched lines' pledges, so the preview can show part and over-payments. */
async function pledgesOf(pledges: Api['pledges'], result: StatementResult): Promise<Map<string, Pledge>> {
	const ids = [...new Set(result.rows.filter((r) => r.status === 'matched' && r.pledgeId).map((r) => r.pledgeId!))].slice(
		0,
		MAX_PLEDGES_LOOKED_UP,
	);
	const found = await Promise.all(ids.map((id) => pledges.get(id).catch(() => null)));
	return new Map(found.filter((p): p is NonNullable<typeof p> => p !== null).map((p) => [p.id, p]));
}

/** Bytes a statement may have: the API's limit on the text, and what a preview keeps in the page. */
const MAX_BYTES = 1_000_000;
const ENCODINGS = StatementEncodingChoiceSchema.options;

/**
 * The statement a form sent, as base64 bytes for the API to decode (it detects the encoding): a newly
 * chosen file as uploaded, else the bytes a preview kept (`content`), else pasted text as UTF-8.
 */
async function readStatement(form: FormData): Promise<{ content: string; pasted: string } | { error: string }> {
	const file = form.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_BYTES) return { error: m.money_error_csv_size() };
		return { content: Buffer.from(await file.arrayBuffer()).toString('base64'), pasted: '' };
	}
	const kept = text(form, 'content');
	if (kept) return kept.length > (MAX_BYTES / 3) * 4 + 4 ? { error: m.money_error_csv_size() } : { content: kept, pasted: '' };
	const pasted = text(form, 'csv');
	if (!pasted) return { error: m.money_error_csv() };
	const bytes = Buffer.from(pasted, 'utf8');
	return bytes.length > MAX_BYTES ? { error: m.money_error_csv_size() } : { content: bytes.toString('base64'), pasted };
}

const encodingOf = (form: FormData): StatementEncodingChoice => ENCODINGS.find((e) => e === text(form, 'encoding')) ?? 'auto';

/** Staff's choices for ambiguous amounts (`confirm-<line>` = minor units; empty = not yet), or null when one is not a number. */
function confirmationsOf(form: FormData): { line: number; amount: number }[] | null {
	const out: { line: number; amount: number }[] = [];
	for (const [name, value] of form.entries()) {
		const line = /^confirm-(\d{1,7})$/.exec(name)?.[1];
		if (!line || typeof value !== 'string' || value === '') continue;
		if (!/^\d{1,15}$/.test(value) || Number(value) <= 0) return null;
		out.push({ line: Number(line), amount: Number(value) });
	}
	return out;
}

/** Lines staff tick to book although they may repeat money already received (`duplicate-<line>`). */
function duplicatesConfirmedIn(form: FormData): number[] {
	return [...form.keys()]
		.flatMap((name) => {
			const line = /^duplicate-(\d{1,7})$/.exec(name)?.[1];
			return line ? [Number(line)] : [];
		})
		.slice(0, 1000);
}

/** What the statement half of the page shows: the lines of a preview or of a booking, or why there are none. */
interface StatementState {
	/** Base64 bytes of the statement previewed, kept for reading again and for booking. */
	content: string;
	/** Pasted text, shown again in the text box. */
	pasted: string;
	encoding: StatementEncodingChoice;
	read: Pick<StatementResult, 'encoding' | 'delimiter' | 'decimalSeparator'> | null;
	lines: ReturnType<typeof annotateLines> | null;
	counts: StatementResult['counts'] | null;
	committed: boolean;
	error: string | null;
}
const statementState = (s: Partial<StatementState>): StatementState => ({
	content: '',
	pasted: '',
	encoding: 'auto',
	read: null,
	lines: null,
	counts: null,
	committed: false,
	error: null,
	...s,
});
const readOf = (r: StatementResult) => ({ encoding: r.encoding, delimiter: r.delimiter, decimalSeparator: r.decimalSeparator });

/** Why the API refused a statement, in the page's language: the message of its field error (the API localizes those); null for another refusal. */
const statementDetail = (cause: unknown): string | null => {
	const first = cause instanceof ApiError && cause.status === 400 ? cause.problem?.errors?.[0] : undefined;
	return first && /^(csv|content|confirmedAmounts\b)/.test(first.field) ? first.message : null;
};

export const actions: Actions = {
	/** A receipt by payment reference: a one-line preview finds the pledge, then the receipt is booked on it. */
	receipt: async (event) => {
		requireRole(event, 'staff');
		const form = await event.request.formData();
		const values = {
			reference: text(form, 'reference').toUpperCase(),
			amount: text(form, 'amount'),
			currency: text(form, 'currency') || 'KGS',
			receivedOn: text(form, 'receivedOn'),
			bankReference: text(form, 'bankReference').replace(/\s+/g, ' '),
		};
		const fields: Record<string, string> = {};
		const currency = CURRENCIES.find((c) => c === values.currency);
		const amount = currency ? parseMoneyInput(values.amount, currency) : undefined;
		if (!currency) fields.currency = m.error_choose();
		if (!amount) fields.amount = m.error_amount();
		if (!/^MK-?[2-9A-HJ-NP-Z]{4}-?[2-9A-HJ-NP-Z]{4}$/.test(values.reference)) fields.reference = m.money_error_reference();
		const request = ReceiptRequestSchema.safeParse({
			amount: { amount: amount ?? 0, currency },
			receivedOn: values.receivedOn,
			bankReference: values.bankReference,
		});
		if (!request.success) {
			for (const issue of request.error.issues) {
				const field = String(issue.path[0]);
				if (field === 'receivedOn') fields.receivedOn = m.money_error_date();
				if (field === 'bankReference') fields.bankReference = m.money_error_bank_reference();
			}
		}
		if (Object.keys(fields).length > 0 || !request.success) return fail(400, { receipt: { values, fields, error: null } });
		const client = api(event);
		try {
			// The amount as parsed, with a decimal point: a one-line file cannot tell "1,000" from 1.000.
			const decimal = `${Math.floor(amount! / 100)}.${String(amount! % 100).padStart(2, '0')}`;
			const found = await client.money.previewStatement({ csv: oneLineStatement({ ...values, amount: decimal, date: values.receivedOn }) });
			const line = found.rows[0];
			// The same checks as the API's (a day no money can have arrived on; money the pledge already has under another id).
			if (line?.reason === 'date_out_of_range')
				return fail(400, { receipt: { values, fields: { receivedOn: reasonText(line)! }, error: null } });
			const possibleDuplicate = line?.reason === 'possible_duplicate';
			const confirmDuplicate = possibleDuplicate && form.get('confirmDuplicate') === '1';
			if (possibleDuplicate && !confirmDuplicate) {
				return fail(409, { receipt: { values, fields: { bankReference: reasonText(line)! }, error: null, duplicate: true } });
			}
			if (line?.status === 'duplicate' && !possibleDuplicate)
				return fail(409, { receipt: { values, fields: { bankReference: reasonText(line)! }, error: null } });
			if (!line?.pledgeId) return fail(404, { receipt: { values, fields: { reference: m.money_error_reference_unknown() }, error: null } });
			if (line.status !== 'matched' && !possibleDuplicate) return fail(409, { receipt: { values, fields, error: reasonText(line) } });
			const booked = await client.pledges.recordReceipt(line.pledgeId, {
				...request.data,
				...(confirmDuplicate ? { confirmDuplicate: true } : {}),
			});
			return { receipt: { values, fields: {}, error: null, booked } };
		} catch (cause) {
			return apiProblem(cause, (error) => ({ receipt: { values, fields, error } }));
		}
	},

	preview: async (event) => {
		requireRole(event, 'staff');
		const client = api(event);
		const form = await event.request.formData();
		const source = await readStatement(form);
		if ('error' in source) return fail(400, { statement: statementState({ error: source.error }) });
		const { content, pasted } = source;
		const encoding = encodingOf(form);
		try {
			const result = await client.money.previewStatement({ content, encoding });
			const lines = annotateLines(result.rows, await pledgesOf(client.pledges, result));
			return { statement: statementState({ content, pasted, encoding, read: readOf(result), lines, counts: result.counts }) };
		} catch (cause) {
			return apiProblem(cause, (error) => ({
				statement: statementState({ content, pasted, encoding, error: statementDetail(cause) ?? error }),
			}));
		}
	},

	commit: async (event) => {
		requireRole(event, 'staff');
		const client = api(event);
		const form = await event.request.formData();
		const content = text(form, 'content');
		const encoding = encodingOf(form);
		if (!content) return fail(400, { statement: statementState({ error: m.money_error_csv() }) });
		const confirmedAmounts = confirmationsOf(form);
		if (!confirmedAmounts) return fail(400, { statement: statementState({ content, encoding, error: m.money_error_confirm() }) });
		const confirmedDuplicates = duplicatesConfirmedIn(form);
		try {
			const result = await client.money.commitStatement({ content, encoding, confirmedAmounts, confirmedDuplicates });
			const lines = annotateLines(result.rows, new Map());
			return { statement: statementState({ read: readOf(result), lines, counts: result.counts, committed: true }) };
		} catch (cause) {
			return apiProblem(cause, (error) => ({ statement: statementState({ content, encoding, error: statementDetail(cause) ?? error }) }));
		}
	},
};
