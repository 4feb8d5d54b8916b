import { payByCard } from '#lib/server/card-checkout.js';
import { loadPaymentView } from '#lib/server/payment-load.js';
import { loadPledge } from '#lib/server/pledge-load.js';
import { api } from '#lib/server/api.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { pledge, displayName } = await loadPledge(event);
	const query = event.url.searchParams;
	return {
		pledge,
		displayName,
		created: query.has('created'),
		// Card pledges: whether a card can pay it now, and how the investor came back from Checkout.
		card: pledge.channel === 'card' ? await api(event).payments.cardAvailability() : null,
		returned: query.has('paid') ? ('paid' as const) : query.has('cancelled') ? ('cancelled' as const) : null,
		// Transfer pledges: the accounts for the pledge's currency, with the reference and a QR code.
		payment: await loadPaymentView(event, pledge),
	};
};

export const actions: Actions = { pay: payByCard };
