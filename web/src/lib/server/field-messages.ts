import { failedPasswordRules, type PasswordRule } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import type { FieldMessages, FormErrors } from './forms.js';

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
export function failureOptions<V extends object>(
	values: V,
	messages: FieldMessages = FIELD_MESSAGES,
	overrides: Partial<Record<number, string>> = {},
) {
	return { values, messages, overrides, unavailable: m.form_unavailable(), fallback: m.form_error_summary() };
}

const PASSWORD_RULE_TEXT: Record<PasswordRule, () => string> = {
	length: m.password_rule_length,
	lowercase: m.password_rule_lower,
	uppercase: m.password_rule_upper,
	digit: m.password_rule_digit,
	symbol: m.password_rule_symbol,
};

/**
 * What to say next to a refused password, in the page language: the rules it breaks (the contract's
 * PASSWORD_RULES, the Cognito pool's policy), or the general message when it keeps them all and the
 * identity provider refused it anyway.
 */
function passwordMessage(password: string): string {
	if (!password) return m.error_password_required();
	const broken = failedPasswordRules(password);
	if (broken.length === 0) return m.error_password_policy();
	return m.error_password_rules({ rules: broken.map((rule) => PASSWORD_RULE_TEXT[rule]()).join('; ') });
}

/** Names the broken rules on a form's password error, whether the form or the API found it. */
export function namePasswordRules<E extends FormErrors>(errors: E, password: string): E {
	if (errors.fields.password) errors.fields.password = passwordMessage(password);
	return errors;
}
