import type { Organisation, ProjectDraft, Territory } from '@mekendesh/contracts';
import { invalid, invalidIn } from './errors.js';

/**
 * Where a SOATE code sits, answered from the reference data (packages/territories), which the domain does not
 * import: composition, the jobs and the web build one with `territoryRules(TERRITORIES)` and pass it in.
 */
export interface TerritoryLookup {
  /** An oblast-level unit (the 7 oblasts, Bishkek, Osh) by code. */
  isOblast(soate: string): boolean;
  /** A rayon-level unit (rayon or city) and its oblast. */
  rayon(soate: string): { oblastSoate: string } | undefined;
}

/** The lookup, plus where any known code lies (an organisation's territory may be oblast- or rayon-level). */
export interface TerritoryRules extends TerritoryLookup {
  /** Any known unit (oblast-level wins for Bishkek and Osh) and its oblast-level code; undefined for an unknown code. */
  place(soate: string): { level: 1 | 2; oblastSoate: string } | undefined;
}

/**
 * The lookup over a reference list of territories (level 1: oblast-level units, level 2: rayons and cities
 * with their `parentSoate`). Bishkek and Osh are both oblast- and rayon-level units with one code: as a
 * rayon they lie in themselves.
 * @example const rules = territoryRules(TERRITORIES); rules.rayon('41711000000000') // { oblastSoate: '41711000000000' }
 */
export function territoryRules(reference: readonly Territory[]): TerritoryRules {
  const oblasts = new Set(reference.filter((t) => t.level === 1).map((t) => t.soate));
  const rayonOblast = new Map(reference.filter((t) => t.level === 2).map((t) => [t.soate, t.parentSoate ?? t.soate]));
  return {
    isOblast: (soate) => oblasts.has(soate),
    rayon: (soate) => {
      const oblastSoate = rayonOblast.get(soate);
      return oblastSoate === undefined ? undefined : { oblastSoate };
    },
    place: (soate) => {
      if (oblasts.has(soate)) return { level: 1, oblastSoate: soate };
      const oblastSoate = rayonOblast.get(soate);
      return oblastSoate === undefined ? undefined : { level: 2, oblastSoate };
    },
  };
}

/** Whether `rayonSoate` is a rayon-level unit of the oblast-level unit `oblastSoate` (Bishkek's rayon-level unit lies in Bishkek). */
export function rayonLiesIn(lookup: TerritoryLookup, rayonSoate: string, oblastSoate: string): boolean {
  return lookup.rayon(rayonSoate)?.oblastSoate === oblastSoate;
}

/**
 * The territory filters of a discovery query, or 400 naming `query.oblast` / `query.rayon`: an oblast that is
 * not oblast-level, a rayon that is not rayon-level, a rayon outside the given oblast. The web's tolerant reader
 * drops the same values instead (`rayonLiesIn`, `isOblast`).
 */
export function checkDiscoveryTerritories<Q extends { oblast?: string | undefined; rayon?: string | undefined }>(
  lookup: TerritoryLookup,
  query: Q,
): Q {
  if (query.oblast && !lookup.isOblast(query.oblast)) throw invalidIn('query.oblast', HOME_TERRITORY_MESSAGES.notOblast);
  if (query.rayon) {
    if (!lookup.rayon(query.rayon)) throw invalidIn('query.rayon', HOME_TERRITORY_MESSAGES.notRayon);
    if (query.oblast && !rayonLiesIn(lookup, query.rayon, query.oblast))
      throw invalidIn('query.rayon', HOME_TERRITORY_MESSAGES.outsideOblast);
  }
  return query;
}

/** The home-territory errors of a profile, in the three languages (the API answers in the caller's). */
export const HOME_TERRITORY_MESSAGES = {
  notOblast: {
    ky: 'Облусту тизмеден тандаңыз',
    ru: 'Выберите область из списка',
    en: 'Choose an oblast from the list',
  },
  notRayon: {
    ky: 'Районду же шаарды тизмеден тандаңыз',
    ru: 'Выберите район или город из списка',
    en: 'Choose a rayon or city from the list',
  },
  outsideOblast: {
    ky: 'Бул район тандалган облуста эмес',
    ru: 'Этот район не в выбранной области',
    en: 'This rayon is not in the chosen oblast',
  },
} as const;

