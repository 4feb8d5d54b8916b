import { redirect } from '@sveltejs/kit';
import { ConfirmRequestSchema, type Locale } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import { pendingSignIns } from '#lib/server/pending-sign-in.js';
import { keepAnswers } from '#lib/server/keep-answers.js';
import { safeNext } from '#lib/server/redirects.js';
import { storeTokens } from '#lib/server/session.js';
import { api, ApiError } from '#lib/server/api.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	email: url.searchParams.get('email') ?? '',
	sent: url.searchParams.has('sent'),
	next: safeNext(url.searchParams.get('next'), `/${getLocale()}`),
});

/** Signs in the browser that signed up, with the password it held for this email: its access token, or null when it cannot. */
async function signInHeld(event: RequestEvent, locale: Locale, email: string): Promise<string | null> {
	const held = pendingSignIns.take(event.cookies, email);
	if (!held) return null;
	try {
		const tokens = await api(event).auth.signIn(held);
		// A new account has no two-step sign-in; if it ever had, the sign-in page asks for the code.
		if ('challenge' in tokens) return null;
		storeTokens(event.cookies, tokens);
		return tokens.accessToken;
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		// The sign-in page then asks for the password, with the return address kept.
		if (cause.status === 0 || cause.status >= 500) console.error(`[web] sign-in after confirmation: ${cause.message}`);
		return null;
	}
}

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		const values = {
			email: text(form, 'email'),
			code: text(form, 'code').replace(/\s/g, ''),
			next: safeNext(text(form, 'next'), `/${locale}`),
		};
		const parsed = ConfirmRequestSchema.safeParse({ email: values.email, code: values.code });
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()));
		try {
			await api(event).auth.confirm(parsed.data);
		} catch (cause) {
			return apiFailure(cause, failureOptions(values, { ...FIELD_MESSAGES, code: m.error_code_wrong }));
		}
		const accessToken = await signInHeld(event, locale, parsed.data.email);
		// The for-you answers carried in `next` by the sign-up offer are saved now, not left to the profile form.
		if (accessToken) redirect(303, await keepAnswers(event, values.next, accessToken));
		redirect(303, `/${locale}/sign-in?${new URLSearchParams({ confirmed: '1', email: parsed.data.email, next: values.next })}`);
	},
};
