import type { Locale, Territory } from '@mekendesh/contracts';
import { TERRITORIES } from './data.js';

export { TERRITORIES };
export { OBLAST_MAP_VIEWBOX, OBLAST_SHAPES, type OblastShape } from './oblast-map.js';

/** The credit line the data's licence asks for; shown in the product's footer. */
export const TERRITORY_ATTRIBUTION =
  'Administrative boundaries: OCHA / Ministry of Emergency Situations of the Kyrgyz Republic, COD-AB via HDX (CC BY-IGO 3.0). Modified: simplified, Bishkek and Osh city derived, fields renamed.';

// Bishkek and Osh appear at both levels with one SOATE code; the oblast-level entry wins the lookup.
const bySoate = new Map<string, Territory>();
for (const t of TERRITORIES) if (!bySoate.has(t.soate) || t.level === 1) bySoate.set(t.soate, t);

/** The 9 oblast-level units: 7 oblasts, Bishkek and Osh city. */
export const OBLASTS: readonly Territory[] = TERRITORIES.filter((t) => t.level === 1);
/** The 55 rayon-level units: rayons and cities. */
export const RAYONS: readonly Territory[] = TERRITORIES.filter((t) => t.level === 2);

export function territoryBySoate(soate: string): Territory | undefined {
  return bySoate.get(soate);
}

/** Rayons and cities within an oblast-level unit. */
export function rayonsOf(oblastSoate: string): Territory[] {
  return RAYONS.filter((t) => t.parentSoate === oblastSoate);
}

/** The oblast-level unit a territory belongs to (itself if it is one). */
export function oblastOf(soate: string): Territory | undefined {
  const t = bySoate.get(soate);
  if (!t) return undefined;
  return t.level === 1 ? t : t.parentSoate ? bySoate.get(t.parentSoate) : undefined;
}

export function territoryName(soate: string, locale: Locale): string {
  return bySoate.get(soate)?.name[locale] ?? soate;
}
