import type { Locale, PledgeType, ProjectFunding } from '@mekendesh/contracts';
import { formatDate, formatSom } from '#lib/format.js';
import { pickText } from '#lib/localized-text.js';
import { m } from '#lib/paraglide/messages.js';

// What co-financing does to a pledge, said in words: the project page and the pledge form share these.
// Explicit maps, so a new pledge type is a type error until it has its words in three languages.

/** Pledge types in the plural, for "donations only". */
const MATCHED_TYPES: Record<PledgeType, () => string> = {
	donation: m.cofin_types_donation,
	loan: m.cofin_types_loan,
	equity: m.cofin_types_equity,
	in_kind: m.cofin_types_in_kind,
};

/** "Every som you give / lend / invest becomes {total}: {terms}." In-kind help carries no money to match. */
const ONE_SOM: Record<Exclude<PledgeType, 'in_kind'>, (p: { total: string; terms: string }) => string> = {
	donation: m.cofin_one_som_donation,
	loan: m.cofin_one_som_loan,
	equity: m.cofin_one_som_equity,
};

export const matchedTypesLabel = (type: PledgeType): string => MATCHED_TYPES[type]();

/** A programme's ratio as people write it: programme som to diaspora som, "1:1", "3:1". */
export const ratioText = (ratio: { numerator: number; denominator: number }): string => `${ratio.numerator}:${ratio.denominator}`;

type FundingProgramme = ProjectFunding['programmes'][number];

export interface CofinancingSummary {
	/** One sentence per pledge type a programme adds to: what one som becomes, by which programmes, on what terms. */
	lines: { type: PledgeType; text: string }[];
	/** "Not matched: loans." when some types are matched and others are not; null otherwise. */
	notMatched: string | null;
	/** Programmes that apply to the project but have nothing left to add to it. */
	usedUp: string[];
}

/**
 * What co-financing does to a pledge to this project, in the locale's words, from `GET /projects/{id}/funding`.
 * @example summarizeCofinancing(funding, 'en').lines[0].text
 * // "Every som you give becomes 2 som: Mekenim 1+1 matches 1:1, donations only."
 */
export function summarizeCofinancing(funding: ProjectFunding, locale: Locale): CofinancingSummary {
	const list = (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
	const name = (p: FundingProgramme) => pickText(p.name, locale)?.text ?? p.id;
	const open = funding.programmes.filter((p) => p.capLeft > 0);
	const terms = (type: PledgeType) =>
		open
			.filter((p) => p.pledgeTypes.includes(type))
			.map((p) => m.cofin_terms({ name: name(p), ratio: ratioText(p.ratio), types: list(p.pledgeTypes.map(matchedTypesLabel)) }))
			.join('; ');
	const lines = funding.oneSomByType.flatMap((row) =>
		row.matched > 0 && row.type !== 'in_kind'
			? [{ type: row.type, text: ONE_SOM[row.type]({ total: formatSom(row.total, locale), terms: terms(row.type) }) }]
			: [],
	);
	const unmatched = funding.oneSomByType.filter((row) => row.matched === 0).map((row) => row.type);
	return {
		lines,
		notMatched: lines.length > 0 && unmatched.length > 0 ? m.cofin_not_matched({ types: list(unmatched.map(matchedTypesLabel)) }) : null,
		usedUp: funding.programmes.filter((p) => p.capLeft === 0).map((p) => m.cofin_used_up({ name: name(p) })),
	};
}

/**
 * Why nothing was matched yet though diaspora money came in: each programme that applies matches only money
 * received from its first day. Empty when something was matched, nothing was received or no programme applies.
 * @example matchingStarts({ ...funding, raised: 500_000, matched: 0 }, 'en')
 * // ['Mekenim 1+1 matches donations received from 1 June 2026, the day it started; money received earlier is not matched.']
 */
export function matchingStarts(funding: ProjectFunding, locale: Locale): string[] {
	if (funding.matched > 0 || funding.raised <= 0) return [];
	const list = (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
	return funding.programmes.map((p) =>
		m.cofin_from_start({
			name: pickText(p.name, locale)?.text ?? p.id,
			types: list(p.pledgeTypes.map(matchedTypesLabel)),
			day: formatDate(p.startDate, locale),
		}),
	);
}
