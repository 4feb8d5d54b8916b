import { redirect } from '@sveltejs/kit';
import { NOTIFICATION_KINDS, type NotificationKind } from '@mekendesh/contracts';
import { failureOptions } from '#lib/server/field-messages.js';
import { apiFailure } from '#lib/server/forms.js';
import { api } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return { preferences: await api(event).notifications.preferences() };
};

const isKind = (v: unknown): v is NotificationKind => typeof v === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(v);

export const actions: Actions = {
	/** One checkbox per kind shown (name "on"): the unticked ones are turned off, the ticked ones on; back here with ?done=saved. */
	default: async (event) => {
		requireUser(event);
		const ticked = new Set((await event.request.formData()).getAll('on').filter(isKind));
		try {
			const client = api(event).notifications;
			// Officer kinds are shown only to organisation members; nobody else is sent them, so only shown kinds count.
			const current = await client.preferences();
			await client.setOff(current.kinds.filter((k) => !ticked.has(k.kind)).map((k) => k.kind));
		} catch (cause) {
			return apiFailure(cause, failureOptions({}));
		}
		redirect(303, `${event.url.pathname}?done=saved`);
	},
};
