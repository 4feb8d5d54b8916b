import { error } from '@sveltejs/kit';
import type { PledgeView } from '@mekendesh/contracts';
import { api, ApiError, type ApiEvent } from './api.js';
import { requireUser, type GuardEvent } from './guards.js';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One of the signed-in person's pledges (staff: any); 404 for one that is not theirs or does not exist. */
export async function loadPledge(
	event: GuardEvent & ApiEvent & { params: { id: string } },
): Promise<{ pledge: PledgeView; displayName: string }> {
	const user = requireUser(event);
	if (!ID.test(event.params.id)) error(404, 'Not Found');
	try {
		return { pledge: await api(event).pledges.get(event.params.id), displayName: user.profile.displayName };
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		if (cause.status === 404 || cause.status === 400) error(404, 'Not Found');
		console.error(`[web] pledge ${event.params.id}: ${cause.message}`);
		error(503, 'Service Unavailable', { code: 'api_unavailable' });
	}
}
