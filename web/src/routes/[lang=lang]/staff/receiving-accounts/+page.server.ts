import { fail, redirect } from '@sveltejs/kit';
import { REFERENCE_PLACEHOLDER, ReceivingAccountRequestSchema, type ReceivingAccountKind } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { issueFields, text } from '#lib/server/forms.js';
import { api, ApiError } from '#lib/server/api.js';
import { requireRole } from '#lib/server/guards.js';
import type { Actions, PageServerLoad } from './$types';

const FORM_FIELDS = [
	'kind',
	'id',
	'version',
	'currency',
	'bankName',
	'bic',
	'accountNumber',
	'beneficiaryName',
	'beneficiaryTaxId',
	'correspondent',
	'purpose_ky',
	'purpose_ru',
	'purpose_en',
	'company',
	'receiverName',
	'city_ky',
	'city_ru',
	'city_en',
	'country',
	'instructions_ky',
	'instructions_ru',
	'instructions_en',
] as const;
type AccountFormValues = Record<(typeof FORM_FIELDS)[number], string> & { active: boolean };

/** The form field where a contract or API field path (`purposeTemplate.ky`, `city`) is shown. */
function formField(path: string): string {
	const [head, lang] = path.split('.');
	const trilingual: Record<string, string> = { purposeTemplate: 'purpose', city: 'city', instructions: 'instructions' };
	if (head && trilingual[head]) return `${trilingual[head]}_${lang === 'ru' || lang === 'en' ? lang : 'ky'}`;
	return head ?? 'bankName';
}

/** What to say next to a field the contract, the domain or the API rejected, in the page's language. */
function fieldMessage(field: string): string {
	if (field === 'accountNumber') return m.pay_error_account();
	if (field === 'bic') return m.pay_error_bic();
	if (field === 'beneficiaryTaxId') return m.pay_error_tax_id();
	if (field === 'country') return m.pay_error_country();
	if (field === 'active') return m.pay_error_active();
	if (/^(purpose|instructions)_/.test(field)) return m.pay_error_template({ placeholder: REFERENCE_PLACEHOLDER });
	return m.pay_error_required();
}

function request(v: AccountFormValues) {
	const common = { kind: v.kind, currency: v.currency, active: v.active };
	if (v.kind === 'money_transfer') {
		return {
			...common,
			company: v.company,
			receiverName: v.receiverName,
			country: v.country,
			city: { ky: v.city_ky, ru: v.city_ru, en: v.city_en },
			instructions: { ky: v.instructions_ky, ru: v.instructions_ru, en: v.instructions_en },
		};
	}
	return {
		...common,
		bankName: v.bankName,
		bic: v.bic,
		accountNumber: v.accountNumber,
		beneficiaryName: v.beneficiaryName,
		beneficiaryTaxId: v.beneficiaryTaxId,
		...(v.correspondent ? { correspondent: v.correspondent } : {}),
		purposeTemplate: { ky: v.purpose_ky, ru: v.purpose_ru, en: v.purpose_en },
	};
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'staff');
	const accounts = await api(event).payments.receivingAccounts();
	const query = event.url.searchParams;
	const editing = accounts.find((a) => a.id === query.get('edit')) ?? null;
	const kind: ReceivingAccountKind = editing?.kind ?? (query.get('kind') === 'money_transfer' ? 'money_transfer' : 'bank');
	return { accounts, editing, kind, saved: query.get('saved'), deleted: query.has('deleted') };
};

export const actions: Actions = {
	save: async (event) => {
		requireRole(event, 'staff');
		const locale = getLocale();
		const form = await event.request.formData();
		const values = {
			...Object.fromEntries(FORM_FIELDS.map((f) => [f, text(form, f)])),
			active: form.get('active') === 'on',
		} as AccountFormValues;
		const fields: Record<string, string> = {};
		const parsed = ReceivingAccountRequestSchema.safeParse(request(values));
		if (!parsed.success) {
			for (const path of issueFields(parsed.error)) fields[formField(path)] ??= fieldMessage(formField(path));
			return fail(400, { values, fields, error: m.form_error_summary() });
		}
		const version = Number(values.version);
		try {
			const payments = api(event).payments;
			if (values.id) await payments.replaceReceivingAccount(values.id, version, parsed.data);
			else await payments.createReceivingAccount(parsed.data);
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			if (cause.status === 0 || cause.status >= 500) return fail(503, { values, fields, error: m.form_unavailable() });
			for (const e of cause.problem?.errors ?? []) fields[formField(e.field)] ??= fieldMessage(formField(e.field));
			const changed = cause.status === 409 && Object.keys(fields).length === 0;
			return fail(cause.status, { values, fields, error: changed ? m.pay_error_changed() : m.form_error_summary() });
		}
		const name =
			parsed.data.kind === 'bank'
				? `${parsed.data.bankName} (${parsed.data.currency})`
				: `${parsed.data.company} (${parsed.data.currency})`;
		redirect(303, `/${locale}/staff/receiving-accounts?saved=${encodeURIComponent(name)}`);
	},
	delete: async (event) => {
		requireRole(event, 'staff');
		const locale = getLocale();
		const form = await event.request.formData();
		try {
			await api(event).payments.deleteReceivingAccount(text(form, 'id'), Number(text(form, 'version')));
		} catch (cause) {
			if (!(cause instanceof ApiError)) throw cause;
			const down = cause.status === 0 || cause.status >= 500;
			return fail(down ? 503 : cause.status, { error: down ? m.form_unavailable() : m.pay_error_changed() });
		}
		redirect(303, `/${locale}/staff/receiving-accounts?deleted=1`);
	},
};
