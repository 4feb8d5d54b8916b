import {
  DEMAND_AMOUNT_RANGES,
  DEMAND_BAND,
  DEMAND_MIN_CELL,
  SECTORS,
  type Demand,
  type DemandBand,
  type DemandCell,
  type Profile,
  type Sector,
} from '@mekendesh/contracts';
import { byCodeUnit } from './text-order.js';

/**
 * Demand signals (issue 11): running counts of consenting investors per home territory, by sector of interest,
 * amount range and country of residence. Pure: what one profile contributes, what a save changes, and how the
 * stored counts become the answer: small cells hidden, others banded, small countries folded. The counts are kept by the profile's own write
 * (packages/db user-repository), never computed by reading profiles.
 */

type DemandAmountRange = (typeof DEMAND_AMOUNT_RANGES)[number];

/** One counted cell of a territory: the total, a sector, an amount range, or a country ('none' when not stated). */
export type DemandDimension = 'total' | 'sector' | 'amount' | 'country';

/** A change of one cell of one territory's aggregates, by `n` people (negative to remove). */
export interface DemandChange {
  /** The territory (rayon- or oblast-level SOATE code) the cell belongs to. */
  soate: string;
  dimension: DemandDimension;
  /** 'all' for the total; a sector; an amount range; an ISO country code or 'none'. */
  value: string;
  n: number;
}

/** A stored cell as read back (negative or zero counts may remain after people left; they show as nothing). */
export type DemandCount = Omit<DemandChange, 'soate'>;

/** Where the cell for "country not stated" is kept. */
const DEMAND_NO_COUNTRY = 'none';

// Range bounds in KGS som (lower bound inclusive), in the order of DEMAND_AMOUNT_RANGES.
const RANGE_FLOORS_SOM: readonly [DemandAmountRange, number][] = [
  ['over_1m', 1_000_000],
  ['200k_1m', 200_000],
  ['50k_200k', 50_000],
  ['10k_50k', 10_000],
  ['under_10k', 0],
];

/**
 * The amount range of a profile, from amountMax, else amountMin (KGS tyiyn), in KGS som with inclusive lower
 * bounds: 10,000 som is '10k_50k', 1,000,000 som is 'over_1m'; neither amount is 'not_stated'.
 */
export function demandAmountRange(profile: Pick<Profile, 'amountMin' | 'amountMax'>): DemandAmountRange {
  const tyiyn = profile.amountMax ?? profile.amountMin;
  if (tyiyn === null || tyiyn === undefined) return 'not_stated';
  const som = tyiyn / 100;
  return RANGE_FLOORS_SOM.find(([, floor]) => som >= floor)![0];
}

type DemandProfile = Pick<
  Profile,
  'homeRayonSoate' | 'homeOblastSoate' | 'sectors' | 'amountMin' | 'amountMax' | 'residenceCountry' | 'countInterest'
>;

/**
 * What one profile adds to the aggregates: nothing without consent (`countInterest`, absent on profiles stored
 * before it existed, counts as no); with it, for its home rayon and its home oblast (once where they are one
 * code, as Bishkek and Osh), +1 total, +1 per sector of interest, +1 in its amount range, +1 for its residence
 * country or 'none'. A profile without a home territory adds nothing.
 * @example demandContribution({ ...p, countInterest: true, homeRayonSoate: R, homeOblastSoate: O, sectors: ['water'] })
 *   // [{ soate: R, dimension: 'total', value: 'all', n: 1 }, { soate: R, dimension: 'sector', value: 'water', n: 1 }, ...]
 */
export function demandContribution(profile: DemandProfile | undefined): DemandChange[] {
  if (!profile || profile.countInterest !== true) return [];
  const territories = [...new Set([profile.homeRayonSoate, profile.homeOblastSoate].filter((s): s is string => !!s))];
  const cells: Omit<DemandChange, 'soate'>[] = [
    { dimension: 'total', value: 'all', n: 1 },
    ...[...new Set(profile.sectors ?? [])].map((value) => ({ dimension: 'sector' as const, value, n: 1 })),
    { dimension: 'amount', value: demandAmountRange(profile), n: 1 },
    { dimension: 'country', value: profile.residenceCountry ?? DEMAND_NO_COUNTRY, n: 1 },
  ];
  return territories.flatMap((soate) => cells.map((c) => ({ soate, ...c })));
}