/**
 * A person's home territory (profile: `homeRayonSoate`, `homeOblastSoate`), checked as discovery's filters are
 * (checkDiscoveryTerritories): the oblast must be an oblast-level unit, the rayon a rayon-level unit (rayon or
 * city of oblast significance; no ayil aimak) lying in that oblast. A rayon without an oblast gets its oblast.
 * Demand counts are keyed by these codes, so nothing else may be stored. Errors: 400 (ky/ru/en) naming the field.
 * @example checkHomeTerritories(rules, { homeRayonSoate: '41704220000000', homeOblastSoate: null }) // oblast 41704000000000
 */
export function checkHomeTerritories<P extends { homeRayonSoate: string | null; homeOblastSoate: string | null }>(
  lookup: TerritoryLookup,
  profile: P,
): P {
  const { homeRayonSoate: rayon, homeOblastSoate: oblast } = profile;
  if (oblast !== null && !lookup.isOblast(oblast)) throw invalidIn('homeOblastSoate', HOME_TERRITORY_MESSAGES.notOblast);
  if (rayon === null) return profile;
  const place = lookup.rayon(rayon);
  if (!place) throw invalidIn('homeRayonSoate', HOME_TERRITORY_MESSAGES.notRayon);
  if (oblast !== null && place.oblastSoate !== oblast) throw invalidIn('homeRayonSoate', HOME_TERRITORY_MESSAGES.outsideOblast);
  return { ...profile, homeOblastSoate: place.oblastSoate };
}

/**
 * The oblasts a co-financing programme covers (`oblastSoates`: 'all' or a list): each an oblast-level unit.
 * Errors: 400 naming `oblastSoates.<i>`.
 */
export function checkOblastList(lookup: TerritoryLookup, oblasts: readonly string[] | 'all'): void {
  if (oblasts === 'all') return;
  oblasts.forEach((soate, i) => {
    if (!lookup.isOblast(soate)) throw invalidIn(`oblastSoates.${i}`, HOME_TERRITORY_MESSAGES.notOblast);
  });
}

/**
 * Where a project lies: within its organisation's territory, at oblast and (optionally) rayon level. An
 * organisation of a rayon or city proposes there only; an oblast administration (or Bishkek, Osh) anywhere in
 * its oblast. An absent rayon defaults to the organisation's own rayon; `null` means the whole oblast.
 * Errors: 400 on `rayonSoate` (unknown, or outside the territory) or `oblastSoate` (not oblast-level, or outside).
 */
export function placeProject(
  lookup: TerritoryLookup,
  organisation: Pick<Organisation, 'territorySoate' | 'oblastSoate'>,
  input: Pick<ProjectDraft, 'oblastSoate' | 'rayonSoate'>,
): { oblastSoate: string; rayonSoate: string | null } {
  const orgCoversOblast = organisation.territorySoate === organisation.oblastSoate;
  const rayonSoate = input.rayonSoate !== undefined ? input.rayonSoate : orgCoversOblast ? null : organisation.territorySoate;
  const rayon = rayonSoate ? lookup.rayon(rayonSoate) : undefined;
  if (rayonSoate && !rayon) throw invalid('rayonSoate', 'not a rayon or city SOATE code');
  if (!orgCoversOblast && rayonSoate !== organisation.territorySoate) {
    throw invalid('rayonSoate', `outside the organisation's territory ${organisation.territorySoate}`);
  }
  const oblastSoate = input.oblastSoate ?? rayon?.oblastSoate ?? organisation.oblastSoate;
  if (!lookup.isOblast(oblastSoate)) throw invalid('oblastSoate', 'not an oblast-level SOATE code');
  if (oblastSoate !== organisation.oblastSoate) throw invalid('oblastSoate', "outside the organisation's territory");
  if (rayon && rayon.oblastSoate !== oblastSoate) throw invalid('rayonSoate', "outside the organisation's territory");
  return { oblastSoate, rayonSoate };
}
