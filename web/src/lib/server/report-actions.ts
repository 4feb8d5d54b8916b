import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formatSom, MAX_AMOUNT_MINOR, type Locale } from '@mekendesh/contracts';
import { text } from './forms.js';
import { m } from '#lib/paraglide/messages.js';
import { api, ApiError } from './api.js';

/**
 * The officer's progress forms on /<lang>/organisation/projects/[id] (issue 13), each a named action that works
 * without JavaScript: a report with photos, a disbursement with an optional document (both uploaded beforehand straight to
 * the object store, upload-forms.ts, and chosen by key), a move of the project. A
 * refusal comes back with the API's message (in the page's language) next to its field, and the values typed.
 */

type Values = Record<string, string>;
const valuesOf = (form: FormData, names: string[]): Values => Object.fromEntries(names.map((n) => [n, text(form, n)]));

/** The API's refusal as field messages (field → message) and a form message; rethrows what is not an API answer. */
export function refused(cause: unknown, form: string, values: Values) {
	if (!(cause instanceof ApiError)) throw cause;
	if (cause.status === 0 || cause.status >= 500) return fail(503, { form, typed: values, fields: {}, message: m.form_unavailable() });
	// A field the API names inside its value (`text.en`, `photoKeys.2`) is shown beside the form's field (`text`); the
	// first message of a field is kept.
	const fields: Record<string, string> = {};
	for (const e of cause.problem?.errors ?? []) fields[e.field.split('.')[0]!] ??= e.message;
	const message = Object.keys(fields).length
		? m.form_error_summary()
		: (cause.problem?.detail ?? cause.problem?.title ?? m.form_error_summary());
	return fail(cause.status, { form, typed: values, fields, message });
}

/** A form whose hidden fields the page did not write (no key of its own, a report or language it never showed): 400, "it expired". */
export const expiredForm = (form: string, typed: Values) => fail(400, { form, typed, fields: {}, message: m.money_error_expired() });

/**
 * The booking form's Idempotency-Key: the one the page put in its hidden `idempotencyKey` input when it was rendered
 * (a double submit or a reload sends it again: one booking); null when it is missing or not a key, which no form of
 * ours sends: the caller refuses the form (it expired, say so) rather than book under a fresh key, which would book
 * every repeat of it again.
 */
export function formKey(form: FormData): string | null {
	const key = text(form, 'idempotencyKey');
	return /^[A-Za-z0-9_.:-]{8,128}$/.test(key) ? key : null;
}

/**
 * Som as typed to tyiyn (1 som = 100 tyiyn); NaN when it is not an amount. Spaces group digits in every language
 * ("1 250,50"); in English a comma groups thousands as the page writes them ("99,999,999.50"), elsewhere it is the
 * decimal mark ("1250,50"); a point is the decimal mark everywhere. At most two decimals.
 */
export function tyiyn(text: string, locale: Locale = 'ky'): number {
	let clean = text.replace(/[\s\u00a0\u202f]/g, '');
	clean = locale === 'en' && /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(clean) ? clean.replaceAll(',', '') : clean.replace(',', '.');
	return /^\d+(\.\d{1,2})?$/.test(clean) ? Math.round(Number(clean) * 100) : Number.NaN;
}

/**
 * Where a progress form sends the browser after it succeeded: the project's page with `?done=<action>` (its confirmation
 * at the top), by 303, so a reload of the answer reads the page and never posts again (as staff-progress.ts does).
 */
const progressDone = (event: RequestEvent, done: 'report' | 'disburse' | 'move') =>
	`/${event.params.lang ?? 'ky'}/organisation/projects/${encodeURIComponent(event.params.id!)}?done=${done}`;

/** Upload keys as the forms send them (checkboxes, a radio): only what looks like one; the API checks each belongs to the project. */
const KEY = /^[0-9a-z]{26}\.(jpg|png|webp|pdf)$/;
const keysOf = (form: FormData, name: string): string[] =>
	form
		.getAll(name)
		.map(String)
		.filter((k) => KEY.test(k));

