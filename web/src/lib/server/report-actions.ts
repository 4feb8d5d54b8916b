import { randomUUID } from 'node:crypto';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { UPLOAD_LIMITS, type Locale } from '@mekendesh/contracts';
import { bishkekDay } from '#lib/duration.js';
import { formatSom } from '#lib/format.js';
import { m } from '#lib/paraglide/messages.js';
import { api, ApiError } from './api.js';
import { uploadToProject } from './project-upload.js';

/**
 * The officer's progress forms on /<lang>/organisation/projects/[id] (issue 13), each a named action that works
 * without JavaScript: a report with a photo, a disbursement with an optional document, a move of the project. A
 * refusal comes back with the API's message (in the page's language) next to its field, and the values typed.
 */

type Values = Record<string, string>;
const valuesOf = (form: FormData, names: string[]): Values => Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? '').trim()]));

/** The API's refusal as field messages (field → message) and a form message; rethrows what is not an API answer. */
export function refused(cause: unknown, form: string, values: Values) {
	if (!(cause instanceof ApiError)) throw cause;
	if (cause.status === 0 || cause.status >= 500) return fail(503, { form, typed: values, fields: {}, message: m.form_unavailable() });
	const fields = Object.fromEntries((cause.problem?.errors ?? []).map((e) => [e.field, e.message]));
	const message = Object.keys(fields).length
		? m.form_error_summary()
		: (cause.problem?.detail ?? cause.problem?.title ?? m.form_error_summary());
	return fail(cause.status, { form, typed: values, fields, message });
}

const fileOf = (form: FormData, name: string): File | null => {
	const f = form.get(name);
	return f instanceof File && f.size > 0 ? f : null;
};

/**
 * The booking form's Idempotency-Key: the one the page put in its hidden `idempotencyKey` input when it was rendered
 * (a double submit or a reload sends it again: one booking), else a fresh one (a form from before the key existed).
 */
export function formKey(form: FormData): string {
	const key = String(form.get('idempotencyKey') ?? '');
	return /^[A-Za-z0-9_.:-]{8,128}$/.test(key) ? key : randomUUID();
}

/** Som as typed ("1 250,50") to tyiyn; NaN when it is not an amount. */
export function tyiyn(text: string): number {
	const clean = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
	return /^\d+(\.\d{1,2})?$/.test(clean) ? Math.round(Number(clean) * 100) : Number.NaN;
}

/**
 * Where a progress form sends the browser after it succeeded: the project's page with `?done=<action>` (its confirmation
 * at the top), by 303, so a reload of the answer reads the page and never posts again (as staff-progress.ts does).
 */
const progressDone = (event: RequestEvent, done: 'report' | 'disburse' | 'move') =>
	`/${event.params.lang ?? 'ky'}/organisation/projects/${encodeURIComponent(event.params.id!)}?done=${done}`;

/**
 * What the API would refuse in a post that carries a file, checked against the project before the file is uploaded
 * (issue 13 attacker 3): a refused post left its photo or document attached to the project. Field → message; empty
 * when the post may go. The API checks again (money can move in between); this only keeps the common refusals
 * (over-spend, unknown milestone, paid-on outside funded..today) from uploading anything.
 */
async function refusalBeforeUpload(
	event: RequestEvent,
	post: { milestoneId?: string; amountKgs?: number; paidOn?: string },
): Promise<Record<string, string>> {
	const project = await api(event).projects.get(event.params.id!);
	const fields: Record<string, string> = {};
	if (post.milestoneId && !project.milestones.some((ms) => ms.id === post.milestoneId)) fields.milestoneId = m.rp_error_milestone();
	const available = project.funding?.available;
	if (post.amountKgs !== undefined && available !== undefined && post.amountKgs > available) {
		fields.amountKgs = m.rp_error_over_available({ amount: formatSom(available, (event.params.lang ?? 'ky') as Locale) });
	}
	const since = project.fundedAt ?? project.publishedAt;
	if (post.paidOn && post.paidOn > bishkekDay()) fields.paidOn = m.rp_error_paid_on_future();
	else if (post.paidOn && since && post.paidOn < bishkekDay(new Date(since))) fields.paidOn = m.rp_error_paid_on_early();
	return fields;
}

/** The form's refusal from refusalBeforeUpload: 409 for an over-spend (as the API), else 400. */
const refusedBeforeUpload = (form: string, typed: Values, fields: Record<string, string>) =>
	fail(fields.amountKgs ? 409 : 400, { form, typed, fields, message: fields.amountKgs ?? m.form_error_summary() });

export const reportActions = {
	report: async (event: RequestEvent) => {
		const form = await event.request.formData();
		const values = valuesOf(form, ['milestoneId', 'text']);
		const id = event.params.id!;
		const photo = fileOf(form, 'photo');
		if (photo && (!(photo.type in UPLOAD_LIMITS) || photo.type === 'application/pdf')) {
			return fail(400, { form: 'report', typed: values, fields: { photoKeys: m.pj_error_photo_type() }, message: m.form_error_summary() });
		}
		try {
			const early = photo ? await refusalBeforeUpload(event, { milestoneId: values.milestoneId! }) : {};
			if (Object.keys(early).length) return refusedBeforeUpload('report', values, early);
			const photoKeys = photo ? [await uploadToProject(event, id, photo)] : [];
			await api(event).reports.post(id, {
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
		const values = valuesOf(form, ['amount', 'paidOn', 'purpose', 'milestoneId', 'idempotencyKey']);
		const id = event.params.id!;
		const amountKgs = tyiyn(values.amount!);
		if (!Number.isSafeInteger(amountKgs) || amountKgs <= 0) {
			return fail(400, { form: 'disburse', typed: values, fields: { amountKgs: m.rp_error_amount() }, message: m.form_error_summary() });
		}
		try {
			const doc = fileOf(form, 'document');
			const post = { amountKgs, paidOn: values.paidOn!, ...(values.milestoneId ? { milestoneId: values.milestoneId } : {}) };
			const early = doc ? await refusalBeforeUpload(event, post) : {};
			if (Object.keys(early).length) return refusedBeforeUpload('disburse', values, early);
			const documentKey = doc ? await uploadToProject(event, id, doc) : undefined;
			await api(event).reports.disburse(id, formKey(form), {
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
		const to = String(form.get('to'));
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
