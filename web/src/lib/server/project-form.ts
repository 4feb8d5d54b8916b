import {
	LOCALES,
	ProjectDraftSchema,
	PledgeTypeSchema,
	type Locale,
	type LocalizedText,
	type Project,
	type ProjectDraft,
} from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';
import { parseSomInput, somInputValue } from '#lib/money-input.js';
import { checked, issueFields, localizeFields, text, type FieldMessages, type FormErrors } from './forms.js';

/** Milestone rows on the form; empty rows are ignored. */
const MILESTONE_ROWS = 4;
const PLAN_KEYS = ['diaspora', 'municipality', 'cofinancing', 'otherDonors'] as const;
const PLEDGE_TYPES = PledgeTypeSchema.options;

/** What the officer typed, exactly, so a refused form comes back as it was sent. */
export interface ProjectFormValues {
	version: string;
	languages: string[];
	texts: Record<Locale, { title: string; summary: string; description: string }>;
	settlement: string;
	rayonSoate: string;
	sector: string;
	kind: string;
	goal: string;
	plan: Record<(typeof PLAN_KEYS)[number], string>;
	pledgeTypes: string[];
	minimumPledge: string;
	deadline: string;
	fundingModel: string;
	beneficiaries: string;
	jobs: string;
	milestones: { id: string; title: string; dueDate: string; tranche: string }[];
}

/** Messages next to each field, keyed by the contract's field path (an issue on `title.ky` lands on `title`). */
export const PROJECT_FIELD_MESSAGES = {
	languages: m.pj_error_languages,
	title: m.pj_error_title,
	summary: m.pj_error_summary,
	description: m.pj_error_description,
	settlement: m.pj_error_settlement,
	rayonSoate: m.pj_error_choose,
	oblastSoate: m.pj_error_choose,
	sector: m.pj_error_choose,
	kind: m.pj_error_choose,
	goal: m.pj_error_amount,
	fundingPlan: m.pj_error_plan_sum,
	pledgeTypes: m.pj_error_choose,
	minimumPledge: m.pj_error_minimum,
	deadline: m.pj_error_deadline,
	fundingModel: m.pj_error_choose,
	beneficiaries: m.pj_error_count,
	jobs: m.pj_error_count,
	milestones: m.pj_error_milestones,
	coverPhoto: m.pj_error_choose,
} satisfies FieldMessages;

export function emptyProjectValues(locale: Locale): ProjectFormValues {
	return {
		version: '',
		languages: [locale],
		texts: { ky: blankText(), ru: blankText(), en: blankText() },
		settlement: '',
		rayonSoate: '',
		sector: '',
		kind: 'community',
		goal: '',
		plan: { diaspora: '', municipality: '', cofinancing: '', otherDonors: '' },
		pledgeTypes: ['donation'],
		minimumPledge: '100',
		deadline: '',
		fundingModel: 'keep_what_is_raised',
		beneficiaries: '',
		jobs: '',
		milestones: Array.from({ length: MILESTONE_ROWS }, () => ({ id: '', title: '', dueDate: '', tranche: '' })),
	};
}

const blankText = () => ({ title: '', summary: '', description: '' });

/** A saved project as form values, in the officer's language for amounts. */
export function projectToValues(project: Project, locale: Locale): ProjectFormValues {
	const som = (tyiyn: number) => somInputValue(tyiyn, locale);
	const languages = LOCALES.filter((l) => project.title[l]);
	const primary = languages[0] ?? locale;
	const rows = project.milestones.map((ms) => ({
		id: ms.id,
		title: ms.title[primary] ?? Object.values(ms.title).find(Boolean) ?? '',
		dueDate: ms.dueDate,
		tranche: som(ms.tranche),
	}));
	while (rows.length < MILESTONE_ROWS) rows.push({ id: '', title: '', dueDate: '', tranche: '' });
	return {
		version: String(project.version),
		languages,
		texts: Object.fromEntries(
			LOCALES.map((l) => [
				l,
				{ title: project.title[l] ?? '', summary: project.summary[l] ?? '', description: project.description[l] ?? '' },
			]),
		) as ProjectFormValues['texts'],
		settlement: project.settlement?.[primary] ?? Object.values(project.settlement ?? {}).find(Boolean) ?? '',
		rayonSoate: project.rayonSoate ?? '',
		sector: project.sector,
		kind: project.kind,
		goal: som(project.goal),
		plan: {
			diaspora: som(project.fundingPlan.diaspora),
			municipality: som(project.fundingPlan.municipality),
			cofinancing: som(project.fundingPlan.cofinancing),
			otherDonors: som(project.fundingPlan.otherDonors),
		},
		pledgeTypes: project.pledgeTypes,
		minimumPledge: som(project.minimumPledge),
		deadline: project.deadline,
		fundingModel: project.fundingModel,
		beneficiaries: String(project.beneficiaries),
		jobs: String(project.jobs),
		milestones: rows,
	};
}

