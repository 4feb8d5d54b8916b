import type { Locale, ProjectKind, ProjectStatus, Sector } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';

// Explicit maps rather than m[`sector_${s}`], so a new sector or kind is a type error until it has a label.

const SECTOR: Record<Sector, () => string> = {
	education: m.sector_education,
	health: m.sector_health,
	water: m.sector_water,
	roads: m.sector_roads,
	agriculture: m.sector_agriculture,
	energy: m.sector_energy,
	tourism: m.sector_tourism,
	culture: m.sector_culture,
	environment: m.sector_environment,
	digital: m.sector_digital,
	business: m.sector_business,
};

const KIND: Record<ProjectKind, () => string> = {
	community: m.kind_community,
	business: m.kind_business,
};

const STATUS: Partial<Record<ProjectStatus, () => string>> = {
	published: m.status_published,
	funded: m.status_funded,
	in_progress: m.status_in_progress,
	completed: m.status_completed,
};

export type PledgeType = 'donation' | 'loan' | 'equity' | 'in_kind';
const PLEDGE_TYPE: Record<PledgeType, () => string> = {
	donation: m.pledge_type_donation,
	loan: m.pledge_type_loan,
	equity: m.pledge_type_equity,
	in_kind: m.pledge_type_in_kind,
};

export type FundingModel = 'keep_what_is_raised' | 'all_or_nothing';
const FUNDING_MODEL: Record<FundingModel, () => string> = {
	keep_what_is_raised: m.funding_model_keep_what_is_raised,
	all_or_nothing: m.funding_model_all_or_nothing,
};

/** A language's name in the reader's language, e.g. "орусча" for ru when reading Kyrgyz. */
const LANGUAGE_NAME: Record<Locale, () => string> = {
	ky: m.language_name_ky,
	ru: m.language_name_ru,
	en: m.language_name_en,
};

/** Each language's name in itself, for the language switcher. */
export const AUTONYMS: Record<Locale, string> = { ky: 'Кыргызча', ru: 'Русский', en: 'English' };

export const sectorLabel = (sector: Sector): string => SECTOR[sector]();
export const kindLabel = (kind: ProjectKind): string => KIND[kind]();
export const statusLabel = (status: ProjectStatus): string | undefined => STATUS[status]?.();
export const pledgeTypeLabel = (type: PledgeType): string => PLEDGE_TYPE[type]();
/** The pledge type standing alone (a value in a list of facts, a choice): "Donation"; `pledgeTypeLabel` is the in-sentence form. */
export const pledgeTypeTitle = (type: PledgeType): string => {
	const label = pledgeTypeLabel(type);
	return label.charAt(0).toLocaleUpperCase(getLocale()) + label.slice(1);
};
export const fundingModelLabel = (model: FundingModel): string => FUNDING_MODEL[model]();
export const languageName = (locale: Locale): string => LANGUAGE_NAME[locale]();
