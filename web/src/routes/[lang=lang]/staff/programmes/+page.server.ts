import { fail, redirect } from '@sveltejs/kit';
import { PledgeTypeSchema, ProgrammeRequestSchema, ProjectKindSchema, SECTORS } from '@mekendesh/contracts';
import { OBLASTS } from '@mekendesh/territories';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { parseSomInput } from '#lib/money-input.js';
import { checked, issueFields, text } from '#lib/server/forms.js';
import { api, ApiError } from '#lib/server/api.js';
import { requireRole } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	return { programmes: await api(event).money.programmes(), created: event.url.searchParams.get('created') };
};

const OBLAST_SOATES = OBLASTS.map((o) => o.soate);

/** Where a field path of the contract is shown on the form. */
const FIELD: Record<string, string> = {
	name: 'name_ky',
	ratio: 'numerator',
	budget: 'budget',
	capPerProject: 'capPerProject',
	oblastSoates: 'oblastSoates',
	sectors: 'sectors',
	kinds: 'kinds',
	pledgeTypes: 'pledgeTypes',
	startDate: 'startDate',
	endDate: 'endDate',
};

export const actions: Actions = {
	default: async (event) => {
		requireRole(event, 'staff');
		const locale = getLocale();
		const form = await event.request.formData();
		const values = {
			name_ky: text(form, 'name_ky'),
			name_ru: text(form, 'name_ru'),
			name_en: text(form, 'name_en'),
			numerator: text(form, 'numerator'),
			denominator: text(form, 'denominator'),
			budget: text(form, 'budget'),
			capPerProject: text(form, 'capPerProject'),
			startDate: text(form, 'startDate'),
			endDate: text(form, 'endDate'),
			oblastSoates: checked(form, 'oblastSoates', OBLAST_SOATES),
			sectors: checked(form, 'sectors', SECTORS),
			kinds: checked(form, 'kinds', ProjectKindSchema.options),
			pledgeTypes: checked(form, 'pledgeTypes', PledgeTypeSchema.options),
		};
		const fields: Record<string, string> = {};
		const budget = parseSomInput(values.budget);
		const cap = parseSomInput(values.capPerProject);
		if (!budget) fields.budget = m.error_amount();
		if (!cap) fields.capPerProject = m.error_amount();
		const whole = (s: string) => (/^\d{1,3}$/.test(s) ? Number(s) : NaN);
		const name = Object.fromEntries(Object.entries({ ky: values.name_ky, ru: values.name_ru, en: values.name_en }).filter(([, v]) => v));
		const parsed = ProgrammeRequestSchema.safeParse({
			name,
			ratio: { numerator: whole(values.numerator), denominator: whole(values.denominator) },
			budget: budget ?? 0,
			capPerProject: cap ?? 0,
			startDate: values.startDate,
			endDate: values.endDate,
			// Nothing ticked means every oblast (sector, kind).
			oblastSoates: values.oblastSoates.length ? values.oblastSoates : 'all',
			sectors: values.sectors.length ? values.sectors : 'all',
			kinds: values.kinds.length ? values.kinds : 'all',
			// Nothing ticked means donations only (a loan is paid back): the contract's default.
			pledgeTypes: values.pledgeTypes.length ? values.pledgeTypes : undefined,
		});
		if (!parsed.success)
			for (const path of issueFields(parsed.error)) fields[FIELD[path.split('.')[0]!] ?? 'name_ky'] ??= m.money_error_programme_field();
		if (parsed.success && parsed.data.endDate < parsed.data.startDate) fields.endDate = m.money_error_programme_field();
		if (!parsed.success || Object.keys(fields).length > 0) return fail(400, { values, fields, error: m.form_error_summary() });
		try {
			await api(event).money.createProgramme(parsed.data);
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			const down = cause.status === 0 || cause.status >= 500;
			return fail(down ? 503 : cause.status, {
				values,
				fields,
				error: down ? m.form_unavailable() : (cause.problem?.title ?? m.form_error_summary()),
			});
		}
		redirect(303, `/${locale}/staff/programmes?created=${encodeURIComponent(values.name_ky || values.name_ru || values.name_en)}`);
	},
};
