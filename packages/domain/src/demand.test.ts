import { ProfileSchema, type Profile } from '@mekendesh/contracts';
import { TERRITORIES } from '../../territories/src/data.js';
import { describe, expect, it } from 'vitest';
import {
  demandAmountRange,
  demandCell,
  demandContribution,
  demandCountries,
  demandDelta,
  demandView,
  type DemandChange,
} from './demand.js';
import { demandTerritoryOf } from './demand-read.js';
import { territoryRules } from './territory-rules.js';

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const BISHKEK = '41711000000000';
const som = (n: number) => n * 100;

const profile = (over: Partial<Profile> = {}): Profile =>
  ProfileSchema.parse({
    displayName: 'Aida',
    homeRayonSoate: AT_BASHY,
    homeOblastSoate: NARYN,
    residenceCountry: 'RU',
    sectors: ['education', 'water'],
    amountMax: som(40_000),
    countInterest: true,
    ...over,
  });

const cells = (changes: DemandChange[], soate: string) =>
  changes.filter((c) => c.soate === soate).map((c) => `${c.dimension}:${c.value}:${c.n}`);

describe('demandContribution', () => {
  it('counts nothing without consent, and a profile stored before the field as no consent', () => {
    expect(demandContribution(profile({ countInterest: false }))).toEqual([]);
    const { countInterest: _, ...old } = profile();
    expect(demandContribution(old as Profile)).toEqual([]);
  });

  it('with consent: total, each sector, the amount range and the country, in the home rayon and the home oblast', () => {
    const out = demandContribution(profile());
    const expected = ['total:all:1', 'sector:education:1', 'sector:water:1', 'amount:10k_50k:1', 'country:RU:1'];
    expect(cells(out, AT_BASHY)).toEqual(expected);
    expect(cells(out, NARYN)).toEqual(expected);
    expect(out).toHaveLength(10);
  });

  it('counts a city that is both rayon- and oblast-level once, and no country as none', () => {
    const out = demandContribution(profile({ homeRayonSoate: BISHKEK, homeOblastSoate: BISHKEK, residenceCountry: null, sectors: [] }));
    expect(cells(out, BISHKEK)).toEqual(['total:all:1', 'amount:10k_50k:1', 'country:none:1']);
    expect(out).toHaveLength(3);
  });

  it('counts nothing for a profile without a home territory', () => {
    expect(demandContribution(profile({ homeRayonSoate: null, homeOblastSoate: null }))).toEqual([]);
  });
});

describe('demandAmountRange', () => {
  it.each([
    [null, null, 'not_stated'],
    [som(9_999), null, 'under_10k'],
    [null, som(10_000), '10k_50k'],
    [som(1), som(49_999), '10k_50k'],
    [null, som(50_000), '50k_200k'],
    [null, som(200_000), '200k_1m'],
    [null, som(999_999), '200k_1m'],
    [null, som(1_000_000), 'over_1m'],
  ] as const)('amountMin %s, amountMax %s: %s (amountMax first)', (amountMin, amountMax, range) => {
    expect(demandAmountRange({ amountMin, amountMax })).toBe(range);
  });
});

describe('demandDelta', () => {
  it('moves only what changed: a sector, the amount range and the country', () => {
    const before = profile();
    const after = profile({ sectors: ['education', 'health'], amountMax: som(500_000), residenceCountry: 'KZ' });
    expect(cells(demandDelta(before, after), AT_BASHY)).toEqual([
      'sector:water:-1',
      'amount:10k_50k:-1',
      'country:RU:-1',
      'sector:health:1',
      'amount:200k_1m:1',
      'country:KZ:1',
    ]);
  });

  it('is empty for a save that changes nothing counted, and removes everything on withdrawal or erasure', () => {
    expect(demandDelta(profile(), profile({ displayName: 'Aida K.' }))).toEqual([]);
    expect(demandDelta(profile(), profile({ countInterest: false })).every((c) => c.n === -1)).toBe(true);
    expect(demandDelta(profile(), undefined)).toHaveLength(10);
    expect(cells(demandDelta(undefined, profile()), NARYN)).toContain('total:all:1');
  });

  it('moves a person between territories', () => {
    const out = demandDelta(profile(), profile({ homeRayonSoate: BISHKEK, homeOblastSoate: BISHKEK }));
    expect(cells(out, AT_BASHY)).toContain('total:all:-1');
    expect(cells(out, NARYN)).toContain('total:all:-1');
    expect(cells(out, BISHKEK)).toContain('total:all:1');
  });
});

describe('demandCell', () => {
  it.each([
    [0, 'fewer_than_5'],
    [1, 'fewer_than_5'],
    [4, 'fewer_than_5'],
    [5, { from: 5, to: 9 }],
    [9, { from: 5, to: 9 }],
    [10, { from: 10, to: 14 }],
    [14, { from: 10, to: 14 }],
    [1234, { from: 1230, to: 1234 }],
  ] as const)('shows %s people as %j, never the exact count', (n, shown) => {
    expect(demandCell(n)).toEqual(shown);
  });
});

