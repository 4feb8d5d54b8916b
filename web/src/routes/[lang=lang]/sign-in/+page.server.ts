import { redirect } from '@sveltejs/kit';
import { SignInRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import { pendingSignIns } from '#lib/server/pending-sign-in.js';
import { safeNext } from '#lib/server/redirects.js';
import { storeTokens } from '#lib/server/session.js';
import { api, ApiError } from '#lib/server/api.js';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES = { ...FIELD_MESSAGES, password: m.error_password_required };

export const load: PageServerLoad = ({ locals, url }) => {
	// Without a return address: the home page, which leads with what is for this person.
	const next = safeNext(url.searchParams.get('next'), `/${getLocale()}`);
	if (locals.user) redirect(303, next);
	return {
		next,
		email: url.searchParams.get('email') ?? '',
		notice: url.searchParams.has('confirmed')
			? m.confirmed_notice()
			: url.searchParams.has('reset')
				? m.password_reset_notice()
				: url.searchParams.has('signed-out')
					? m.signed_out_notice()
					: null,
	};
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		const values = { email: text(form, 'email'), next: safeNext(text(form, 'next'), `/${locale}`), unconfirmed: false };
		const parsed = SignInRequestSchema.safeParse({ email: values.email, password: String(form.get('password') ?? '') });
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), MESSAGES, m.form_error_summary()));
		try {
			storeTokens(event.cookies, await api(event).auth.signIn(parsed.data));
			// A sign-up still waiting for its code is not needed any more.
			pendingSignIns.discard(event.cookies);
		} catch (cause) {
			// 409: the account exists but its email is not confirmed yet; the page then links to the code form.
			values.unconfirmed = cause instanceof ApiError && cause.status === 409;
			return apiFailure(cause, failureOptions(values, MESSAGES, { 401: m.error_sign_in_failed(), 409: m.error_not_confirmed() }));
		}
		// An existing account: a link's for-you answers only prefill the profile form (`next`), for the person to
		// save or not. Only the confirmation of an account made from the offer saves them (keepAnswers).
		redirect(303, values.next);
	},
};
