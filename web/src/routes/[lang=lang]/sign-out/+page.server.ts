import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { REFRESH_COOKIE, clearTokens } from '#lib/server/session.js';
import { api, ApiError } from '#lib/server/api.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, `/${getLocale()}/sign-in`);
};

/** Revokes the refresh token (and, everywhere, every token issued so far), then forgets the cookies. */
async function signOut(event: RequestEvent, everywhere: boolean): Promise<never> {
	const locale = getLocale();
	const refreshToken = event.cookies.get(REFRESH_COOKIE);
	if (event.locals.user) {
		try {
			await api(event).auth.signOut({ ...(refreshToken ? { refreshToken } : {}), everywhere });
		} catch (cause) {
			// The cookies go regardless: a sign-out must never leave the person signed in on this device.
			if (!(cause instanceof ApiError)) throw cause;
			console.error(`[web] sign-out: ${cause.message}`);
		}
	}
	clearTokens(event.cookies);
	event.locals.user = null;
	event.locals.accessToken = null;
	redirect(303, `/${locale}/sign-in?signed-out=1`);
}

export const actions: Actions = {
	here: (event) => signOut(event, false),
	everywhere: (event) => signOut(event, true),
};
