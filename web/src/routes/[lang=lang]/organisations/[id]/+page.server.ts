import { error } from '@sveltejs/kit';
import { InvitationRequestSchema, type OrganisationDetail } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import { api, ApiError } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import { followingOf } from '#lib/server/following.js';
import type { Actions, PageServerLoad } from './$types';

const isDetail = (o: object): o is OrganisationDetail => 'members' in o;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	try {
		const organisation = await api(event).organisations.get(event.params.id);
		return {
			organisation,
			detail: isDetail(organisation) ? organisation : null,
			isAdmin: user.organisationId === organisation.id && user.organisationRole === 'admin',
			isMember: user.organisationId === organisation.id,
			following: await followingOf(event, 'organisation', organisation.id),
		};
	} catch (cause) {
		if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400 || cause.status === 403)) error(404, 'Not Found');
		throw cause;
	}
};

export const actions: Actions = {
	invite: async (event) => {
		const locale = getLocale();
		const user = requireUser(event);
		if (user.organisationId !== event.params.id || user.organisationRole !== 'admin') error(404, 'Not Found');
		const form = await event.request.formData();
		const values = { email: text(form, 'email'), locale: text(form, 'locale') || locale };
		const parsed = InvitationRequestSchema.safeParse(values);
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()));
		try {
			await api(event).organisations.invite(event.params.id, parsed.data);
		} catch (cause) {
			return apiFailure(cause, failureOptions(values));
		}
		return { invited: parsed.data.email };
	},
};
