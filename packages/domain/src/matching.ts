import type {
  Locale,
  MatchAnswer,
  MatchReason,
  PledgeType,
  ProjectSummary,
  Recommendation,
  Sector,
  Territory,
  TrilingualName,
} from '@mekendesh/contracts';
import { daysBetween } from './bishkek-calendar.js';
import { cofinancedOneSom, type CofinancingProgramme } from './cofinancing.js';
import {
  amountFitsText,
  closingSoonText,
  cofinancedText,
  homeCityText,
  homeOblastText,
  homeRayonText,
  languageText,
  pledgeTypeText,
  sectorText,
  trackRecordText,
} from './matching-words.js';

/**
 * Matchmaking's scoring (docs/matching.md): a pure function from what an investor told us (or a visitor's
 * answers) and a bounded set of candidate projects to a ranked list, each project with its reasons in
 * ky/ru/en. No I/O: the candidates, programmes and place names are read by the caller.
 */

/**
 * Points each fact adds to a project's score, in one place (docs/matching.md explains each). Home counts most:
 * matching diaspora with their home regions is why the platform exists (PRODUCT.md); a rayon match includes its
 * oblast, so it takes the rayon's points alone. Negative weights rank a project lower without hiding it.
 */
export const MATCH_WEIGHTS = {
  /** The project is in the investor's home rayon. */
  homeRayon: 40,
  /** In the home oblast, another rayon (or the whole oblast). */
  homeOblast: 20,
  /** The project's sector is one of the investor's interests. */
  sector: 15,
  /**
   * The investor's amount could close the gap: the remaining need (goal - raised) lies within their range
   * (their least <= remaining <= their most) and the minimum pledge <= their most. The one amount fact with a reason.
   */
  amountFits: 10,
  /** They can take part but not close the gap: minimum pledge <= their most < the remaining need. No reason shown. */
  amountWithinReach: 4,
  /** The minimum pledge is over AMOUNT_FAR_FACTOR times their most, or the remaining need under their least / factor. */
  amountFarOutside: -15,
  /** A programme co-finances the project today for a pledge type the investor gives and the project takes. */
  cofinanced: 12,
  /** The deadline is within CLOSING_SOON_DAYS Bishkek days. */
  closingSoon: 6,
  /** Per project the organisation completed, up to TRACK_RECORD_CAP projects. */
  ownerCompletedEach: 2,
  /** The project takes one of the pledge types the investor chose. */
  pledgeType: 5,
  /** The project is written in one of the investor's languages. */
  language: 3,
  /** The investor already pledged to it: ranked below every project they have not (a home rayon match included). */
  alreadySupported: -60,
} as const;

/** Days before the deadline (Bishkek days, inclusive of today) that count as closing soon. */
export const CLOSING_SOON_DAYS = 14;
/** How far outside an investor's range an amount is "far": five times. */
export const AMOUNT_FAR_FACTOR = 5;
/** Completed projects counted for the owner's track record at most. */
export const TRACK_RECORD_CAP = 3;

/** What matching reads of an investor's profile or a visitor's answers. Amounts in KGS tyiyn. */
export interface MatchPreferences {
  homeRayonSoate: string | null;
  homeOblastSoate: string | null;
  sectors: readonly Sector[];
  pledgeTypes: readonly PledgeType[];
  amountMin: number | null;
  amountMax: number | null;
  languages: readonly Locale[];
}

/** A candidate's summary with the two facts scoring needs besides (minimum pledge in KGS tyiyn). */
export type CandidateProject = ProjectSummary & { pledgeTypes: readonly PledgeType[]; minimumPledge: number };

export interface MatchCandidate {
  project: CandidateProject;
  /** The investor already pledged to it (their supporter marker exists). */
  supported: boolean;
  /** Projects the organisation completed, from its running count; 0 when none or unknown. */
  ownerCompleted: number;
}

