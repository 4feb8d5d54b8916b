import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { apiFor, requireUser } from '#lib/server/account.js';
import { failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid } from '#lib/server/forms.js';
import { clearTokens } from '#lib/server/session.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event, getLocale());
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		requireUser(event, locale);
		const form = await event.request.formData();
		// The confirmation step: nothing is deleted unless the box was ticked on this page.
		if (form.get('confirm') !== 'yes') return invalid({}, { fields: { confirm: m.error_delete_confirm() } });
		try {
			await apiFor(event, locale).deleteAccount();
		} catch (cause) {
			return apiFailure(cause, failureOptions({}));
		}
		clearTokens(event.cookies);
		event.locals.user = null;
		event.locals.accessToken = null;
		redirect(303, `/${locale}/account/deleted`);
	},
};
