import { fail, redirect } from '@sveltejs/kit';
import { DISCOVERY_FILTERS, FOLLOW_TYPES, type FollowType } from '@mekendesh/contracts';
import { api, ApiError } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import { withDone } from '#lib/server/done.js';
import { safeNext } from '#lib/server/redirects.js';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { raw } from '#lib/server/forms.js';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return { mine: await api(event).follows.mine() };
};

const isType = (v: unknown): v is FollowType => typeof v === 'string' && (FOLLOW_TYPES as readonly string[]).includes(v);

/**
 * Runs one change for the signed-in person and goes back where the form came from (`back`, a path on this site; this
 * page by default) with `done=<done>`, which that page shows as a confirmation; so the follow and save buttons on other
 * pages work as plain forms. Signed out: the sign-in page,
 * then back. A refusal (400, 409 past the caps) stays on this page with the web's own message in the reader's language.
 */
async function change(
	event: RequestEvent,
	done: 'followed' | 'unfollowed' | 'saved' | 'removed',
	run: (form: FormData) => Promise<unknown>,
) {
	const form = await event.request.formData();
	const locale = getLocale();
	const back = safeNext(raw(form, 'back'), `/${locale}/following`);
	if (!event.locals.user) redirect(303, `/${locale}/sign-in?next=${encodeURIComponent(back)}`);
	try {
		await run(form);
	} catch (cause) {
		if (!(cause instanceof ApiError)) throw cause;
		const message = cause.status === 409 ? m.follows_full() : cause.status === 404 ? m.follows_gone() : m.follows_failed();
		return fail(cause.status >= 500 ? 503 : cause.status, { error: message });
	}
	redirect(303, withDone(back, done));
}

export const actions: Actions = {
	follow: (event) =>
		change(event, 'followed', async (form) => {
			const type = raw(form, 'type');
			if (!isType(type)) throw new ApiError(400, 'type');
			await api(event).follows.follow(type, raw(form, 'id'));
		}),
	unfollow: (event) =>
		change(event, 'unfollowed', async (form) => {
			const type = raw(form, 'type');
			if (!isType(type)) throw new ApiError(400, 'type');
			await api(event).follows.unfollow(type, raw(form, 'id'));
		}),
	/** The projects page's filters and words as its form sends them; the API checks them (400 naming the field). */
	save: (event) =>
		change(event, 'saved', async (form) => {
			const query = Object.fromEntries(DISCOVERY_FILTERS.flatMap((k) => (raw(form, k).trim() ? [[k, raw(form, k).trim()]] : [])));
			await api(event).follows.saveSearch(query);
		}),
	remove: (event) => change(event, 'removed', (form) => api(event).follows.removeSearch(raw(form, 'searchId'))),
};