/**
 * A territory's names in ky/ru/en and its kind (packages/territories), undefined for an unknown code: a city
 * (Bishkek and Osh at oblast level, 17 towns at rayon level) is named as a city, not "… district" or "… region".
 */
export type PlaceName = (soate: string) => Pick<Territory, 'name' | 'fullName' | 'kind'> | undefined;

/** Which of the three answers that matter most are missing (home, interests, amount): the page asks for them. */
export function missingAnswers(p: MatchPreferences): MatchAnswer[] {
  return [
    ...(p.homeRayonSoate || p.homeOblastSoate ? [] : (['home'] as const)),
    ...(p.sectors.length ? [] : (['sectors'] as const)),
    ...(p.amountMin === null && p.amountMax === null ? (['amount'] as const) : []),
  ];
}

/**
 * Whether a project may be recommended at all: published, its deadline not passed (Bishkek day `today`) and not
 * fully funded (raised >= goal). Anything else never appears.
 */
export function isRecommendable(p: Pick<ProjectSummary, 'status' | 'deadline' | 'raised' | 'goal'>, today: string): boolean {
  return p.status === 'published' && p.deadline >= today && p.raised < p.goal;
}

type Part = { points: number; reason?: MatchReason };
const reason = (code: MatchReason['code'], text: TrilingualName): MatchReason => ({ code, text });

function placeParts(p: MatchPreferences, project: CandidateProject, place: PlaceName): Part[] {
  if (p.homeRayonSoate && project.rayonSoate === p.homeRayonSoate) {
    const t = place(p.homeRayonSoate);
    const text = t && (t.kind === 'city' ? homeCityText(t.fullName) : homeRayonText(t.name));
    return [{ points: MATCH_WEIGHTS.homeRayon, ...(text ? { reason: reason('home_rayon', text) } : {}) }];
  }
  if (p.homeOblastSoate && project.oblastSoate === p.homeOblastSoate) {
    const t = place(p.homeOblastSoate);
    const text = t && (t.kind === 'city' ? homeCityText(t.fullName) : homeOblastText(t.name));
    return [{ points: MATCH_WEIGHTS.homeOblast, ...(text ? { reason: reason('home_oblast', text) } : {}) }];
  }
  return [];
}

function amountParts(p: MatchPreferences, project: CandidateProject): Part[] {
  if (p.amountMin === null && p.amountMax === null) return [];
  const remaining = project.goal - project.raised;
  const most = p.amountMax ?? Number.MAX_SAFE_INTEGER;
  const least = p.amountMin ?? 0;
  if (project.minimumPledge <= most && remaining >= least) {
    // "needs 40,000 som more, within your range" only when that is true of the remaining need itself.
    if (remaining <= most) return [{ points: MATCH_WEIGHTS.amountFits, reason: reason('amount_fits', amountFitsText(remaining)) }];
    return [{ points: MATCH_WEIGHTS.amountWithinReach }];
  }
  const far = project.minimumPledge > most * AMOUNT_FAR_FACTOR || remaining * AMOUNT_FAR_FACTOR < least;
  return far ? [{ points: MATCH_WEIGHTS.amountFarOutside }] : [];
}

function otherParts(p: MatchPreferences, c: MatchCandidate, today: string): Part[] {
  const { project } = c;
  const parts: Part[] = [];
  if (p.sectors.includes(project.sector))
    parts.push({ points: MATCH_WEIGHTS.sector, reason: reason('sector', sectorText(project.sector)) });
  const days = daysBetween(today, project.deadline);
  if (days <= CLOSING_SOON_DAYS) parts.push({ points: MATCH_WEIGHTS.closingSoon, reason: reason('closing_soon', closingSoonText(days)) });
  if (c.ownerCompleted > 0) {
    const points = MATCH_WEIGHTS.ownerCompletedEach * Math.min(c.ownerCompleted, TRACK_RECORD_CAP);
    parts.push({ points, reason: reason('owner_track_record', trackRecordText(c.ownerCompleted)) });
  }
  const type = project.pledgeTypes.find((t) => p.pledgeTypes.includes(t));
  if (type) parts.push({ points: MATCH_WEIGHTS.pledgeType, reason: reason('pledge_type', pledgeTypeText(type)) });
  const language = project.languages.find((l) => p.languages.includes(l));
  if (language) parts.push({ points: MATCH_WEIGHTS.language, reason: reason('language', languageText(language)) });
  if (c.supported) parts.push({ points: MATCH_WEIGHTS.alreadySupported });
  return parts;
}

