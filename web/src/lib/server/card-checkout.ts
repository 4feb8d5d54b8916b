import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Locale } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError } from './api.js';
import { requireUser } from './guards.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The "Pay by card" form action of a pledge page: asks the API for the pledge's Stripe Checkout and sends the
 * browser there (303). Without JavaScript this is a plain POST; the API's reason comes back as `cardError`.
 * @example export const actions = { pay: payByCard };
 */
export async function payByCard(event: RequestEvent<{ id: string }>) {
	const locale: Locale = getLocale();
	requireUser(event);
	if (!ID.test(event.params.id)) return fail(404, { cardError: m.card_error_unavailable() });
	let url: string;
	try {
		url = (await api(event).pledges.checkout(event.params.id, locale)).url;
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.unavailable || !cause.problem) {
			console.error(`[web] checkout: ${cause.message}`);
			return fail(503, { cardError: m.card_error_unavailable() });
		}
		// 409/422: not payable by card (not configured, a RUB pledge, already paid); the API says why in the page's
		// language. A detail it has only in English is never sent for ky or ru: then the title, also localized.
		return fail(cause.status, { cardError: cause.problem.detail ?? cause.problem.title });
	}
	redirect(303, url);
}
