import { redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid } from '#lib/server/forms.js';
import { clearTokens } from '#lib/server/session.js';
import { api } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireUser(event);
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		requireUser(event);
		const form = await event.request.formData();
		// The confirmation step: nothing is deleted unless the box was ticked on this page.
		if (form.get('confirm') !== 'yes') return invalid({}, { fields: { confirm: m.error_delete_confirm() } });
		try {
			await api(event).me.delete();
		} catch (cause) {
			return apiFailure(cause, failureOptions({}));
		}
		clearTokens(event.cookies);
		event.locals.user = null;
		event.locals.accessToken = null;
		redirect(303, `/${locale}/account/deleted`);
	},
};
