import { error } from '@sveltejs/kit';
import { api, ApiError } from '#lib/server/api.js';
import type { PageServerLoad } from './$types';

// Local runs only: the API mounts GET /v1/dev/outbox only where a dev outbox replaces email. Elsewhere: 404.
export const load: PageServerLoad = async (event) => {
	event.setHeaders({ 'cache-control': 'no-store' });
	try {
		const items = await api(event).dev.outbox();
		return { items: items.toSorted((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)) };
	} catch (cause) {
		if (cause instanceof ApiError && cause.status === 404) error(404, 'Not Found');
		throw cause;
	}
};