/** Only the summary's own fields go out (a candidate also carries pledge types and the minimum pledge). */
function summaryOf(project: CandidateProject): ProjectSummary {
  const { pledgeTypes: _t, minimumPledge: _m, ...summary } = project;
  return summary;
}

/**
 * One candidate scored: its points by MATCH_WEIGHTS, its reasons strongest first (negative facts give points,
 * never a reason), and what one som becomes where programmes co-finance it.
 */
export function scoreCandidate<P extends CofinancingProgramme>(input: {
  preferences: MatchPreferences;
  candidate: MatchCandidate;
  programmes: readonly P[];
  today: string;
  place: PlaceName;
}): Recommendation {
  const { preferences: p, candidate: c, today } = input;
  // The investor's pledge types (none chosen: donations) that the project takes, as on every card (cofinancing.ts).
  const { programmes: matching, oneSom } = cofinancedOneSom({
    programmes: input.programmes,
    project: c.project,
    day: today,
    given: p.pledgeTypes,
  });
  const cofinanced: Part[] = oneSom
    ? [
        {
          points: MATCH_WEIGHTS.cofinanced,
          reason: reason('cofinanced', cofinancedText({ programmes: matching, multiplier: oneSom.multiplier })),
        },
      ]
    : [];
  const parts = [...placeParts(p, c.project, input.place), ...amountParts(p, c.project), ...cofinanced, ...otherParts(p, c, today)];
  return {
    project: summaryOf(c.project),
    score: parts.reduce((sum, part) => sum + part.points, 0),
    reasons: parts
      .filter((part): part is Required<Part> => part.reason !== undefined)
      .sort((a, b) => b.points - a.points)
      .map((part) => part.reason),
    oneSom,
  };
}

/** Higher score first; then newest published; then id, so equal projects always come in one order. */
function byRank(a: Recommendation, b: Recommendation): number {
  if (a.score !== b.score) return b.score - a.score;
  const pa = a.project.publishedAt ?? '';
  const pb = b.project.publishedAt ?? '';
  if (pa !== pb) return pa < pb ? 1 : -1;
  return a.project.id < b.project.id ? -1 : a.project.id > b.project.id ? 1 : 0;
}

/**
 * The ranked recommendations from candidates: projects that may not be recommended (isRecommendable) are
 * dropped, the rest scored (scoreCandidate) and ordered by score, then newest, then id; at most `limit`.
 * `programmes`: the co-financing programmes with budget left (the caller lists them); `today`: a Bishkek day.
 * @example rankRecommendations({ preferences, candidates, programmes: [], today: '2026-05-01', place, limit: 10 })
 * // [{ project: { id: 'at-bashy-school', ... }, score: 55, reasons: [{ code: 'home_rayon', text: { en: 'in your home district At-Bashy', ... } }, ...], oneSom: null }]
 */
export function rankRecommendations<P extends CofinancingProgramme>(input: {
  preferences: MatchPreferences;
  candidates: readonly MatchCandidate[];
  programmes: readonly P[];
  today: string;
  place: PlaceName;
  limit: number;
}): Recommendation[] {
  const seen = new Set<string>();
  const scored: Recommendation[] = [];
  for (const candidate of input.candidates) {
    if (seen.has(candidate.project.id) || !isRecommendable(candidate.project, input.today)) continue;
    seen.add(candidate.project.id);
    scored.push(scoreCandidate({ ...input, candidate }));
  }
  return scored.sort(byRank).slice(0, input.limit);
}
