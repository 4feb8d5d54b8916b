import type { MatchAnswersQuery, Profile, RecommendationList, Sector } from '@mekendesh/contracts';
import type { Clock } from './accounts.js';
import { bishkekToday } from './bishkek-calendar.js';
import { DEFAULT_GIVEN_PLEDGE_TYPES, isOpenWithBudget, matchedPledgeTypes, type CofinancingProgramme } from './cofinancing.js';
import { missingAnswers, rankRecommendations, type MatchCandidate, type MatchPreferences, type PlaceName } from './matching.js';
import type { ProgrammeStore } from './money-ports.js';
import type { TerritoryLookup } from './territory-rules.js';

/**
 * Recommendations as a use case: which facet lists to read for an investor (a plan, bounded by the constants
 * below), the candidates read through a port, then the pure ranking of matching.ts.
 */

/** Interest sectors read at most (each its own facet list). */
export const MAX_SECTOR_READS = 3;
/** Facet lists read for co-financing programmes at most. */
export const MAX_COFINANCED_READS = 4;
/** Programmes listed at most (they are few; the programme store caps its own list too). */
const MAX_PROGRAMMES = 50;

/** A facet list of published projects: the whole platform, an oblast, a sector, or an oblast's sector. */
export interface FacetList {
  oblast?: string;
  sector?: Sector;
}

/** What the candidate source reads: every list bounded by its own small limit (packages/db match-candidates.ts). */
export interface CandidatePlan {
  homeRayon: string | null;
  homeOblast: string | null;
  sectors: Sector[];
  /** Read the projects closing soonest whose deadline is `today` or later. */
  closingSoon: boolean;
  cofinanced: FacetList[];
  /** A Bishkek day: the closing-soon read starts there. */
  today: string;
  /** Whose supporter markers to read (null for a visitor). */
  investorId: string | null;
}

/** Reads the candidates of a plan by key and index only: published projects with their facts (port; packages/db). */
export interface MatchCandidateSource {
  candidates(plan: CandidatePlan): Promise<MatchCandidate[]>;
}

export interface MatchDeps {
  candidates: MatchCandidateSource;
  programmes: Pick<ProgrammeStore, 'list'>;
  clock: Clock;
  /** A territory's short name in ky/ru/en. */
  place: PlaceName;
}

/** What an investor's profile says for matching (amounts stay KGS tyiyn). */
export function preferencesFromProfile(p: Profile): MatchPreferences {
  return {
    homeRayonSoate: p.homeRayonSoate,
    homeOblastSoate: p.homeOblastSoate,
    sectors: p.sectors,
    pledgeTypes: p.pledgeTypes,
    amountMin: p.amountMin,
    amountMax: p.amountMax,
    languages: p.languages,
  };
}

/**
 * What a visitor's answers say: the rayon's oblast when only the rayon is given (lookup), and "about X som" read as
 * at most X som (X * 100 tyiyn), the least left open. Check the territories first (checkDiscoveryTerritories).
 */
export function preferencesFromAnswers(q: MatchAnswersQuery, lookup: TerritoryLookup): MatchPreferences {
  return {
    homeRayonSoate: q.rayon ?? null,
    homeOblastSoate: q.oblast ?? (q.rayon ? (lookup.rayon(q.rayon)?.oblastSoate ?? null) : null),
    sectors: q.sectors ?? [],
    pledgeTypes: [],
    amountMin: null,
    amountMax: q.amount === undefined ? null : q.amount * 100,
    languages: [],
  };
}

/** Whether a programme can co-finance anything today for the investor's pledge types (default: donations), budget left. */
function openFor(p: MatchPreferences, g: CofinancingProgramme & { reserved: number }, today: string): boolean {
  const theirs = p.pledgeTypes.length ? p.pledgeTypes : DEFAULT_GIVEN_PLEDGE_TYPES;
  return isOpenWithBudget(g, today) && matchedPledgeTypes(g).some((t) => theirs.includes(t));
}

/**
 * The facet lists where open programmes co-finance: an oblast's sector, an oblast, a sector or everything, as each
 * programme's criteria say; the home oblast's lists first, then the rest, at most MAX_COFINANCED_READS.
 */
export function cofinancedLists(p: MatchPreferences, programmes: readonly CofinancingProgramme[]): FacetList[] {
  const lists = new Map<string, FacetList>();
  for (const g of programmes) {
    const oblasts = g.oblastSoates === 'all' ? [undefined] : g.oblastSoates;
    const sectors = g.sectors === 'all' ? [undefined] : g.sectors;
    for (const oblast of oblasts)
      for (const sector of sectors) {
        lists.set(`${oblast ?? ''}|${sector ?? ''}`, { ...(oblast ? { oblast } : {}), ...(sector ? { sector } : {}) });
      }
  }
  const home = (l: FacetList) => (l.oblast !== undefined && l.oblast === p.homeOblastSoate ? 0 : 1);
  const interest = (l: FacetList) => (l.sector !== undefined && p.sectors.includes(l.sector) ? 0 : 1);
  return [...lists.values()].sort((a, b) => home(a) - home(b) || interest(a) - interest(b)).slice(0, MAX_COFINANCED_READS);
}

/**
 * Ranked recommendations with the answers still missing. Reads: the programmes (one index partition), then the
 * candidates of the plan (bounded; port). `near: 'home'` reads and keeps only the home rayon and oblast;
 * `exclude` leaves one project out (the page being read).
 * @example await recommend(deps, { preferences: preferencesFromProfile(user.profile), investorId: user.id, limit: 10 })
 */
export async function recommend(
  deps: MatchDeps,
  input: {
    preferences: MatchPreferences;
    investorId: string | null;
    near?: 'home' | undefined;
    exclude?: string | undefined;
    limit: number;
  },
): Promise<RecommendationList> {
  const p = input.preferences;
  const missing = missingAnswers(p);
  const nearHome = input.near === 'home';
  if (nearHome && !p.homeRayonSoate && !p.homeOblastSoate) return { items: [], missing };
  const today = bishkekToday(deps.clock);
  const programmes = (await deps.programmes.list(MAX_PROGRAMMES)).filter((g) => openFor(p, g, today));
  const candidates = await deps.candidates.candidates({
    homeRayon: p.homeRayonSoate,
    homeOblast: p.homeOblastSoate,
    sectors: nearHome ? [] : p.sectors.slice(0, MAX_SECTOR_READS),
    closingSoon: !nearHome,
    cofinanced: nearHome ? [] : cofinancedLists(p, programmes),
    today,
    investorId: input.investorId,
  });
  const kept = candidates.filter(
    (c) =>
      c.project.id !== input.exclude &&
      (!nearHome || c.project.rayonSoate === p.homeRayonSoate || c.project.oblastSoate === p.homeOblastSoate),
  );
  return {
    items: rankRecommendations({ preferences: p, candidates: kept, programmes, today, place: deps.place, limit: input.limit }),
    missing,
  };
}