/** Reads the posted form: the values as typed, and either a draft the contract accepts or field errors. */
export function readProjectForm(
	form: FormData,
	previous?: Project,
): { values: ProjectFormValues; draft: ProjectDraft; errors?: undefined } | { values: ProjectFormValues; errors: FormErrors } {
	const values: ProjectFormValues = {
		version: text(form, 'version'),
		languages: checked(form, 'languages', LOCALES),
		texts: Object.fromEntries(
			LOCALES.map((l) => [
				l,
				{ title: text(form, `title_${l}`), summary: text(form, `summary_${l}`), description: text(form, `description_${l}`) },
			]),
		) as ProjectFormValues['texts'],
		settlement: text(form, 'settlement'),
		rayonSoate: text(form, 'rayonSoate'),
		sector: text(form, 'sector'),
		kind: text(form, 'kind'),
		goal: text(form, 'goal'),
		plan: Object.fromEntries(PLAN_KEYS.map((k) => [k, text(form, `plan_${k}`)])) as ProjectFormValues['plan'],
		pledgeTypes: checked(form, 'pledgeTypes', PLEDGE_TYPES),
		minimumPledge: text(form, 'minimumPledge'),
		deadline: text(form, 'deadline'),
		fundingModel: text(form, 'fundingModel'),
		beneficiaries: text(form, 'beneficiaries'),
		jobs: text(form, 'jobs'),
		milestones: Array.from({ length: MILESTONE_ROWS }, (_, i) => ({
			id: text(form, `m${i}_id`),
			title: text(form, `m${i}_title`),
			dueDate: text(form, `m${i}_due`),
			tranche: text(form, `m${i}_tranche`),
		})),
	};

	const errors: FormErrors = { fields: {} };
	// Texts count in the languages ticked; a language is ticked implicitly when its title is typed.
	const languages = LOCALES.filter((l) => values.languages.includes(l) || values.texts[l].title);
	values.languages = languages;
	if (languages.length === 0) errors.fields.languages = m.pj_error_languages();
	const primary = languages[0] ?? 'ky';
	const localized = (field: 'title' | 'summary' | 'description') =>
		Object.fromEntries(languages.filter((l) => values.texts[l][field]).map((l) => [l, values.texts[l][field]]));

	const money = (raw: string, field: string, allowEmpty = false): number => {
		const parsed = parseSomInput(raw);
		if (parsed === null && allowEmpty) return 0;
		if (parsed === null || parsed === undefined) {
			errors.fields[field] ??= m.pj_error_amount();
			return 0;
		}
		return parsed;
	};
	const count = (raw: string, field: string): number => {
		if (raw === '') return 0;
		if (!/^\d{1,8}$/.test(raw)) errors.fields[field] ??= m.pj_error_count();
		return Number(raw) || 0;
	};

	const rows = values.milestones.filter((r) => r.title || r.dueDate || r.tranche);
	const milestones = rows.map((r, i) => {
		const title: LocalizedText = { ...(previous?.milestones.find((ms) => ms.id === r.id)?.title ?? {}), [primary]: r.title };
		return {
			...(r.id ? { id: r.id } : {}),
			title: Object.fromEntries(Object.entries(title).filter(([l, t]) => t && languages.includes(l as Locale))),
			dueDate: r.dueDate,
			tranche: money(r.tranche, 'milestones'),
			_row: i,
		};
	});

	const candidate = {
		title: localized('title'),
		summary: localized('summary'),
		description: localized('description'),
		...(values.rayonSoate ? { rayonSoate: values.rayonSoate } : {}),
		settlement: values.settlement ? { [primary]: values.settlement } : null,
		sector: values.sector,
		kind: values.kind,
		goal: money(values.goal, 'goal'),
		fundingPlan: Object.fromEntries(PLAN_KEYS.map((k) => [k, money(values.plan[k], 'fundingPlan', true)])),
		pledgeTypes: values.pledgeTypes,
		minimumPledge: money(values.minimumPledge, 'minimumPledge'),
		deadline: values.deadline,
		fundingModel: values.fundingModel,
		beneficiaries: count(values.beneficiaries, 'beneficiaries'),
		jobs: count(values.jobs, 'jobs'),
		milestones: milestones.map(({ _row: _, ...ms }) => ms),
		coverPhoto: previous?.coverPhoto ?? null,
	};
	const parsed = ProjectDraftSchema.safeParse(candidate);
	if (!parsed.success) {
		const found = localizeFields(issueFields(parsed.error), PROJECT_FIELD_MESSAGES, m.form_error_summary());
		errors.fields = { ...found.fields, ...errors.fields };
		if (found.form) errors.form = found.form;
	}
	if (Object.keys(errors.fields).length > 0 || errors.form || !parsed.success) {
		errors.form ??= m.form_error_summary();
		return { values, errors };
	}
	return { values, draft: parsed.data };
}
