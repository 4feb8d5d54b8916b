import { redirect, type Cookies } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { TotpCodeSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, localizeFields, text, type FormErrors } from '#lib/server/forms.js';
import { safeNext } from '#lib/server/redirects.js';
import { clearTokens } from '#lib/server/session.js';
import { api } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES = { ...FIELD_MESSAGES, code: m.error_totp_code, currentCode: m.error_totp_current_code };

/**
 * With two-step already on, the current app's code (`currentCode`) comes with any change (the API refuses without it):
 * undefined when not asked for, the code, or null when asked for and not 6 digits.
 */
function currentCodeOf(form: FormData, on: boolean): string | null | undefined {
	if (!on) return undefined;
	const parsed = TotpCodeSchema.safeParse(text(form, 'currentCode'));
	return parsed.success ? parsed.data : null;
}

/**
 * The setup under way, kept for the session (issue 14 new-user review 8): a language link is a GET that would lose the
 * action's answer, and starting again makes a new key. An HttpOnly cookie for 15 minutes holds what the page shows (the
 * key and its URI, never more: the API keeps the real pending secret and checks the code against it), tied to the email;
 * read back only when it has the shape of a base32 key and an otpauth:// TOTP URI. Cleared when confirmed.
 */
const SETUP_COOKIE = 'two_step_setup';
const SETUP_MAX_AGE = 15 * 60;

function keepSetup(cookies: Cookies, email: string, secret: string, uri: string) {
	cookies.set(SETUP_COOKIE, JSON.stringify({ email, secret, uri }), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: SETUP_MAX_AGE });
}

function keptSetup(cookies: Cookies, email: string): { secret: string; uri: string } | null {
	try {
		const kept = JSON.parse(cookies.get(SETUP_COOKIE) ?? 'null') as { email?: unknown; secret?: unknown; uri?: unknown } | null;
		if (!kept || kept.email !== email || typeof kept.secret !== 'string' || typeof kept.uri !== 'string') return null;
		if (!/^[A-Z2-7]{16,128}=*$/.test(kept.secret) || !kept.uri.startsWith('otpauth://totp/')) return null;
		return { secret: kept.secret, uri: kept.uri };
	} catch {
		return null;
	}
}

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const kept = keptSetup(event.cookies, user.email);
	return {
		setup: kept ? await setupView(kept.secret, kept.uri) : null,
		status: user.twoStep,
		required: event.url.searchParams.has('required') || user.twoStep === 'required',
		next: safeNext(event.url.searchParams.get('next'), `/${getLocale()}/account`),
	};
};

/** The secret as an authenticator app reads it: the otpauth:// URI drawn as an SVG QR code on the server (no script). */
async function setupView(secret: string, uri: string) {
	return { secret, uri, qr: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
}

export const actions: Actions = {
	/**
	 * A new secret from the identity provider, shown as a QR code and as text, with the field for the first code.
	 * Replacing the app of an account with two-step on takes a code of the current app too (and emails the owner).
	 */
	start: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const next = safeNext(text(form, 'next'), `/${getLocale()}/account`);
		const currentCode = currentCodeOf(form, user.twoStep === 'on');
		if (currentCode === null) return invalid({ next }, localizeFields(['currentCode'], MESSAGES, m.form_error_summary()));
		try {
			const { secret, uri } = await api(event).auth.startTwoStep(currentCode);
			keepSetup(event.cookies, user.email, secret, uri);
			return { setup: await setupView(secret, uri), values: { next }, errors: { fields: {} } as FormErrors };
		} catch (cause) {
			return apiFailure(cause, failureOptions({ next }, MESSAGES));
		}
	},
	/** The first code confirms it; every session ends (none passed a code), so the person signs in again with one. */
	confirm: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const next = safeNext(text(form, 'next'), `/${getLocale()}/account`);
		// The secret travels back only to draw the same QR code again if the code is wrong; the API keeps the real one.
		const setup = await setupView(text(form, 'secret'), text(form, 'uri'));
		const parsed = TotpCodeSchema.safeParse(text(form, 'code'));
		const currentCode = currentCodeOf(form, user.twoStep === 'on');
		const bad = [...(parsed.success ? [] : ['code']), ...(currentCode === null ? ['currentCode'] : [])];
		if (!parsed.success || currentCode === null) return invalid({ next, setup }, localizeFields(bad, MESSAGES, m.form_error_summary()));
		try {
			await api(event).auth.confirmTwoStep(parsed.data, currentCode);
		} catch (cause) {
			return apiFailure(cause, failureOptions({ next, setup }, MESSAGES));
		}
		clearTokens(event.cookies);
		event.cookies.delete(SETUP_COOKIE, { path: '/' });
		redirect(303, `/${getLocale()}/sign-in?two-step=1&email=${encodeURIComponent(user.email)}&next=${encodeURIComponent(next)}`);
	},
};
