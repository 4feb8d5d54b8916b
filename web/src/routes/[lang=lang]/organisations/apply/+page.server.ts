import { redirect } from '@sveltejs/kit';
import { LOCALES, OrganisationApplicationSchema, OrganisationKindSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import { api } from '#lib/server/api.js';
import { requireUser } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { email: user.email };
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		requireUser(event);
		const form = await event.request.formData();
		const values = {
			name_ky: text(form, 'name_ky'),
			name_ru: text(form, 'name_ru'),
			name_en: text(form, 'name_en'),
			kind: text(form, 'kind'),
			territorySoate: text(form, 'territorySoate'),
			settlement: text(form, 'settlement'),
			applicantPosition: text(form, 'applicantPosition'),
			contactPhone: text(form, 'contactPhone'),
			contactEmail: text(form, 'contactEmail'),
		};
		// Only the languages actually written; the settlement is written in the page's language.
		const name = Object.fromEntries(LOCALES.flatMap((l) => (values[`name_${l}`] ? [[l, values[`name_${l}`]]] : [])));
		const parsed = OrganisationApplicationSchema.safeParse({
			name,
			kind: OrganisationKindSchema.safeParse(values.kind).success ? values.kind : undefined,
			territorySoate: values.territorySoate,
			...(values.settlement ? { settlement: { [locale]: values.settlement } } : {}),
			applicantPosition: values.applicantPosition,
			contactPhone: values.contactPhone,
			contactEmail: values.contactEmail,
		});
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()));
		let id: string;
		try {
			id = (await api(event).organisations.apply(parsed.data)).id;
		} catch (cause) {
			return apiFailure(cause, failureOptions(values));
		}
		redirect(303, `/${locale}/organisations/${id}`);
	},
};
