import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { failureOptions } from '#lib/server/field-messages.js';
import { apiFailure } from '#lib/server/forms.js';
import { api, ApiError } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => ({
	signedIn: locals.user !== null,
	next: url.pathname,
});

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		requireUser(event);
		let organisationId: string;
		try {
			organisationId = (await api(event).organisations.acceptInvitation(event.params.token)).organisationId;
		} catch (cause) {
			// Unknown, expired and someone else's invitations get one answer (the API's 404, or a bad token's 400).
			const notValid = cause instanceof ApiError && (cause.status === 404 || cause.status === 400);
			return apiFailure(cause, failureOptions({}, {}, notValid ? { 404: m.invitation_invalid(), 400: m.invitation_invalid() } : {}));
		}
		redirect(303, `/${locale}/organisations/${organisationId}`);
	},
};
