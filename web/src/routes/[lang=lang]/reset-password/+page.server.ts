import { redirect } from '@sveltejs/kit';
import { ResetPasswordRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { apiFor } from '#lib/server/account.js';
import { FIELD_MESSAGES, failureOptions } from '#lib/server/field-messages.js';
import { apiFailure, invalid, issueFields, localizeFields, text } from '#lib/server/forms.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
	email: url.searchParams.get('email') ?? '',
	sent: url.searchParams.has('sent'),
});

export const actions: Actions = {
	default: async (event) => {
		const locale = getLocale();
		const form = await event.request.formData();
		const values = { email: text(form, 'email'), code: text(form, 'code').replace(/\s/g, '') };
		const parsed = ResetPasswordRequestSchema.safeParse({ ...values, password: String(form.get('password') ?? '') });
		if (!parsed.success) return invalid(values, localizeFields(issueFields(parsed.error), FIELD_MESSAGES, m.form_error_summary()));
		try {
			await apiFor(event, locale).resetPassword(parsed.data);
		} catch (cause) {
			return apiFailure(cause, failureOptions(values, { ...FIELD_MESSAGES, code: m.error_code_wrong }));
		}
		redirect(303, `/${locale}/sign-in?reset=1&email=${encodeURIComponent(parsed.data.email)}`);
	},
};
