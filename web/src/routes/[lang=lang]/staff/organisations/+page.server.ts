import { error, redirect } from '@sveltejs/kit';
import { ReviewDecisionSchema, type OrganisationStatus } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { pickText } from '#lib/localized-text.js';
import { apiFor, isStaff, requireUser } from '#lib/server/account.js';
import { ApiError } from '#lib/server/api.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, text } from '#lib/server/forms.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const STATUSES: OrganisationStatus[] = ['pending', 'approved', 'rejected'];

/** Staff only; anyone else gets the same 404 as for a page that does not exist. */
function requireStaff(event: RequestEvent) {
	const user = requireUser(event, getLocale());
	if (!isStaff(user)) error(404, 'Not Found');
	return user;
}

export const load: PageServerLoad = async (event) => {
	requireStaff(event);
	const locale = getLocale();
	const asked = event.url.searchParams.get('status') as OrganisationStatus | null;
	const status = asked && STATUSES.includes(asked) ? asked : 'pending';
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await apiFor(event, locale).reviewQueue({ status, cursor, limit: 20 });
		return { status, statuses: STATUSES, items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor, now: new Date().toISOString() };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};

async function review(event: RequestEvent, decision: 'approve' | 'reject') {
	requireStaff(event);
	const locale = getLocale();
	const form = await event.request.formData();
	const values = { id: text(form, 'id'), reason: text(form, 'reason'), decision };
	if (!/^org-[a-z0-9-]{3,80}$/.test(values.id)) error(404, 'Not Found');
	if (decision === 'reject' && !ReviewDecisionSchema.safeParse({ reason: values.reason }).success) {
		return invalid(values, { fields: { reason: m.error_reject_reason() } });
	}
	let name: string;
	try {
		const api = apiFor(event, locale);
		const done = decision === 'approve' ? await api.approve(values.id) : await api.reject(values.id, values.reason);
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
