import { fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { apiFailure } from '#lib/server/forms.js';
import { emptyProjectValues, PROJECT_FIELD_MESSAGES, readProjectForm } from '#lib/server/project-form.js';
import { api } from '#lib/server/api.js';
import { requireMember } from '#lib/server/guards.js';
import { rayonOptions } from '#lib/server/rayon-options.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const locale = getLocale();
	const { organisationId } = requireMember(event);
	return { values: emptyProjectValues(locale), rayons: await rayonOptions(event, locale, organisationId) };
};

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		requireMember(event);
		const read = readProjectForm(await event.request.formData());
		if (read.errors) return fail(400, { values: read.values, errors: read.errors });
		let id: string;
		try {
			id = (await api(event).projects.create(read.draft)).id;
		} catch (cause) {
			return apiFailure(cause, {
				values: read.values,
				messages: PROJECT_FIELD_MESSAGES,
				unavailable: m.form_unavailable(),
				fallback: m.form_error_summary(),
			});
		}
		redirect(303, `/${locale}/organisation/projects/${id}?created=1`);
	},
};