export const reportActions = {
	/** A report with the photos ticked among those uploaded beforehand (upload-forms.ts: the file goes straight to the object store). */
	report: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const photoKeys = keysOf(form, 'photoKeys');
		const values: Values = { ...valuesOf(form, ['milestoneId', 'text']), photoKeys: photoKeys.join(',') };
		// Said before the API is asked, every field at once: a report needs its milestone and some text.
		const fields: Record<string, string> = {};
		if (!values.milestoneId) fields.milestoneId = m.rp_error_milestone();
		if (!values.text) fields.text = m.rp_error_text();
		if (Object.keys(fields).length) return fail(400, { form: 'report', typed: values, fields, message: m.form_error_summary() });
		try {
			await api(event).reports.post(event.params.id!, {
				milestoneId: values.milestoneId!,
				text: { [event.params.lang ?? 'ky']: values.text },
				photoKeys,
			});
		} catch (cause) {
			return refused(cause, 'report', values);
		}
		redirect(303, progressDone(event, 'report'));
	},
	disburse: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const values = valuesOf(form, ['amount', 'paidOn', 'purpose', 'milestoneId', 'idempotencyKey', 'documentKey']);
		const id = event.params.id!;
		const amountKgs = tyiyn(values.amount!, (event.params.lang ?? 'ky') as Locale);
		// What is wrong before the API is asked, every field at once (an empty form names all three, not the amount alone).
		const fields: Record<string, string> = {};
		if (!Number.isSafeInteger(amountKgs) || amountKgs <= 0) fields.amountKgs = m.rp_error_amount();
		// The API's limit (MAX_AMOUNT_MINOR, money-limits.ts) said here in som: its own message would name tyiyn (issue 14 review 5).
		else if (amountKgs > MAX_AMOUNT_MINOR) {
			const locale = (event.params.lang ?? 'ky') as Locale;
			fields.amountKgs = m.rp_error_amount_max({ amount: formatSom(MAX_AMOUNT_MINOR, locale) }, { locale });
		}
		if (!values.paidOn) fields.paidOn = m.rp_error_paid_on();
		if (!values.purpose) fields.purpose = m.rp_error_purpose();
		if (Object.keys(fields).length) return fail(400, { form: 'disburse', typed: values, fields, message: m.form_error_summary() });
		const [documentKey] = keysOf(form, 'documentKey');
		const key = formKey(form);
		if (!key) return expiredForm('disburse', { ...values, idempotencyKey: '' });
		try {
			await api(event).reports.disburse(id, key, {
				amountKgs,
				paidOn: values.paidOn!,
				purpose: values.purpose!,
				...(values.milestoneId ? { milestoneId: values.milestoneId } : {}),
				...(documentKey ? { documentKey } : {}),
			});
		} catch (cause) {
			return refused(cause, 'disburse', values);
		}
		redirect(303, progressDone(event, 'disburse'));
	},
	move: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const to = text(form, 'to');
		if (to !== 'in_progress' && to !== 'completed')
			return fail(400, { form: 'move', typed: {}, fields: {}, message: m.form_error_summary() });
		// Completing ends spending: with money left unspent it needs the explicit tick (issue 13 review 7).
		if (to === 'completed' && form.get('unspentOk') !== 'yes') {
			const left = await api(event)
				.projects.get(event.params.id!)
				.then((p) => p.funding?.available ?? 0)
				.catch(() => 0);
			if (left > 0)
				return fail(400, {
					form: 'move',
					typed: {},
					fields: { unspentOk: m.rp_error_unspent_confirm() },
					message: m.rp_error_unspent_confirm(),
				});
		}
		try {
			await api(event).reports.move(event.params.id!, { to, reason: to === 'in_progress' ? 'work started' : 'work completed' });
		} catch (cause) {
			return refused(cause, 'move', {});
		}
		redirect(303, progressDone(event, 'move'));
	},
};
