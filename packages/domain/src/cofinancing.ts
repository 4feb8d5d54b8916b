import type { LocalizedText, PledgeType, ProjectKind, Sector } from '@mekendesh/contracts';
import type { FieldError } from './errors.js';

/**
 * Co-financing programmes ("Mekenim 1+1", 3x1 schemes): public money that matches each diaspora som
 * received, within a programme budget and a cap per project. Amounts are KGS tyiyn, as integers.
 */

/** Public som per diaspora som, as a fraction: 1:1 -> 1/1, 3x1 -> 3/1, half a som -> 1/2. */
export interface MatchRatio {
  readonly numerator: number;
  readonly denominator: number;
}

export interface CofinancingProgramme {
  readonly id: string;
  readonly name: LocalizedText;
  readonly ratio: MatchRatio;
  /** The most the programme matches in all, KGS tyiyn. */
  readonly budget: number;
  /** The most one project receives from the programme, KGS tyiyn. */
  readonly capPerProject: number;
  /** Oblast SOATE codes (Bishkek and Osh cities count as oblasts), or 'all'. */
  readonly oblastSoates: readonly string[] | 'all';
  readonly sectors: readonly Sector[] | 'all';
  readonly kinds: readonly ProjectKind[] | 'all';
  /**
   * The pledge types whose money the programme matches. Absent (programmes stored before the field
   * existed) means donations only: a loan is paid back, so it is not matched unless the programme says so
   * (PRODUCT.md, "Co-financing programme"). Read it through `matchedPledgeTypes`.
   */
  readonly pledgeTypes?: readonly PledgeType[];
  /** First day money received counts, YYYY-MM-DD, inclusive. */
  readonly startDate: string;
  /** Last day money received counts, YYYY-MM-DD, inclusive. */
  readonly endDate: string;
}

/** What eligibility needs to know of a project. */
export interface ProgrammeCandidate {
  readonly oblastSoate: string;
  readonly sector: Sector;
  readonly kind: ProjectKind;
}

/** Why a project is not eligible; codes, so each page says it in its own language. */
export type IneligibilityReason =
  | { readonly code: 'not_started'; readonly startDate: string }
  | { readonly code: 'ended'; readonly endDate: string }
  | { readonly code: 'oblast_not_eligible'; readonly oblastSoate: string }
  | { readonly code: 'sector_not_eligible'; readonly sector: Sector }
  | { readonly code: 'kind_not_eligible'; readonly kind: ProjectKind }
  | { readonly code: 'pledge_type_not_matched'; readonly pledgeType: PledgeType };

export interface Eligibility {
  readonly eligible: boolean;
  /** Empty when eligible; otherwise every reason, not only the first. */
  readonly reasons: readonly IneligibilityReason[];
}

/** Which limit made the match smaller than the ratio gives; 'none' when it was not clamped. */
export type MatchLimit = 'none' | 'budget' | 'project_cap';

export interface MatchResult {
  /** Tyiyn to reserve from the programme budget for this receipt; 0 <= match <= uncapped. */
  readonly match: number;
  /** floor(received * numerator / denominator), before the limits. */
  readonly uncapped: number;
  readonly limitedBy: MatchLimit;
  /** Budget left after this match. */
  readonly budgetLeft: number;
  /** The project's cap left after this match. */
  readonly projectCapLeft: number;
}

export interface OneSomOutcome {
  /** One som: 100 tyiyn. */
  readonly diaspora: number;
  /** Tyiyn the programmes add to it. */
  readonly matched: number;
  /** diaspora + matched, tyiyn. */
  readonly total: number;
  /** total in som as a short decimal for display: "2", "4", "1.5", "1.33". */
  readonly multiplier: string;
  readonly byProgramme: readonly { readonly id: string; readonly matched: number }[];
}

const ONE_SOM = 100;

/** What a programme matches when it does not say: donations only (PRODUCT.md, "Co-financing programme"). */
export const DEFAULT_MATCHED_PLEDGE_TYPES: readonly PledgeType[] = Object.freeze(['donation'] as const);

/** The pledge types a programme matches; an empty or absent list reads as donations only. */
export function matchedPledgeTypes(programme: Pick<CofinancingProgramme, 'pledgeTypes'>): readonly PledgeType[] {
  return programme.pledgeTypes?.length ? programme.pledgeTypes : DEFAULT_MATCHED_PLEDGE_TYPES;
}

