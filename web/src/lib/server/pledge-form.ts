import {
	CURRENCIES,
	PledgeRequestSchema,
	type Currency,
	type PledgeChannel,
	type PledgeRequest,
	type PledgeType,
} from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { parseMoneyInput } from '#lib/money-input.js';
import { issueFields, text, type FormErrors } from './forms.js';

/** What the pledge form echoes back after a failed submit: the typed texts, and the attempt's Idempotency-Key. */
export interface PledgeValues {
	type: string;
	currency: string;
	amount: string;
	termMonths: string;
	hours: string;
	goods: string;
	description: string;
	channel: string;
	message: string;
	display: string;
	key: string;
}

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
const CHANNELS: readonly PledgeChannel[] = ['bank_transfer', 'money_transfer', 'card'];

/** The form's field for a field path of the contract or of an API problem ("amount.amount" -> "amount"). */
function pledgeFormField(path: string): string {
	const map: Record<string, string> = {
		'amount.amount': 'amount',
		'amount.currency': 'currency',
		'inKind.hours': 'hours',
		inKind: 'hours',
		'inKind.goods': 'goods',
		'inKind.description': 'description',
	};
	return map[path] ?? path.split('.')[0]!;
}

/** Localized messages per form field; `minimum` is the project's minimum, already formatted. */
function pledgeFieldMessages(minimum: string): Record<string, string> {
	return {
		type: m.error_choose(),
		currency: m.error_choose(),
		amount: m.money_error_amount({ minimum }),
		termMonths: m.money_error_term(),
		hours: m.money_error_in_kind(),
		goods: m.money_error_in_kind(),
		description: m.money_error_description(),
		channel: m.money_error_channel(),
		message: m.error_text_too_long(),
		display: m.error_choose(),
	};
}

/** Field errors for field paths (from zod or the API); a path the form has no field for becomes a form error. */
export function pledgeFieldErrors(paths: readonly string[], minimum: string): FormErrors {
	const messages = pledgeFieldMessages(minimum);
	const out: FormErrors = { fields: {} };
	for (const path of paths) {
		const field = pledgeFormField(path);
		if (messages[field]) out.fields[field] ??= messages[field];
		else out.form = m.form_error_summary();
	}
	return out;
}

/**
 * Reads the pledge form into a `PledgeRequest`, or the errors to show. Amounts are typed in major units of the
 * chosen currency and become exact integer minor units; in-kind pledges carry no money and no channel choice.
 */
export function readPledgeForm(
	form: FormData,
	options: { types: readonly PledgeType[]; cardCurrencies: readonly Currency[] | null; minimum: string },
): { request: PledgeRequest; values: PledgeValues } | { errors: FormErrors; values: PledgeValues } {
	const values: PledgeValues = {
		type: text(form, 'type'),
		currency: text(form, 'currency') || 'KGS',
		amount: text(form, 'amount'),
		termMonths: text(form, 'termMonths'),
		hours: text(form, 'hours'),
		goods: text(form, 'goods'),
		description: text(form, 'description'),
		channel: text(form, 'channel'),
		message: text(form, 'message'),
		display: text(form, 'display'),
		key: text(form, 'key'),
	};
	const messages = pledgeFieldMessages(options.minimum);
	const fields: Record<string, string> = {};
	const type = options.types.find((t) => t === values.type);
	if (!type) fields.type = messages.type!;
	if (!KEY.test(values.key)) return { errors: { fields, form: m.money_error_expired() }, values };

	let request: Record<string, unknown> = { type, display: values.display, message: values.message || undefined };
	if (type === 'in_kind') {
		const hours = values.hours === '' ? undefined : /^\d{1,6}$/.test(values.hours) ? Number(values.hours) : NaN;
		if (Number.isNaN(hours)) fields.hours = messages.hours!;
		request = {
			...request,
			channel: 'bank_transfer',
			inKind: { hours, goods: values.goods || undefined, description: values.description },
		};
	} else {
		const currency = CURRENCIES.find((c) => c === values.currency);
		if (!currency) fields.currency = messages.currency!;
		const amount = currency ? parseMoneyInput(values.amount, currency) : undefined;
		if (currency && (amount === null || amount === undefined || amount === 0)) fields.amount = messages.amount!;
		const channel = CHANNELS.find((c) => c === values.channel);
		const cardOk = channel !== 'card' || (options.cardCurrencies !== null && (!currency || options.cardCurrencies.includes(currency)));
		if (!channel || !cardOk) fields.channel = messages.channel!;
		const term = /^\d{1,3}$/.test(values.termMonths) ? Number(values.termMonths) : undefined;
		if (type === 'loan' && term === undefined) fields.termMonths = messages.termMonths!;
		request = {
			...request,
			channel,
			amount: currency && amount ? { amount, currency } : undefined,
			termMonths: type === 'loan' ? term : undefined,
		};
	}
	const parsed = PledgeRequestSchema.safeParse(request);
	if (!parsed.success) {
		const more = pledgeFieldErrors(issueFields(parsed.error), options.minimum);
		Object.assign(more.fields, fields);
		return { errors: more, values };
	}
	if (Object.keys(fields).length > 0) return { errors: { fields }, values };
	return { request: parsed.data, values };
}
