import { redirect, type RequestEvent } from '@sveltejs/kit';
import { SignInRequestSchema, TotpCodeSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, raw, text, type FormErrors } from '#lib/server/forms.js';
import { pendingSignIns } from '#lib/server/pending-sign-in.js';
import { safeNext } from '#lib/server/redirects.js';
import { storeTokens } from '#lib/server/session.js';
import { api, ApiError } from '#lib/server/api.js';
import type { Tokens } from '@mekendesh/contracts';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES = { ...FIELD_MESSAGES, password: m.error_password_required, code: m.error_totp_code };

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
					: url.searchParams.has('two-step')
						? m.two_step_done_notice()
						: null,
	};
};

/** What the form keeps between its two steps: the TOTP step carries the API's challenge token `session` (empty: password step). */
interface SignInValues {
	email: string;
	next: string;
	unconfirmed: boolean;
	session: string;
}

/** Signed in: the tokens in their cookies, a pending sign-up forgotten. */
function finish(event: RequestEvent, tokens: Tokens) {
	storeTokens(event.cookies, tokens);
	// A sign-up still waiting for its code is not needed any more.
	pendingSignIns.discard(event.cookies);
}

/** The second step of an account with two-step sign-in: the code its authenticator app shows (no JavaScript needed). */
async function answerCode(event: RequestEvent, form: FormData, values: SignInValues) {
	const parsed = TotpCodeSchema.safeParse(text(form, 'code'));
	if (!parsed.success) return invalid(values, localizeFields(['code'], MESSAGES, m.form_error_summary()));
	try {
		// The challenge token alone names the account (the API bound it to the email that signed in).
		finish(event, await api(event).auth.answerTotp({ session: values.session, code: parsed.data }));
	} catch (cause) {
		// An expired challenge cannot be answered: back to the password step.
		const expired = cause instanceof ApiError && cause.problem?.errors?.some((e) => e.field === 'session');
		if (expired) return invalid({ ...values, session: '' }, { fields: {}, form: m.error_totp_session() });
		return apiFailure(cause, failureOptions(values, MESSAGES));
	}
	redirect(303, values.next);
}

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		const values: SignInValues = {
			email: text(form, 'email'),
			next: safeNext(text(form, 'next'), `/${locale}`),
			unconfirmed: false,
			session: text(form, 'session'),
		};
		if (values.session) return answerCode(event, form, values);
		const parsed = SignInRequestSchema.safeParse({ email: values.email, password: raw(form, 'password') });
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), MESSAGES, m.form_error_summary()));
		try {
			const result = await api(event).auth.signIn(parsed.data);
			// Two-step sign-in: the same page asks for the code, carrying the challenge (never the password).
			if ('challenge' in result)
				return { values: { ...values, email: parsed.data.email, session: result.session }, errors: { fields: {} } as FormErrors };
			finish(event, result);
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
