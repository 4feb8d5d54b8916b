import { describe, expect, it } from 'vitest';
import {
  checkEligibility,
  computeMatch,
  eligibleProgrammes,
  isEligible,
  matchedPledgeTypes,
  oneSomByPledgeType,
  validateProgramme,
  whatOneSomBecomes,
  type CofinancingProgramme,
  type ProgrammeCandidate,
} from './cofinancing.js';

const NARYN = '41704000000000';
const BATKEN = '41705000000000';
const BISHKEK = '41711000000000';
const SOM = 100;

function programme(overrides: Partial<CofinancingProgramme> = {}): CofinancingProgramme {
  return {
    id: 'mekenim-1-1',
    name: { ky: 'Мекеним 1+1', ru: 'Мекеним 1+1', en: 'Mekenim 1+1' },
    ratio: { numerator: 1, denominator: 1 },
    budget: 1_000_000 * SOM,
    capPerProject: 300_000 * SOM,
    oblastSoates: [NARYN, BATKEN],
    sectors: ['business', 'agriculture'],
    kinds: ['business'],
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    ...overrides,
  };
}
const mekenim = programme();
const threeForOne = programme({ id: '3x1', ratio: { numerator: 3, denominator: 1 }, oblastSoates: 'all', sectors: 'all', kinds: 'all' });
const dairy: ProgrammeCandidate = { oblastSoate: NARYN, sector: 'agriculture', kind: 'business' };

