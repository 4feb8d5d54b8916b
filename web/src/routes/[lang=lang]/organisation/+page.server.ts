import { redirect } from '@sveltejs/kit';
import { getLocale } from '#lib/paraglide/runtime.js';
import { requireUser } from '#lib/server/guards.js';
import type { PageServerLoad } from './$types';

// "My organisation": the officer's organisation page, or a way to register one.
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	if (user.organisationId) redirect(303, `/${getLocale()}/organisations/${user.organisationId}`);
};
