import { formatMoney, type Locale } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';

type Label = (p: object, o: { locale: Locale }) => string;

/** Names of the fields the code writes in `before`/`after` (domain *-audit, vetting.ts, programmes, rates, uploads). */
const FIELDS: Record<string, Label> = {
	status: m.so_chg_status,
	amount: m.so_chg_amount,
	amountKgs: m.so_chg_amount_kgs,
	currency: m.so_chg_currency,
	projectId: m.so_chg_project,
	name: m.so_chg_name,
	title: m.so_chg_title,
	capPerProject: m.so_chg_cap,
	email: m.so_chg_email,
	hidden: m.so_chg_hidden,
	key: m.so_chg_file,
	kind: m.so_chg_kind,
	size: m.so_chg_size,
	rates: m.so_chg_rates,
	milestoneId: m.so_chg_milestone,
	version: m.so_chg_version,
	refundPaidAt: m.so_chg_refund_paid_at,
	source: m.so_chg_source,
	receiptId: m.so_chg_receipt,
};

/** Fields holding KGS tyiyn (money-ports: every running total and `amountKgs` is an integer of tyiyn). */
const TYIYN_FIELDS = new Set(['amountKgs', 'capPerProject', 'budget', 'goal', 'raised', 'matched', 'disbursed', 'available']);

const isLocalized = (v: object): v is Partial<Record<Locale, string>> =>
	Object.keys(v).length > 0 && Object.entries(v).every(([k, t]) => ['ky', 'ru', 'en'].includes(k) && typeof t === 'string');

/** One value for people: money in som, `amount` in its own currency, a ky/ru/en text in the reader's language. */
function shown(field: string, value: unknown, all: Record<string, unknown>, locale: Locale): string {
	if (value === null || value === undefined) return '—';
	if (typeof value === 'boolean') return value ? m.so_yes({}, { locale }) : m.so_no({}, { locale });
	if (typeof value === 'number' && Number.isInteger(value) && TYIYN_FIELDS.has(field))
		return formatMoney({ amount: value, currency: 'KGS' }, locale);
	if (field === 'amount' && typeof value === 'number' && typeof all.currency === 'string') {
		try {
			return formatMoney({ amount: value, currency: all.currency as 'KGS' }, locale);
		} catch {
			return String(value);
		}
	}
	if (typeof value === 'object' && isLocalized(value)) return value[locale] ?? value.ru ?? value.ky ?? value.en ?? '';
	if (field === 'rates' && typeof value === 'object')
		return Object.entries(value as Record<string, unknown>)
			.map(([c, r]) => `${c} ${typeof r === 'object' && r && 'value' in r ? String(r.value) : String(r)}`)
			.join(' · ');
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/**
 * An audit entry's `before` or `after` as readable lines, field name in the reader's language and money in som
 * (not raw JSON with tyiyn): { amountKgs: 15000000 } -> [{ field: 'Amount in som', value: '150,000 som' }].
 * `currency` is left out when `amount` already shows it; an unknown field keeps its code name.
 */
export function auditChanges(value: Record<string, unknown> | null, locale: Locale): { field: string; value: string }[] {
	if (!value) return [];
	const amountShowsCurrency = typeof value.amount === 'number' && typeof value.currency === 'string';
	return Object.entries(value)
		.filter(([k]) => !(k === 'currency' && amountShowsCurrency))
		.map(([k, v]) => ({ field: Object.hasOwn(FIELDS, k) ? FIELDS[k]!({}, { locale }) : k, value: shown(k, v, value, locale) }));
}
