import { redirect } from '@sveltejs/kit';
import { SignUpRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions, namePasswordRules } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, raw, text } from '#lib/server/forms.js';
import { pendingSignIns } from '#lib/server/pending-sign-in.js';
import { safeNext } from '#lib/server/redirects.js';
import { api } from '#lib/server/api.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'), `/${getLocale()}`);
	if (locals.user) redirect(303, next);
	return { next };
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		// The password is never sent back to the page.
		const values = {
			email: text(form, 'email'),
			displayName: text(form, 'displayName'),
			next: safeNext(text(form, 'next'), `/${locale}`),
		};
		const password = raw(form, 'password');
		const parsed = SignUpRequestSchema.safeParse({ email: values.email, displayName: values.displayName, password, locale });
		if (!parsed.success) {
			return invalid(
				values,
				namePasswordRules(localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()), password),
			);
		}
		try {
			// The API answers the same whether or not the email already has an account; so does this page.
			await api(event).auth.signUp(parsed.data);
		} catch (cause) {
			const failure = apiFailure(cause, failureOptions(values));
			namePasswordRules(failure.data.errors, password);
			return failure;
		}
		// Once the code is confirmed, this browser is signed in without typing the password again.
		pendingSignIns.hold(event.cookies, { email: parsed.data.email, password: parsed.data.password });
		redirect(303, `/${locale}/confirm?${new URLSearchParams({ email: parsed.data.email, sent: '1', next: values.next })}`);
	},
};
