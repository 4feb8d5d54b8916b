import { bishkekDay } from '#lib/duration.js';
import { loadPaymentView } from '#lib/server/payment-load.js';
import { loadPledge } from '#lib/server/pledge-load.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const loaded = await loadPledge(event);
	return { ...loaded, printedAt: bishkekDay(), payment: await loadPaymentView(event, loaded.pledge) };
};
