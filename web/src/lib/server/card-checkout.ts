import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { CheckoutSchema, ProblemSchema, type Locale } from '@mekendesh/contracts';
import { API_URL } from '$app/env/private';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { requireUser } from './account.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The "Pay by card" form action of a pledge page: asks the API for the pledge's Stripe Checkout and sends the
 * browser there (303). Without JavaScript this is a plain POST; the API's reason comes back as `cardError`.
 * @example export const actions = { pay: payByCard };
 */
export async function payByCard(event: RequestEvent<{ id: string }>) {
	const locale: Locale = getLocale();
	requireUser(event, locale);
	if (!ID.test(event.params.id)) return fail(404, { cardError: m.card_error_unavailable() });
	let response: Response;
	try {
		response = await event.fetch(`${API_URL.replace(/\/+$/, '')}/v1/pledges/${encodeURIComponent(event.params.id)}/checkout`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': locale, authorization: `Bearer ${event.locals.accessToken}` },
			body: JSON.stringify({ locale }),
			signal: AbortSignal.timeout(15_000),
		});
	} catch (cause) {
		console.error(`[web] checkout unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
		return fail(503, { cardError: m.card_error_unavailable() });
	}
	const json: unknown = await response.json().catch(() => undefined);
	const checkout = response.ok ? CheckoutSchema.safeParse(json) : undefined;
	if (checkout?.success) redirect(303, checkout.data.url);
	const problem = ProblemSchema.safeParse(json);
	if (response.status >= 500 || !problem.success) return fail(503, { cardError: m.card_error_unavailable() });
	// 409/422: not payable by card (not configured, a RUB pledge, already paid); the API says why in the page's language
	// (Accept-Language above). A detail it has only in English is never sent for ky or ru: then the title, also localized.
	return fail(response.status, { cardError: problem.data.detail ?? problem.data.title });
}