describe('demandCountries', () => {
  it('lists countries of 5 or more by code with their band and folds the others into otherCountries', () => {
    const counts = [
      { value: 'RU', n: 7 },
      { value: 'TR', n: 1 },
      { value: 'DE', n: 2 },
      { value: 'KZ', n: 5 },
    ];
    expect(demandCountries(counts)).toEqual({
      byCountry: [
        { country: 'KZ', count: { from: 5, to: 9 } },
        { country: 'RU', count: { from: 5, to: 9 } },
      ],
      otherCountries: 'fewer_than_5', // TR 1 + DE 2 = 3, neither named
    });
  });

  it('treats not stated as a country: folded under 5, listed last as not_stated from 5; the fold itself is banded', () => {
    const small = [
      { value: 'none', n: 2 },
      { value: 'DE', n: 4 },
      { value: 'TR', n: 0 },
      { value: 'US', n: -1 },
    ];
    expect(demandCountries(small)).toEqual({ byCountry: [], otherCountries: { from: 5, to: 9 } });
    expect(
      demandCountries([
        { value: 'none', n: 6 },
        { value: 'RU', n: 11 },
      ]).byCountry,
    ).toEqual([
      { country: 'RU', count: { from: 10, to: 14 } },
      { country: 'not_stated', count: { from: 5, to: 9 } },
    ]);
    expect(demandCountries([])).toEqual({ byCountry: [], otherCountries: 'fewer_than_5' });
  });

  it('padding a hidden country to 5 shows it only as the band 5-9, never how many were real', () => {
    const real = demandCountries([{ value: 'TR', n: 1 }]);
    const padded = demandCountries([{ value: 'TR', n: 5 }]);
    expect(real).toEqual({ byCountry: [], otherCountries: 'fewer_than_5' });
    expect(padded.byCountry).toEqual([{ country: 'TR', count: { from: 5, to: 9 } }]);
  });
});

describe('demandView', () => {
  const stored = [
    { dimension: 'total' as const, value: 'all', n: 8 },
    { dimension: 'sector' as const, value: 'water', n: 6 },
    { dimension: 'sector' as const, value: 'agriculture', n: 5 },
    { dimension: 'sector' as const, value: 'health', n: 4 },
    { dimension: 'amount' as const, value: '10k_50k', n: 5 },
    { dimension: 'country' as const, value: 'RU', n: 5 },
    { dimension: 'country' as const, value: 'KZ', n: 2 },
    { dimension: 'country' as const, value: 'TR', n: 0 },
    { dimension: 'country' as const, value: 'none', n: 1 },
  ];

  it('bands 5 and more, shows 1 to 4 and absent cells as fewer_than_5, every sector and range', () => {
    const view = demandView(AT_BASHY, stored);
    expect(view.total).toEqual({ from: 5, to: 9 });
    expect(view.bySector).toHaveLength(11);
    expect(view.bySector.find((s) => s.sector === 'water')!.count).toEqual({ from: 5, to: 9 });
    expect(view.bySector.find((s) => s.sector === 'health')!.count).toBe('fewer_than_5');
    expect(view.bySector.find((s) => s.sector === 'education')!.count).toBe('fewer_than_5');
    expect(view.byAmount.map((a) => a.range)).toEqual(['under_10k', '10k_50k', '50k_200k', '200k_1m', 'over_1m', 'not_stated']);
    expect(view.byAmount[1]!.count).toEqual({ from: 5, to: 9 });
    expect(view.byCountry).toEqual([{ country: 'RU', count: { from: 5, to: 9 } }]);
    expect(view.otherCountries).toBe('fewer_than_5');
  });

  it('does not move when one more consenting person joins a territory of 8 (the diff attack)', () => {
    const before = demandView(AT_BASHY, stored);
    const joiner = demandContribution(profile({ sectors: ['water', 'agriculture'], residenceCountry: 'DE' }))
      .filter((c) => c.soate === AT_BASHY)
      .map(({ soate: _, ...c }) => c);
    const after = demandView(AT_BASHY, [...stored, ...joiner]);
    expect(after.total).toEqual(before.total);
    expect(after.bySector).toEqual(before.bySector);
    expect(after.byAmount).toEqual(before.byAmount);
    expect(after.byCountry).toEqual(before.byCountry);
    expect(after.otherCountries).toBe('fewer_than_5'); // KZ 2 + none 1 + DE 1, no country named
    expect(JSON.stringify(after)).not.toContain('DE');
  });
});

describe('demandTerritoryOf', () => {
  const rules = territoryRules(TERRITORIES);
  it('a rayon and an oblast read themselves, an ayil aimak its rayon, an unknown code nothing', () => {
    expect(demandTerritoryOf(rules, AT_BASHY)).toBe(AT_BASHY);
    expect(demandTerritoryOf(rules, NARYN)).toBe(NARYN);
    expect(demandTerritoryOf(rules, '41704220800000')).toBe(AT_BASHY);
    expect(demandTerritoryOf(rules, '41799000000000')).toBeUndefined();
  });
});
