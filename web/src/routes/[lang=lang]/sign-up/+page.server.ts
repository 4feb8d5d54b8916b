import { redirect } from '@sveltejs/kit';
import { SignUpRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { apiFor } from '#lib/server/account.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, `/${getLocale()}/account`);
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		// The password is never sent back to the page.
		const values = { email: text(form, 'email'), displayName: text(form, 'displayName') };
		const parsed = SignUpRequestSchema.safeParse({ ...values, password: String(form.get('password') ?? ''), locale });
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()));
		try {
			// The API answers the same whether or not the email already has an account; so does this page.
			await apiFor(event, locale).signUp(parsed.data);
		} catch (cause) {
			return apiFailure(cause, failureOptions(values));
		}
		redirect(303, `/${locale}/confirm?email=${encodeURIComponent(parsed.data.email)}&sent=1`);
	},
};
