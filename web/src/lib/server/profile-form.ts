import { LOCALES, PledgeTypeSchema, ProfileSchema, SECTORS, type Locale, type Profile } from '@mekendesh/contracts';
import { territoryRules } from '@mekendesh/domain';
import { TERRITORIES } from '@mekendesh/territories';
import { m } from '#lib/paraglide/messages.js';
import { parseSomInput } from '#lib/money-input.js';
import { FIELD_MESSAGES } from './field-messages.js';
import { checked, issueFields, localizeFields, optional, text, type FormErrors } from './forms.js';

const TERRITORY_RULES = territoryRules(TERRITORIES);

/** What the profile form echoes back after a failed save: the typed texts, not the parsed values. */
export type ProfileValues = Record<string, string | string[] | boolean>;

/**
 * Reads the profile form into a `Profile`, or the localized errors to show. Amounts are typed in som and
 * become integer tyiyn exactly; a chosen rayon fills in its oblast (the two selects work without JS).
 */
export function readProfileForm(
	form: FormData,
): { profile: Profile; values: ProfileValues } | { errors: FormErrors; values: ProfileValues } {
	const values: ProfileValues = {
		displayName: text(form, 'displayName'),
		homeOblastSoate: text(form, 'homeOblastSoate'),
		homeRayonSoate: text(form, 'homeRayonSoate'),
		homeSettlement: text(form, 'homeSettlement'),
		residenceCountry: text(form, 'residenceCountry'),
		residenceCity: text(form, 'residenceCity'),
		languages: checked(form, 'languages', LOCALES),
		sectors: checked(form, 'sectors', SECTORS),
		pledgeTypes: checked(form, 'pledgeTypes', PledgeTypeSchema.options),
		amountMin: text(form, 'amountMin'),
		amountMax: text(form, 'amountMax'),
		contactByEmail: form.get('contactByEmail') === 'on',
		telegram: text(form, 'telegram'),
		showAsSupporter: form.get('showAsSupporter') === 'on',
		countInterest: form.get('countInterest') === 'on',
		locale: text(form, 'locale'),
	};
	const fields: Record<string, string> = {};
	// A range of what one has in mind, not money paid: "20,000" as the English pages write it is read too.
	const amountMin = parseSomInput(values.amountMin as string, { commaGroups: true });
	const amountMax = parseSomInput(values.amountMax as string, { commaGroups: true });
	if (amountMin === undefined) fields.amountMin = m.error_amount();
	if (amountMax === undefined) fields.amountMax = m.error_amount();

	// The API's rule (checkHomeTerritories), said here in the form's words: a rayon-level unit lying in an oblast-level one.
	const rayon = optional(form, 'homeRayonSoate');
	let oblast = optional(form, 'homeOblastSoate');
	const rayonPlace = rayon ? TERRITORY_RULES.rayon(rayon) : undefined;
	if (rayon && !rayonPlace) fields.homeRayonSoate = m.error_choose();
	if (oblast && !TERRITORY_RULES.isOblast(oblast)) fields.homeOblastSoate = m.error_choose();
	if (rayonPlace) {
		if (oblast && oblast !== rayonPlace.oblastSoate) fields.homeRayonSoate = m.error_rayon_oblast();
		oblast ??= rayonPlace.oblastSoate;
	}

	const parsed = ProfileSchema.safeParse({
		displayName: values.displayName,
		homeSettlement: optional(form, 'homeSettlement'),
		homeRayonSoate: rayon,
		homeOblastSoate: oblast,
		residenceCountry: optional(form, 'residenceCountry'),
		residenceCity: optional(form, 'residenceCity'),
		languages: values.languages,
		sectors: values.sectors,
		pledgeTypes: values.pledgeTypes,
		amountMin: amountMin ?? null,
		amountMax: amountMax ?? null,
		contactByEmail: values.contactByEmail,
		telegram: optional(form, 'telegram'),
		showAsSupporter: values.showAsSupporter,
		countInterest: values.countInterest,
		locale: (values.locale as Locale) || undefined,
	});
	if (!parsed.success) {
		const found = localizeFields(issueFields(parsed.error), { ...FIELD_MESSAGES, amountMin: m.error_amount_order }, m.form_error_summary());
		// An unreadable amount keeps its own, more precise message.
		return { values, errors: { ...found, fields: { ...found.fields, ...fields } } };
	}
	if (Object.keys(fields).length > 0) return { values, errors: { fields } };
	return { profile: parsed.data, values };
}