const cellKey = (c: Pick<DemandChange, 'soate' | 'dimension' | 'value'>) => `${c.soate}|${c.dimension}|${c.value}`;

/**
 * The change of the aggregates when a profile goes from `before` to `after` (either may be undefined: a new or
 * an erased account): `after`'s contribution minus `before`'s, cells that cancel left out, in a stable order.
 * @example demandDelta(withSectors(['water']), withSectors(['health'])) // water -1, health +1 in each home territory
 */
export function demandDelta(before: DemandProfile | undefined, after: DemandProfile | undefined): DemandChange[] {
  const sums = new Map<string, DemandChange>();
  const add = (c: DemandChange, sign: number) => {
    const key = cellKey(c);
    const prior = sums.get(key);
    sums.set(key, { ...c, n: (prior?.n ?? 0) + sign * c.n });
  };
  for (const c of demandContribution(before)) add(c, -1);
  for (const c of demandContribution(after)) add(c, 1);
  return [...sums.values()].filter((c) => c.n !== 0);
}

/**
 * A count as the demand answer shows it: under DEMAND_MIN_CELL people 'fewer_than_5'; n >= 5 as its band of
 * DEMAND_BAND, `{ from: 5⌊n/5⌋, to: 5⌊n/5⌋ + 4 }` — never the exact number (small-cell suppression and rounding
 * to base 5, as statistical offices publish small-area counts; docs/matching.md).
 * @example demandCell(4) // 'fewer_than_5'; demandCell(9) // { from: 5, to: 9 }; demandCell(10) // { from: 10, to: 14 }
 */
export function demandCell(n: number): DemandCell {
  return n >= DEMAND_MIN_CELL ? demandBand(n) : 'fewer_than_5';
}

function demandBand(n: number): DemandBand {
  const from = Math.floor(n / DEMAND_BAND) * DEMAND_BAND;
  return { from, to: from + DEMAND_BAND - 1 };
}

type CountryRow = Demand['byCountry'][number];

/**
 * The country breakdown from counts per country code ('none' for not stated): countries (and not stated, as
 * 'not_stated', listed last) with DEMAND_MIN_CELL or more people by code with their band; every smaller one
 * folded into `otherCountries`, so a country where 1 to 4 people live is never named — not even by appearing.
 * @example demandCountries([{ value: 'RU', n: 7 }, { value: 'TR', n: 1 }, { value: 'DE', n: 2 }])
 *   // { byCountry: [{ country: 'RU', count: { from: 5, to: 9 } }], otherCountries: 'fewer_than_5' }
 */
export function demandCountries(counts: readonly { value: string; n: number }[]): Pick<Demand, 'byCountry' | 'otherCountries'> {
  const listed = counts.filter((c) => c.n >= DEMAND_MIN_CELL);
  const folded = counts.filter((c) => c.n > 0 && c.n < DEMAND_MIN_CELL).reduce((sum, c) => sum + c.n, 0);
  const byCountry = listed
    .map((c): CountryRow => ({
      country: (c.value === DEMAND_NO_COUNTRY ? 'not_stated' : c.value) as CountryRow['country'],
      count: demandBand(c.n),
    }))
    // By code, not by size (an order by count would rank cells against each other); not stated last.
    .sort((a, b) => Number(a.country === 'not_stated') - Number(b.country === 'not_stated') || byCodeUnit(a.country, b.country));
  return { byCountry, otherCountries: demandCell(folded) };
}

/**
 * The demand answer from a territory's stored cells: every sector and amount range listed (absent ones as
 * 'fewer_than_5'), countries as demandCountries folds them; every count banded or hidden by demandCell.
 */
export function demandView(soate: string, cells: readonly DemandCount[]): Omit<Demand, 'name'> {
  const count = (dimension: DemandDimension, value: string) =>
    cells.filter((c) => c.dimension === dimension && c.value === value).reduce((sum, c) => sum + c.n, 0);
  const countries = [...new Set(cells.filter((c) => c.dimension === 'country').map((c) => c.value))];
  return {
    soate,
    total: demandCell(count('total', 'all')),
    bySector: SECTORS.map((sector: Sector) => ({ sector, count: demandCell(count('sector', sector)) })),
    byAmount: DEMAND_AMOUNT_RANGES.map((range) => ({ range, count: demandCell(count('amount', range)) })),
    ...demandCountries(countries.map((value) => ({ value, n: count('country', value) }))),
  };
}