function allows<T>(list: readonly T[] | 'all', value: T): boolean {
  return list === 'all' || list.includes(value);
}

/**
 * Which pledges a question is about: money of one pledge type (a receipt), or `'any'` for "does the
 * programme co-finance this project at all" (a project page, before anyone chose a type).
 */
export type PledgeTypeQuery = PledgeType | 'any';

/**
 * Every reason a programme cannot match money for a project on a day (the day money is received):
 * period, oblast, sector, kind, and the pledge type (a programme matches only the types it declares,
 * donations by default). Required, so no caller forgets the pledge type.
 * @example checkEligibility({ programme: mekenim, project, day: '2026-03-01', pledgeType: 'loan' })
 * // { eligible: false, reasons: [{ code: 'pledge_type_not_matched', pledgeType: 'loan' }] }
 */
export function checkEligibility(input: {
  programme: CofinancingProgramme;
  project: ProgrammeCandidate;
  day: string;
  pledgeType: PledgeTypeQuery;
}): Eligibility {
  const { programme, project, day, pledgeType } = input;
  const reasons: IneligibilityReason[] = [];
  if (day < programme.startDate) reasons.push({ code: 'not_started', startDate: programme.startDate });
  if (day > programme.endDate) reasons.push({ code: 'ended', endDate: programme.endDate });
  if (!allows(programme.oblastSoates, project.oblastSoate)) {
    reasons.push({ code: 'oblast_not_eligible', oblastSoate: project.oblastSoate });
  }
  if (!allows(programme.sectors, project.sector)) reasons.push({ code: 'sector_not_eligible', sector: project.sector });
  if (!allows(programme.kinds, project.kind)) reasons.push({ code: 'kind_not_eligible', kind: project.kind });
  if (pledgeType !== 'any' && !matchedPledgeTypes(programme).includes(pledgeType)) {
    reasons.push({ code: 'pledge_type_not_matched', pledgeType });
  }
  return { eligible: reasons.length === 0, reasons };
}

/** True when the programme can match the project's money received on that day (reasons: `checkEligibility`). */
export function isEligible(input: {
  programme: CofinancingProgramme;
  project: ProgrammeCandidate;
  day: string;
  pledgeType: PledgeTypeQuery;
}): boolean {
  return checkEligibility(input).eligible;
}

/**
 * The programmes that can match money of `pledgeType` for a project on a day, in the order given (keeps
 * the caller's own programme type, e.g. the stored `Programme` with its `reserved`).
 */
export function eligibleProgrammes<P extends CofinancingProgramme>(input: {
  programmes: readonly P[];
  project: ProgrammeCandidate;
  day: string;
  pledgeType: PledgeTypeQuery;
}): P[] {
  const { programmes, project, day, pledgeType } = input;
  return programmes.filter((programme) => isEligible({ programme, project, day, pledgeType }));
}

function assertRatio(ratio: MatchRatio): void {
  const { numerator, denominator } = ratio;
  if (!Number.isSafeInteger(numerator) || numerator < 0 || !Number.isSafeInteger(denominator) || denominator < 1) {
    throw new RangeError(`ratio must be integers numerator >= 0, denominator >= 1, got ${numerator}/${denominator}`);
  }
}