/** A tiny seeded PRNG (mulberry32), so random cases repeat exactly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('eligibility', () => {
  it('admits a project in region, sector, kind and period, first and last day included', () => {
    for (const day of ['2026-01-01', '2026-06-15', '2026-12-31']) {
      expect(checkEligibility({ programme: mekenim, project: dairy, day, pledgeType: 'donation' })).toEqual({
        eligible: true,
        reasons: [],
      });
      expect(isEligible({ programme: mekenim, project: dairy, day, pledgeType: 'donation' })).toBe(true);
    }
  });

  it('gives every reason, as codes', () => {
    const school: ProgrammeCandidate = { oblastSoate: BISHKEK, sector: 'education', kind: 'community' };
    expect(checkEligibility({ programme: mekenim, project: school, day: '2027-01-01', pledgeType: 'donation' })).toEqual({
      eligible: false,
      reasons: [
        { code: 'ended', endDate: '2026-12-31' },
        { code: 'oblast_not_eligible', oblastSoate: BISHKEK },
        { code: 'sector_not_eligible', sector: 'education' },
        { code: 'kind_not_eligible', kind: 'community' },
      ],
    });
    expect(checkEligibility({ programme: mekenim, project: dairy, day: '2025-12-31', pledgeType: 'donation' }).reasons).toEqual([
      { code: 'not_started', startDate: '2026-01-01' },
    ]);
    expect(isEligible({ programme: mekenim, project: school, day: '2026-06-01', pledgeType: 'donation' })).toBe(false);
  });

  it("treats 'all' as no restriction and filters a list of programmes", () => {
    const school: ProgrammeCandidate = { oblastSoate: BISHKEK, sector: 'education', kind: 'community' };
    expect(isEligible({ programme: threeForOne, project: school, day: '2026-06-01', pledgeType: 'donation' })).toBe(true);
    const found = eligibleProgrammes({ programmes: [mekenim, threeForOne], project: school, day: '2026-06-01', pledgeType: 'donation' });
    expect(found.map((p) => p.id)).toEqual(['3x1']);
  });
});

describe('pledge types', () => {
  const lender = programme({ id: 'loans-too', pledgeTypes: ['donation', 'loan'] });
  const day = '2026-06-15';

  it('matches donations only when a programme does not say (stored before the field existed, or an empty list)', () => {
    expect(mekenim.pledgeTypes).toBeUndefined();
    expect(matchedPledgeTypes(mekenim)).toEqual(['donation']);
    expect(matchedPledgeTypes(programme({ pledgeTypes: [] }))).toEqual(['donation']);
    expect(checkEligibility({ programme: mekenim, project: dairy, day, pledgeType: 'donation' })).toEqual({ eligible: true, reasons: [] });
    for (const pledgeType of ['loan', 'equity', 'in_kind'] as const) {
      expect(checkEligibility({ programme: mekenim, project: dairy, day, pledgeType })).toEqual({
        eligible: false,
        reasons: [{ code: 'pledge_type_not_matched', pledgeType }],
      });
    }
  });

  it('matches the types a programme declares, and only those', () => {
    expect(isEligible({ programme: lender, project: dairy, day, pledgeType: 'loan' })).toBe(true);
    expect(isEligible({ programme: lender, project: dairy, day, pledgeType: 'equity' })).toBe(false);
    const loansOnly = programme({ id: 'loans-only', pledgeTypes: ['loan'] });
    expect(
      eligibleProgrammes({ programmes: [mekenim, lender, loansOnly], project: dairy, day, pledgeType: 'loan' }).map((p) => p.id),
    ).toEqual(['loans-too', 'loans-only']);
    expect(
      eligibleProgrammes({ programmes: [mekenim, lender, loansOnly], project: dairy, day, pledgeType: 'donation' }).map((p) => p.id),
    ).toEqual(['mekenim-1-1', 'loans-too']);
    // 'any' asks whether the programme co-finances the project at all, whatever the type.
    expect(eligibleProgrammes({ programmes: [mekenim, loansOnly], project: dairy, day, pledgeType: 'any' }).map((p) => p.id)).toEqual([
      'mekenim-1-1',
      'loans-only',
    ]);
  });

  it('says what one som becomes for each pledge type', () => {
    expect(
      oneSomByPledgeType({ programmes: [mekenim], types: ['donation', 'loan', 'equity'] }).map((r) => [r.type, r.matched, r.multiplier]),
    ).toEqual([
      ['donation', 100, '2'],
      ['loan', 0, '1'],
      ['equity', 0, '1'],
    ]);
    expect(
      oneSomByPledgeType({
        programmes: [mekenim, programme({ id: 'l', ratio: { numerator: 1, denominator: 2 }, pledgeTypes: ['loan'] })],
        types: ['donation', 'loan'],
      }).map((r) => [r.type, r.total, r.multiplier]),
    ).toEqual([
      ['donation', 200, '2'],
      ['loan', 150, '1.5'],
    ]);
  });

  it('refuses an empty list of pledge types from staff', () => {
    expect(validateProgramme(programme({ pledgeTypes: [] })).map((e) => e.field)).toEqual(['pledgeTypes']);
    expect(validateProgramme(lender)).toEqual([]);
  });
});

describe('computeMatch', () => {
  const match = (p: CofinancingProgramme, receivedKgs: number, alreadyMatchedForProject = 0, programmeReserved = 0) =>
    computeMatch({ programme: p, receivedKgs, alreadyMatchedForProject, programmeReserved });

  it('matches by the ratio, floored to the tyiyn', () => {
    expect(match(mekenim, 5_000 * SOM)).toEqual({
      match: 5_000 * SOM,
      uncapped: 5_000 * SOM,
      limitedBy: 'none',
      budgetLeft: 995_000 * SOM,
      projectCapLeft: 295_000 * SOM,
    });
    expect(match(threeForOne, 1_234_567).match).toBe(3_703_701);
    const twoThirds = programme({ ratio: { numerator: 2, denominator: 3 } });
    expect(match(twoThirds, 100).match).toBe(66); // 66.67 -> 66: the programme owes at most the ratio
    expect(match(twoThirds, 1).match).toBe(0);
    expect(match(mekenim, 0)).toMatchObject({ match: 0, limitedBy: 'none' });
    expect(match(programme({ ratio: { numerator: 0, denominator: 1 } }), 1_000).match).toBe(0);
  });

  it('stops at the project cap, to the tyiyn', () => {
    const cap = mekenim.capPerProject;
    expect(match(mekenim, 10_000, cap - 10_000)).toMatchObject({ match: 10_000, limitedBy: 'none', projectCapLeft: 0 });
    expect(match(mekenim, 10_001, cap - 10_000)).toMatchObject({ match: 10_000, uncapped: 10_001, limitedBy: 'project_cap' });
    expect(match(mekenim, 1, cap)).toMatchObject({ match: 0, limitedBy: 'project_cap', projectCapLeft: 0 });
    expect(match(threeForOne, 1_000 * SOM, cap - 1)).toMatchObject({ match: 1, limitedBy: 'project_cap' });
  });

  it('stops at the budget, to the tyiyn', () => {
    const budget = mekenim.budget;
    expect(match(mekenim, 7, 0, budget - 7)).toMatchObject({ match: 7, limitedBy: 'none', budgetLeft: 0 });
    expect(match(mekenim, 8, 0, budget - 7)).toMatchObject({ match: 7, limitedBy: 'budget', budgetLeft: 0 });
    expect(match(mekenim, 1, 0, budget)).toMatchObject({ match: 0, limitedBy: 'budget' });
  });

  it('reports the tighter limit, the budget on a tie', () => {
    const budget = mekenim.budget;
    const cap = mekenim.capPerProject;
    expect(match(mekenim, 500, cap - 100, budget - 200).limitedBy).toBe('project_cap');
    expect(match(mekenim, 500, cap - 200, budget - 100).limitedBy).toBe('budget');
    expect(match(mekenim, 500, cap - 100, budget - 100)).toMatchObject({ match: 100, limitedBy: 'budget' });
  });

  it('never goes negative when a budget or cap was lowered below what is reserved', () => {
    const lowered = programme({ budget: 1_000, capPerProject: 500 });
    expect(match(lowered, 10_000, 800, 0)).toEqual({
      match: 0,
      uncapped: 10_000,
      limitedBy: 'project_cap',
      budgetLeft: 1_000,
      projectCapLeft: 0,
    });
    expect(match(lowered, 10_000, 0, 5_000)).toEqual({
      match: 0,
      uncapped: 10_000,
      limitedBy: 'budget',
      budgetLeft: 0,
      projectCapLeft: 500,
    });
  });

  it('refuses fractions, negatives and broken ratios', () => {
    expect(() => match(mekenim, 10.5)).toThrow(RangeError);
    expect(() => match(mekenim, -1)).toThrow(RangeError);
    expect(() => match(mekenim, 1, -1)).toThrow(RangeError);
    expect(() => match(mekenim, 1, 0, Number.NaN)).toThrow(RangeError);
    expect(() => match(programme({ ratio: { numerator: 1, denominator: 0 } }), 1)).toThrow(RangeError);
    expect(() => match(programme({ ratio: { numerator: 1.5, denominator: 1 } }), 1)).toThrow(RangeError);
    expect(() => match(programme({ budget: -1 }), 1)).toThrow(RangeError);
    expect(() => match(programme({ ratio: { numerator: 1_000, denominator: 1 } }), Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });

  it('a story: three projects draw on Mekenim until its budget runs out, totals exact', () => {
    const small = programme({ budget: 500_000 * SOM, capPerProject: 200_000 * SOM });
    const matched = new Map<string, number>();
    let reserved = 0;
    const receive = (project: string, som: number) => {
      const result = computeMatch({
        programme: small,
        receivedKgs: som * SOM,
        alreadyMatchedForProject: matched.get(project) ?? 0,
        programmeReserved: reserved,
      });
      matched.set(project, (matched.get(project) ?? 0) + result.match);
      reserved += result.match;
      // after every receipt: the ledger adds up, nothing beyond a limit
      expect([...matched.values()].reduce((s, x) => s + x, 0)).toBe(reserved);
      expect(reserved).toBeLessThanOrEqual(small.budget);
      for (const m of matched.values()) expect(m).toBeLessThanOrEqual(small.capPerProject);
      return [result.match / SOM, result.limitedBy];
    };
    expect(receive('school-naryn', 150_000)).toEqual([150_000, 'none']);
    expect(receive('school-naryn', 80_000)).toEqual([50_000, 'project_cap']);
    expect(receive('school-naryn', 10_000)).toEqual([0, 'project_cap']);
    expect(receive('dairy-batken', 200_000)).toEqual([200_000, 'none']);
    expect(receive('mill-talas', 120_000)).toEqual([100_000, 'budget']);
    expect(receive('mill-talas', 1)).toEqual([0, 'budget']);
    expect(matched).toEqual(
      new Map([
        ['school-naryn', 20_000_000],
        ['dairy-batken', 20_000_000],
        ['mill-talas', 10_000_000],
      ]),
    );
    expect(reserved).toBe(small.budget);
  });

  it('holds its limits over many random receipts (seeded)', () => {
    const random = prng(20_260_101);
    const int = (max: number) => Math.floor(random() * (max + 1));
    for (let run = 0; run < 200; run += 1) {
      const p = programme({
        ratio: { numerator: int(5), denominator: 1 + int(4) },
        budget: 1 + int(10_000_000),
        capPerProject: 1 + int(3_000_000),
      });
      const matched = [0, 0, 0, 0, 0];
      let reserved = 0;
      for (let step = 0; step < 50; step += 1) {
        const project = int(4);
        const receivedKgs = int(random() < 0.1 ? 50_000_000 : 500_000);
        const already = matched[project]!;
        const result = computeMatch({ programme: p, receivedKgs, alreadyMatchedForProject: already, programmeReserved: reserved });
        const uncapped = Math.floor((receivedKgs * p.ratio.numerator) / p.ratio.denominator);
        expect(result.uncapped).toBe(uncapped);
        expect(result.match).toBe(Math.min(uncapped, p.budget - reserved, p.capPerProject - already));
        expect(result.match).toBeGreaterThanOrEqual(0);
        expect(result.limitedBy === 'none').toBe(result.match === uncapped);
        matched[project] = already + result.match;
        reserved += result.match;
        expect(result.budgetLeft).toBe(p.budget - reserved);
        expect(result.projectCapLeft).toBe(p.capPerProject - matched[project]!);
        expect(reserved).toBeLessThanOrEqual(p.budget);
        expect(matched[project]).toBeLessThanOrEqual(p.capPerProject);
        expect(matched.reduce((s, x) => s + x, 0)).toBe(reserved);
      }
    }
  });
});

describe('whatOneSomBecomes', () => {
  it('says what a som of a pledge becomes', () => {
    expect(whatOneSomBecomes([mekenim])).toEqual({
      diaspora: 100,
      matched: 100,
      total: 200,
      multiplier: '2',
      byProgramme: [{ id: 'mekenim-1-1', matched: 100 }],
    });
    expect(whatOneSomBecomes([threeForOne])).toMatchObject({ matched: 300, total: 400, multiplier: '4' });
    expect(whatOneSomBecomes([mekenim, threeForOne])).toMatchObject({ matched: 400, total: 500, multiplier: '5' });
    expect(whatOneSomBecomes([programme({ ratio: { numerator: 1, denominator: 2 } })]).multiplier).toBe('1.5');
    expect(whatOneSomBecomes([programme({ ratio: { numerator: 1, denominator: 3 } })])).toMatchObject({ total: 133, multiplier: '1.33' });
    expect(whatOneSomBecomes([programme({ ratio: { numerator: 1, denominator: 20 } })]).multiplier).toBe('1.05');
    expect(whatOneSomBecomes([])).toMatchObject({ matched: 0, total: 100, multiplier: '1', byProgramme: [] });
  });
});

describe('validateProgramme', () => {
  it('accepts a sound programme', () => {
    expect(validateProgramme(mekenim)).toEqual([]);
    expect(validateProgramme(threeForOne)).toEqual([]);
  });

  it('names each field in error', () => {
    const broken = programme({
      ratio: { numerator: 0, denominator: 0 },
      budget: 100,
      capPerProject: 200,
      startDate: '2026-12-31',
      endDate: '2026-01-01',
      sectors: [],
    });
    expect(validateProgramme(broken).map((e) => e.field)).toEqual([
      'ratio.numerator',
      'ratio.denominator',
      'capPerProject',
      'endDate',
      'sectors',
    ]);
    expect(validateProgramme(programme({ startDate: '2026-02-30', budget: 0.5 })).map((e) => e.field)).toEqual([
      'budget',
      'capPerProject',
      'startDate',
    ]);
  });
});
