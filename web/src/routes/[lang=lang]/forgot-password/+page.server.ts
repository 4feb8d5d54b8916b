import { redirect } from '@sveltejs/kit';
import { ForgotPasswordRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { apiFor } from '#lib/server/account.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		const values = { email: text(form, 'email') };
		const parsed = ForgotPasswordRequestSchema.safeParse({ ...values, locale });
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()));
		try {
			await apiFor(event, locale).forgotPassword({ email: parsed.data.email, locale });
		} catch (cause) {
			return apiFailure(cause, failureOptions(values));
		}
		// Same answer whether or not the account exists.
		redirect(303, `/${locale}/reset-password?email=${encodeURIComponent(parsed.data.email)}&sent=1`);
	},
};
