import { fail, redirect } from '@sveltejs/kit';
import { RefundPaidRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { text } from '#lib/server/forms.js';
import { requireRole } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const page = await cursorPage(event.url, (cursor) => api(event).staffOps.refunds({ cursor, limit: 50 }));
	return { ...page, now: Date.now(), paid: event.url.searchParams.get('paid') };
};

/** The field the form shows an error next to, for a field the contract or the API names. */
const FIELD_MESSAGE: Record<string, () => string> = {
	paidOn: m.so_ref_error_paid_on,
	bankReference: m.so_ref_error_bank_reference,
	note: m.so_ref_error_note,
};

export const actions: Actions = {
	paid: async (event) => {
		requireRole(event, 'staff');
		const form = await event.request.formData();
		const pledgeId = text(form, 'pledgeId');
		const values = { pledgeId, paidOn: text(form, 'paidOn'), bankReference: text(form, 'bankReference'), note: text(form, 'note') };
		const fields: Record<string, string> = {};
		const parsed = RefundPaidRequestSchema.safeParse({
			paidOn: values.paidOn,
			bankReference: values.bankReference,
			...(values.note ? { note: values.note } : {}),
		});
		if (!parsed.success)
			for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= FIELD_MESSAGE[String(issue.path[0])]?.() ?? '';
		if (!parsed.success || !pledgeId) return fail(400, { pledgeId, values, fields, error: m.form_error_summary() });
		try {
			await api(event).staffOps.markRefundPaid(pledgeId, parsed.data);
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			if (cause.status === 0 || cause.status >= 500) return fail(503, { pledgeId, values, fields, error: m.form_unavailable() });
			for (const f of cause.fields) if (FIELD_MESSAGE[f]) fields[f] = FIELD_MESSAGE[f]();
			return fail(cause.status, { pledgeId, values, fields, error: cause.problem?.title ?? m.form_error_summary() });
		}
		redirect(303, `/${getLocale()}/staff/refunds?paid=${encodeURIComponent(values.bankReference)}`);
	},
};
