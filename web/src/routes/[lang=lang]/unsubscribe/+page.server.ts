import { fail } from '@sveltejs/kit';
import type { UnsubscribeView } from '@mekendesh/contracts';
import { api, ApiError } from '#lib/server/api.js';
import type { Actions, PageServerLoad } from './$types';

/** Tokens are `<user>.<kind>.<signature>` (packages/domain unsubscribe.ts); anything longer is not one. */
const tokenOf = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 && value.length <= 300 ? value : null);

/** The link's kind, or null when the API does not know the link (404) or refuses it (400). */
async function view(event: Parameters<PageServerLoad>[0], token: string | null): Promise<UnsubscribeView | null> {
	if (!token) return null;
	try {
		return await api(event).notifications.readLink(token);
	} catch (cause) {
		if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) return null;
		throw cause;
	}
}

/**
 * The page an email's unsubscribe link opens: it says which emails will stop and asks; only its button (a POST)
 * unsubscribes, since link scanners open every link in an email.
 */
export const load: PageServerLoad = async (event) => {
	const token = tokenOf(event.url.searchParams.get('t'));
	return { token, link: await view(event, token) };
};

export const actions: Actions = {
	default: async (event) => {
		const token = tokenOf((await event.request.formData()).get('t'));
		try {
			if (!token) return fail(400, { invalid: true });
			return { done: await api(event).notifications.unsubscribe(token) };
		} catch (cause) {
			if (cause instanceof ApiError && (cause.status === 404 || cause.status === 400)) return fail(400, { invalid: true });
			throw cause;
		}
	},
};
