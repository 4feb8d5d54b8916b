import { error } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { requireUser } from '#lib/server/account.js';
import { ApiError } from '#lib/server/api-client.js';
import { moneyApi } from '#lib/server/money-api.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	requireUser(event, locale);
	const cursor = event.url.searchParams.get('cursor') || undefined;
	try {
		const page = await moneyApi(event, locale).myPledges({ cursor, limit: 20 });
		return { items: page.items, nextCursor: page.nextCursor, isFirstPage: !cursor };
	} catch (cause) {
		if (cursor && cause instanceof ApiError && cause.status === 400) error(404, 'Not Found');
		throw cause;
	}
};
