import { redirect } from '@sveltejs/kit';
import { ForgotPasswordRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import { safeNext } from '#lib/server/redirects.js';
import { api } from '#lib/server/api.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ next: safeNext(url.searchParams.get('next'), `/${getLocale()}`) });

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		const values = { email: text(form, 'email'), next: safeNext(text(form, 'next'), `/${locale}`) };
		const parsed = ForgotPasswordRequestSchema.safeParse({ email: values.email, locale });
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()));
		try {
			await api(event).auth.forgotPassword({ email: parsed.data.email, locale });
		} catch (cause) {
			return apiFailure(cause, failureOptions(values));
		}
		// Same answer whether or not the account exists.
		redirect(303, `/${locale}/reset-password?${new URLSearchParams({ email: parsed.data.email, sent: '1', next: values.next })}`);
	},
};
