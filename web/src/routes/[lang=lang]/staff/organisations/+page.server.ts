import { error, redirect } from '@sveltejs/kit';
import { ReviewDecisionSchema, type OrganisationStatus } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { pickText } from '#lib/localized-text.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, text } from '#lib/server/forms.js';
import { api } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { requireRole } from '#lib/server/guards.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const STATUSES: OrganisationStatus[] = ['pending', 'approved', 'rejected'];

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const asked = event.url.searchParams.get('status') as OrganisationStatus | null;
	const status = asked && STATUSES.includes(asked) ? asked : 'pending';
	const page = await cursorPage(event.url, (cursor) => api(event).organisations.reviewQueue({ status, cursor, limit: 20 }));
	return { status, statuses: STATUSES, ...page, now: new Date().toISOString() };
};

async function review(event: RequestEvent, decision: 'approve' | 'reject') {
	requireRole(event, 'staff');
	const locale = getLocale();
	const form = await event.request.formData();
	const values = { id: text(form, 'id'), reason: text(form, 'reason'), decision };
	if (!/^org-[a-z0-9-]{3,80}$/.test(values.id)) error(404, 'Not Found');
	if (decision === 'reject' && !ReviewDecisionSchema.safeParse({ reason: values.reason }).success) {
		return invalid(values, { fields: { reason: m.error_reject_reason() } });
	}
	let name: string;
	try {
		const organisations = api(event).organisations;
		const done = decision === 'approve' ? await organisations.approve(values.id) : await organisations.reject(values.id, values.reason);
		name = pickText(done.name, locale)?.text ?? done.id;
	} catch (cause) {
		return apiFailure(cause, failureOptions(values, FIELD_MESSAGES));
	}
	// Back to the list (post/redirect/get), with a notice of what was done.
	redirect(303, `/${locale}/staff/organisations?done=${decision}&name=${encodeURIComponent(name)}`);
}

export const actions: Actions = {
	approve: (event) => review(event, 'approve'),
	reject: (event) => review(event, 'reject'),
};
