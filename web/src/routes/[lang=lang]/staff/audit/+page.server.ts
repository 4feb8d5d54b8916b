import { error } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { apiFor, isStaff, requireUser } from '#lib/server/account.js';
import { ApiError } from '#lib/server/api.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	const user = requireUser(event, locale);
	if (!isStaff(user)) error(404, 'Not Found');
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await apiFor(event, locale).audit({ cursor, limit: 50 });
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};
