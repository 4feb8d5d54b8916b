import { fail } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { apiFor, requireUser } from '#lib/server/account.js';
import { failureOptions } from '#lib/server/field-messages.js';
import { apiFailure } from '#lib/server/forms.js';
import { readProfileForm } from '#lib/server/profile-form.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, getLocale());
	return { email: user.email, profile: user.profile };
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		requireUser(event, locale);
		const read = readProfileForm(await event.request.formData());
		if ('errors' in read) return fail(400, { values: read.values, errors: read.errors });
		try {
			// Actions run before load: the page then renders the saved profile, not the one read by hooks.
			event.locals.user = await apiFor(event, locale).updateProfile(read.profile);
		} catch (cause) {
			return apiFailure(cause, failureOptions(read.values));
		}
		return { saved: true };
	},
};