function assertTyiyn(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer of tyiyn, got ${value}`);
}

/**
 * The match for money received for a project: floor(received * numerator / denominator), clamped so
 * that the programme never goes beyond its budget nor the project beyond its cap, and never negative
 * (a budget or cap lowered below what is already reserved gives 0). Floored, because the programme
 * owes at most the ratio. On a tie between the two limits, 'budget' is reported: the programme is
 * exhausted for every project. Check eligibility first; this only counts.
 * @example
 * computeMatch({ programme: oneToOne, receivedKgs: 500_000, alreadyMatchedForProject: 2_800_000,
 *   programmeReserved: 0 }) // cap 3_000_000: { match: 200_000, uncapped: 500_000, limitedBy: 'project_cap', ... }
 */
export function computeMatch(input: {
  programme: CofinancingProgramme;
  /** Diaspora money received, KGS tyiyn. */
  receivedKgs: number;
  /** Tyiyn this programme already matched for the project. */
  alreadyMatchedForProject: number;
  /** Tyiyn already reserved from the programme budget, all projects. */
  programmeReserved: number;
}): MatchResult {
  const { programme, receivedKgs, alreadyMatchedForProject, programmeReserved } = input;
  assertRatio(programme.ratio);
  assertTyiyn(receivedKgs, 'receivedKgs');
  assertTyiyn(alreadyMatchedForProject, 'alreadyMatchedForProject');
  assertTyiyn(programmeReserved, 'programmeReserved');
  assertTyiyn(programme.budget, 'programme budget');
  assertTyiyn(programme.capPerProject, 'programme capPerProject');

  const exact = (BigInt(receivedKgs) * BigInt(programme.ratio.numerator)) / BigInt(programme.ratio.denominator);
  if (exact > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('the uncapped match is beyond a safe integer');
  const uncapped = Number(exact);
  const budgetRoom = Math.max(0, programme.budget - programmeReserved);
  const capRoom = Math.max(0, programme.capPerProject - alreadyMatchedForProject);
  const room = Math.min(budgetRoom, capRoom);
  const match = Math.min(uncapped, room);
  const limitedBy: MatchLimit = match === uncapped ? 'none' : budgetRoom <= capRoom ? 'budget' : 'project_cap';
  return { match, uncapped, limitedBy, budgetLeft: budgetRoom - match, projectCapLeft: capRoom - match };
}

/** Tyiyn as som, trimmed: 200 -> "2", 150 -> "1.5", 133 -> "1.33". */
function somText(tyiyn: number): string {
  const whole = Math.floor(tyiyn / ONE_SOM);
  const cents = tyiyn % ONE_SOM;
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * What one som of a pledge becomes under the programmes that apply to a project (pass the eligible
 * ones with budget left), computed like `computeMatch` before the limits.
 * @example whatOneSomBecomes([mekenim1plus1]) // { diaspora: 100, matched: 100, total: 200, multiplier: '2', ... }
 * @example whatOneSomBecomes([threeForOne])   // { ..., total: 400, multiplier: '4' }
 */
export function whatOneSomBecomes(programmes: readonly CofinancingProgramme[]): OneSomOutcome {
  const byProgramme = programmes.map((programme) => {
    assertRatio(programme.ratio);
    return { id: programme.id, matched: Math.floor((ONE_SOM * programme.ratio.numerator) / programme.ratio.denominator) };
  });
  const matched = byProgramme.reduce((sum, p) => sum + p.matched, 0);
  const total = ONE_SOM + matched;
  return { diaspora: ONE_SOM, matched, total, multiplier: somText(total), byProgramme };
}

/**
 * What one som becomes for each pledge type asked about: `whatOneSomBecomes` over only the programmes that
 * match that type (pass the ones that apply to the project with budget left; see `matchedPledgeTypes`).
 * @example oneSomByPledgeType({ programmes: [mekenim1plus1], types: ['donation', 'loan'] })
 * // [{ type: 'donation', matched: 100, total: 200, multiplier: '2', ... }, { type: 'loan', matched: 0, total: 100, multiplier: '1', ... }]
 */
export function oneSomByPledgeType(input: {
  programmes: readonly CofinancingProgramme[];
  types: readonly PledgeType[];
}): (OneSomOutcome & { readonly type: PledgeType })[] {
  return input.types.map((type) => ({
    type,
    ...whatOneSomBecomes(input.programmes.filter((p) => matchedPledgeTypes(p).includes(type))),
  }));
}

/** A programme as stored: with the tyiyn it has reserved for matches so far. */
export type ProgrammeWithReserved = CofinancingProgramme & { readonly reserved: number };

/**
 * Whether a programme could match a som received on `day` (a Bishkek day) at all: within its period and with
 * budget left (reserved < budget). Which projects and pledge types it matches: `cofinancedOneSom`.
 */
export function isOpenWithBudget(programme: ProgrammeWithReserved, day: string): boolean {
  return programme.startDate <= day && day <= programme.endDate && programme.reserved < programme.budget;
}

/** What a giver who has not said otherwise gives: a donation (a visitor, a profile without pledge types, a card). */
export const DEFAULT_GIVEN_PLEDGE_TYPES: readonly PledgeType[] = Object.freeze(['donation'] as const);

/** "1 som becomes 2 som" and by whom, as cards and recommendations say it (contracts' MatchOneSomSchema). */
export interface OneSomLine {
  /** The total in som for one som given, as text ("2", "1.5"). */
  readonly multiplier: string;
  /** The programmes that match, by name. */
  readonly programmes: LocalizedText[];
}

/**
 * The programmes that co-finance a project on a day for money of the `given` pledge types (default: donations)
 * that the project also takes: eligible by period, oblast, sector and kind (`checkEligibility`) and matching one
 * of those types (`matchedPledgeTypes`); and what one som becomes under them (`whatOneSomBecomes`), null when
 * none. Pass the programmes with budget left (`isOpenWithBudget`). The one rule behind the recommendations'
 * co-financing (matching.ts) and the "1 som becomes N som" line on discovery's cards (projects.ts).
 * @example cofinancedOneSom({ programmes: [mekenim1plus1], project: narynSchool, day: '2026-05-01' })
 * // { programmes: [mekenim1plus1], oneSom: { multiplier: '2', programmes: [{ ky: 'Мекеним 1+1', ... }] } }
 */
export function cofinancedOneSom<P extends CofinancingProgramme>(input: {
  programmes: readonly P[];
  project: ProgrammeCandidate & { readonly pledgeTypes: readonly PledgeType[] };
  day: string;
  given?: readonly PledgeType[] | undefined;
}): { programmes: P[]; oneSom: OneSomLine | null } {
  const given = input.given?.length ? input.given : DEFAULT_GIVEN_PLEDGE_TYPES;
  const types = input.project.pledgeTypes.filter((t) => given.includes(t));
  const matching = eligibleProgrammes({ programmes: input.programmes, project: input.project, day: input.day, pledgeType: 'any' }).filter(
    (g) => matchedPledgeTypes(g).some((t) => types.includes(t)),
  );
  if (matching.length === 0) return { programmes: [], oneSom: null };
  return { programmes: matching, oneSom: { multiplier: whatOneSomBecomes(matching).multiplier, programmes: matching.map((g) => g.name) } };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(text: string): boolean {
  return DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/**
 * The rule problems of a programme as staff entered it (the shape itself is the contract's job);
 * an empty array when it is sound.
 */
export function validateProgramme(programme: CofinancingProgramme): FieldError[] {
  const errors: FieldError[] = [];
  const { numerator, denominator } = programme.ratio;
  if (!Number.isSafeInteger(numerator) || numerator < 1) {
    errors.push({ field: 'ratio.numerator', message: 'must be a positive integer' });
  }
  if (!Number.isSafeInteger(denominator) || denominator < 1) {
    errors.push({ field: 'ratio.denominator', message: 'must be a positive integer' });
  }
  if (!Number.isSafeInteger(programme.budget) || programme.budget < 1) {
    errors.push({ field: 'budget', message: 'must be a positive integer of tyiyn' });
  }
  if (!Number.isSafeInteger(programme.capPerProject) || programme.capPerProject < 1) {
    errors.push({ field: 'capPerProject', message: 'must be a positive integer of tyiyn' });
  } else if (programme.capPerProject > programme.budget) {
    errors.push({ field: 'capPerProject', message: 'cannot exceed the budget' });
  }
  for (const field of ['startDate', 'endDate'] as const) {
    if (!isDay(programme[field])) errors.push({ field, message: 'must be a YYYY-MM-DD day' });
  }
  if (isDay(programme.startDate) && isDay(programme.endDate) && programme.endDate < programme.startDate) {
    errors.push({ field: 'endDate', message: 'must not be before startDate' });
  }
  if (programme.pledgeTypes !== undefined && programme.pledgeTypes.length === 0) {
    errors.push({ field: 'pledgeTypes', message: 'lists at least one pledge type, or is left out for donations only' });
  }
  for (const field of ['oblastSoates', 'sectors', 'kinds'] as const) {
    if (programme[field] !== 'all' && programme[field].length === 0) {
      errors.push({ field, message: "lists at least one, or is 'all'" });
    }
  }
  return errors;
}
