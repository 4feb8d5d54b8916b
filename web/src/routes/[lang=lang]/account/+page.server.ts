import { fail } from '@sveltejs/kit';
import { profileSuggestion } from '#lib/match-answers.js';
import { failureOptions } from '#lib/server/field-messages.js';
import { apiFailure } from '#lib/server/forms.js';
import { readProfileForm } from '#lib/server/profile-form.js';
import { api } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	// Answers the for-you question flow carried here through sign-up (validated; only home, interests and amount).
	return { email: user.email, profile: user.profile, suggested: profileSuggestion(event.url.searchParams) };
};

export const actions: Actions = {
	default: async (event) => {
		requireUser(event);
		const read = readProfileForm(await event.request.formData());
		if ('errors' in read) return fail(400, { values: read.values, errors: read.errors });
		try {
			// Actions run before load: the page then renders the saved profile, not the one read by hooks.
			event.locals.user = await api(event).me.updateProfile(read.profile);
		} catch (cause) {
			return apiFailure(cause, failureOptions(read.values));
		}
		return { saved: true };
	},
};
