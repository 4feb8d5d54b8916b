import { fail, redirect } from '@sveltejs/kit';
import { CurrencySchema, ManualRatesRequestSchema } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { api, ApiError } from '#lib/server/api.js';
import { cursorPage } from '#lib/server/cursor-page.js';
import { text } from '#lib/server/forms.js';
import { requireRole } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

/** The currencies a day's table may carry (KGS is the unit itself). */
const CURRENCIES = CurrencySchema.options.filter((c) => c !== 'KGS');

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	type Answer = Awaited<ReturnType<ReturnType<typeof api>['staffOps']['rates']>>;
	let today = { date: '', tables: [] as Answer['todayTables'] };
	let actors: Answer['actors'] = [];
	const page = await cursorPage(event.url, async (cursor) => {
		const answer = await api(event).staffOps.rates({ cursor, limit: 20 });
		today = { date: answer.today, tables: answer.todayTables };
		actors = answer.actors;
		return answer;
	});
	return { ...page, today, actors, currencies: CURRENCIES, saved: event.url.searchParams.get('saved') };
};

export const actions: Actions = {
	correct: async (event) => {
		requireRole(event, 'staff');
		const form = await event.request.formData();
		const values = {
			date: text(form, 'date'),
			reason: text(form, 'reason'),
			rates: Object.fromEntries(CURRENCIES.map((c) => [c, text(form, `rate_${c}`).replace(',', '.')])),
			confirmLargeChange: form.get('confirmLargeChange') === 'on',
		};
		const fields: Record<string, string> = {};
		const rates = CURRENCIES.filter((c) => values.rates[c]).map((currency) => ({ currency, value: values.rates[currency]!, nominal: 1 }));
		if (!/^\d{4}-\d{2}-\d{2}$/.test(values.date)) fields.date = m.so_rates_error_date();
		if (rates.length === 0) fields.rates = m.so_rates_error_none();
		const parsed = ManualRatesRequestSchema.safeParse({
			rates,
			reason: values.reason,
			...(values.confirmLargeChange ? { confirmLargeChange: true } : {}),
		});
		if (!parsed.success)
			for (const issue of parsed.error.issues) {
				const [head, index] = issue.path;
				if (head === 'reason') fields.reason = m.so_rates_error_reason();
				else if (head === 'rates' && typeof index === 'number') fields[`rate_${rates[index]!.currency}`] = m.so_rates_error_value();
			}
		if (!parsed.success || Object.keys(fields).length) return fail(400, { values, fields, error: m.form_error_summary() });
		try {
			await api(event).staffOps.correctRates(values.date, parsed.data);
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			if (cause.status === 0 || cause.status >= 500) return fail(503, { values, fields, error: m.form_unavailable() });
			// The API names the field (rates.<i>.value, reason, or the date in the path) and says why in the reader's
			// language: a day out of range, a value too high, or the old and new rate of a large change (409).
			for (const e of cause.problem?.errors ?? []) {
				const i = /^rates\.(\d+)/.exec(e.field)?.[1];
				if (i !== undefined && rates[Number(i)]) fields[`rate_${rates[Number(i)]!.currency}`] = e.message || m.so_rates_error_value();
				else if (e.field === 'reason') fields.reason = m.so_rates_error_reason();
				else fields.date = e.message || m.so_rates_error_date();
			}
			// A change of more than half needs staff to confirm it: the form shows the checkbox after this answer.
			const confirmLarge = cause.status === 409 && cause.fields.some((f) => f.startsWith('rates.'));
			return fail(cause.status, { values, fields, confirmLarge, error: cause.problem?.title ?? m.form_error_summary() });
		}
		redirect(303, `/${getLocale()}/staff/rates?saved=${encodeURIComponent(values.date)}`);
	},
};
