import { describe, expect, it } from 'vitest';
import type { Programme } from '@mekendesh/contracts';
import { cofinancedOneSom, isOpenWithBudget } from './cofinancing.js';
import { cardOneSom, openProgrammesToday, PROGRAMME_CACHE_MS } from './project-cards.js';
import type { DiscoveredProject } from './ports.js';

// The one co-financing rule behind recommendations and discovery's cards (cofinancedOneSom), and the cards' use
// of it: open programmes with budget left, donations, only while a project takes pledges.

const NARYN = '41704000000000';
const CHUI = '41708000000000';
const DAY = '2026-06-15';
const clock = { now: () => new Date('2026-06-15T06:00:00.000Z') }; // noon in Bishkek

const mekenim: Programme = {
  id: 'mekenim',
  name: { ky: 'Мекеним 1+1', ru: 'Мекеним 1+1', en: 'Mekenim 1+1' },
  ratio: { numerator: 1, denominator: 1 },
  budget: 100_000_000,
  capPerProject: 50_000_000,
  oblastSoates: [NARYN],
  sectors: 'all',
  kinds: 'all',
  pledgeTypes: ['donation'],
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  reserved: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
} as Programme;

const school = {
  id: 'naryn-school',
  status: 'published',
  oblastSoate: NARYN,
  sector: 'education',
  kind: 'community',
  deadline: '2026-09-01',
  pledgeTypes: ['donation', 'in_kind'],
} as DiscoveredProject;

const open = (programmes: Programme[]) => ({ day: DAY, programmes });

describe('cofinancedOneSom', () => {
  it('names the programmes that take the project and says what one som of a donation becomes', () => {
    const halfSom = { ...mekenim, id: 'half', name: { en: 'Half' }, ratio: { numerator: 1, denominator: 2 } } as Programme;
    expect(cofinancedOneSom({ programmes: [mekenim, halfSom], project: school, day: DAY })).toEqual({
      programmes: [mekenim, halfSom],
      oneSom: { multiplier: '2.5', programmes: [mekenim.name, { en: 'Half' }] },
    });
  });

  it('is null outside the oblast, sector or period, and for types the giver does not give or the project does not take', () => {
    const none = { programmes: [], oneSom: null };
    expect(cofinancedOneSom({ programmes: [mekenim], project: { ...school, oblastSoate: CHUI }, day: DAY })).toEqual(none);
    expect(cofinancedOneSom({ programmes: [{ ...mekenim, sectors: ['water'] }], project: school, day: DAY })).toEqual(none);
    expect(cofinancedOneSom({ programmes: [mekenim], project: school, day: '2027-01-01' })).toEqual(none);
    expect(cofinancedOneSom({ programmes: [mekenim], project: school, day: DAY, given: ['loan'] })).toEqual(none);
    expect(cofinancedOneSom({ programmes: [mekenim], project: { ...school, pledgeTypes: ['loan', 'equity'] }, day: DAY })).toEqual(none);
  });
});

describe('isOpenWithBudget', () => {
  it('is true within the period with budget left, false before, after, or once the budget is reserved', () => {
    expect(isOpenWithBudget(mekenim, DAY)).toBe(true);
    expect(isOpenWithBudget(mekenim, '2026-12-31')).toBe(true);
    expect(isOpenWithBudget(mekenim, '2027-01-01')).toBe(false);
    expect(isOpenWithBudget(mekenim, '2025-12-31')).toBe(false);
    expect(isOpenWithBudget({ ...mekenim, reserved: mekenim.budget }, DAY)).toBe(false);
    expect(isOpenWithBudget({ ...mekenim, reserved: mekenim.budget - 1 }, DAY)).toBe(true);
  });
});

describe('cardOneSom', () => {
  it('says "1 som becomes 2 som" on a raising project in the programme oblast', () => {
    expect(cardOneSom(school, open([mekenim]))).toEqual({ multiplier: '2', programmes: [mekenim.name] });
  });

  it('is null once a project no longer takes pledges: funded, completed, or past its deadline', () => {
    expect(cardOneSom({ ...school, status: 'funded' }, open([mekenim]))).toBeNull();
    expect(cardOneSom({ ...school, status: 'completed' }, open([mekenim]))).toBeNull();
    expect(cardOneSom({ ...school, deadline: '2026-06-14' }, open([mekenim]))).toBeNull();
    expect(cardOneSom({ ...school, deadline: DAY }, open([mekenim]))).not.toBeNull();
  });
});

describe('openProgrammesToday', () => {
  it('lists the store once per PROGRAMME_CACHE_MS and keeps only programmes open today with budget left', async () => {
    let reads = 0;
    const ended = { ...mekenim, id: 'ended', endDate: '2026-06-14' } as Programme;
    const spent = { ...mekenim, id: 'spent', reserved: mekenim.budget } as Programme;
    const store = { list: async () => (reads++, [mekenim, ended, spent]) };
    expect(await openProgrammesToday(store, clock)).toEqual({ day: DAY, programmes: [mekenim] });
    expect((await openProgrammesToday(store, clock)).programmes.map((g) => g.id)).toEqual(['mekenim']);
    expect(reads).toBe(1);
    expect(PROGRAMME_CACHE_MS).toBe(60_000);
    // A later Bishkek day filters the cached list again: the programme has ended by then.
    expect(await openProgrammesToday(store, { now: () => new Date('2027-01-01T06:00:00.000Z') })).toEqual({
      day: '2027-01-01',
      programmes: [],
    });
    expect(reads).toBe(1);
  });

  it('does not keep a failed read', async () => {
    let reads = 0;
    const store = { list: async () => (++reads === 1 ? Promise.reject(new Error('throttled')) : [mekenim]) };
    await expect(openProgrammesToday(store, clock)).rejects.toThrow('throttled');
    await new Promise((r) => setTimeout(r, 0));
    expect((await openProgrammesToday(store, clock)).programmes).toEqual([mekenim]);
    expect(reads).toBe(2);
  });
});
