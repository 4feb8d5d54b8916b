import { m } from '#lib/paraglide/messages.js';
import type { FieldMessages } from './forms.js';

/** What to say next to each field a form action or the API rejects, in the page language. */
export const FIELD_MESSAGES = {
	email: m.error_email,
	password: m.error_password_policy,
	displayName: m.error_display_name,
	code: m.error_code,
	homeSettlement: m.error_text_too_long,
	homeRayonSoate: m.error_choose,
	homeOblastSoate: m.error_choose,
	residenceCountry: m.error_choose,
	residenceCity: m.error_text_too_long,
	languages: m.error_choose,
	sectors: m.error_choose,
	pledgeTypes: m.error_choose,
	amountMin: m.error_amount,
	amountMax: m.error_amount,
	telegram: m.error_telegram,
	locale: m.error_choose,
	contactByEmail: m.error_choose,
	showAsSupporter: m.error_choose,
	name: m.error_org_name,
	kind: m.error_choose,
	territorySoate: m.error_choose,
	settlement: m.error_text_too_long,
	applicantPosition: m.error_position,
	contactPhone: m.error_phone,
	contactEmail: m.error_email,
	reason: m.error_reject_reason,
} satisfies FieldMessages;

/** The options every form action passes to `apiFailure`, plus its own values and messages. */
export function failureOptions<V extends object>(values: V, messages: FieldMessages = FIELD_MESSAGES, overrides: Partial<Record<number, string>> = {}) {
	return { values, messages, overrides, unavailable: m.form_unavailable(), fallback: m.form_error_summary() };
}
