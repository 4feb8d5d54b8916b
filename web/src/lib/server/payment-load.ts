import type { PaymentDetails, PledgeView } from '@mekendesh/contracts';
import { api, ApiError, type ApiEvent } from './api.js';
import { optionQrSvgs } from './payment-qr.js';

/** What a pledge page shows about paying: the details with each option's QR code, or that they cannot be read now. */
export type PaymentView = { details: PaymentDetails; qr: string[] } | { unavailable: true };

/**
 * Where and how to pay a transfer pledge, for its page and receipt; null for card and in-kind pledges.
 * An unreachable API still shows the page (with the reference), saying the details cannot be shown now.
 */
export async function loadPaymentView(event: ApiEvent, pledge: Pick<PledgeView, 'id' | 'channel' | 'amount'>): Promise<PaymentView | null> {
	if (pledge.channel === 'card' || !pledge.amount) return null;
	try {
		const details = await api(event).pledges.paymentDetails(pledge.id);
		return { details, qr: await optionQrSvgs(details) };
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		console.error(`[web] payment details of ${pledge.id}: ${cause.message}`);
		return { unavailable: true };
	}
}
