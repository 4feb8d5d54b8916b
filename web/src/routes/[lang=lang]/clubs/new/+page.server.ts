import { redirect } from '@sveltejs/kit';
import { ClubCreateSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api } from '#lib/server/api.js';
import { apiFailure, invalid, issueFields, localizeFields, optional, text, type FieldMessages } from '#lib/server/forms.js';
import { requireUser } from '#lib/server/guards.js';
import { rayonGroups } from '#lib/territory-options.js';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES: FieldMessages = {
	name: m.clubs_error_name,
	homeRayon: m.clubs_error_rayon,
	homeSettlement: m.clubs_error_text,
	residenceCountry: m.clubs_error_country,
	residenceCity: m.clubs_error_city,
	description: m.clubs_error_text,
};

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return { rayons: rayonGroups(getLocale()) };
};

export const actions: Actions = {
	/** Founds the club (the API checks the rayon) and opens its page. */
	default: async (event) => {
		requireUser(event);
		const form = await event.request.formData();
		const values = {
			name: text(form, 'name'),
			homeRayon: text(form, 'homeRayon'),
			homeSettlement: text(form, 'homeSettlement'),
			residenceCountry: text(form, 'residenceCountry'),
			residenceCity: text(form, 'residenceCity'),
			description: text(form, 'description'),
		};
		const parsed = ClubCreateSchema.safeParse({
			...values,
			homeSettlement: optional(form, 'homeSettlement') ?? undefined,
			description: optional(form, 'description') ?? undefined,
		});
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), MESSAGES, m.form_error_summary()));
		let id: string;
		try {
			id = (await api(event).clubs.create(parsed.data)).id;
		} catch (cause) {
			return apiFailure(cause, { messages: MESSAGES, values, unavailable: m.form_unavailable(), fallback: m.form_error_summary() });
		}
		redirect(303, `/${getLocale()}/clubs/${encodeURIComponent(id)}`);
	},
};
