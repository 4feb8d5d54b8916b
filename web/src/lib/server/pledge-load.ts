import { error } from '@sveltejs/kit';
import type { PledgeView } from '@mekendesh/contracts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { requireUser } from './account.js';
import { ApiError } from './api-client.js';
import { moneyApi } from './money-api.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One of the signed-in person's pledges (staff: any); 404 for one that is not theirs or does not exist. */
export async function loadPledge(event: Parameters<typeof requireUser>[0] & { params: { id: string } }): Promise<{ pledge: PledgeView; displayName: string }> {
	const locale = getLocale();
	const user = requireUser(event, locale);
	if (!ID.test(event.params.id)) error(404, 'Not Found');
	try {
		return { pledge: await moneyApi(event, locale).pledge(event.params.id), displayName: user.profile.displayName };
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 404 || cause.status === 400) error(404, 'Not Found');
		console.error(`[web] pledge ${event.params.id}: ${cause.message}`);
		error(503, 'Service Unavailable', { code: 'api_unavailable' });
	}
}
