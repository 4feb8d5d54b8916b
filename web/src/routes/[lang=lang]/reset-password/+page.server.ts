import { redirect } from '@sveltejs/kit';
import { ResetPasswordRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions, namePasswordRules } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, raw, text } from '#lib/server/forms.js';
import { safeNext } from '#lib/server/redirects.js';
import { api } from '#lib/server/api.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	email: url.searchParams.get('email') ?? '',
	sent: url.searchParams.has('sent'),
	next: safeNext(url.searchParams.get('next'), `/${getLocale()}`),
});

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		const values = {
			email: text(form, 'email'),
			code: text(form, 'code').replace(/\s/g, ''),
			next: safeNext(text(form, 'next'), `/${locale}`),
		};
		const password = raw(form, 'password');
		const parsed = ResetPasswordRequestSchema.safeParse({ email: values.email, code: values.code, password });
		if (!parsed.success) {
			return invalid(
				values,
				namePasswordRules(localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()), password),
			);
		}
		try {
			await api(event).auth.resetPassword(parsed.data);
		} catch (cause) {
			const failure = apiFailure(cause, failureOptions(values, { ...FIELD_MESSAGES, code: m.error_code_wrong }));
			namePasswordRules(failure.data.errors, password);
			return failure;
		}
		redirect(303, `/${locale}/sign-in?${new URLSearchParams({ reset: '1', email: parsed.data.email, next: values.next })}`);
	},
};
