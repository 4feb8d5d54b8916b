import { describe, expect, it } from 'vitest';
import type { RateTable } from './exchange-rates.js';
import type { RateStore } from './money-ports.js';
import { fundsWithUsd, statsWithUsd, usdCents, usdRateOn } from './usd.js';
import { openDataCsv } from './programme-stats.js';

const rate = { value: '87.45', nominal: 1, date: '2026-11-30' };

describe('usdCents: KGS tyiyn to US cents at an NBKR rate, half up', () => {
  it('converts exactly at round values and zero', () => {
    expect(usdCents(874_500, rate)).toBe(10_000);
    expect(usdCents(0, rate)).toBe(0);
    expect(usdCents(-874_500, rate)).toBe(-10_000);
  });

  it('rounds half up at the edge: 0.5 cent up, just under it down', () => {
    // 1 cent = 0.8745 som = 87.45 tyiyn; half a cent = 43.725 tyiyn.
    expect(usdCents(43, rate)).toBe(0); // 0.4917 cent
    expect(usdCents(44, rate)).toBe(1); // 0.5031 cent
    // A rate where half a cent is exactly whole tyiyn: 100 som per dollar, 50 tyiyn = 0.5 cent.
    expect(usdCents(50, { value: '100', nominal: 1 })).toBe(1);
    expect(usdCents(49, { value: '100', nominal: 1 })).toBe(0);
    expect(usdCents(-50, { value: '100', nominal: 1 })).toBe(-1);
  });

  it('divides by the nominal and keeps every decimal of the value', () => {
    expect(usdCents(874_500, { value: '874.5', nominal: 10 })).toBe(10_000);
    expect(usdCents(100, { value: '87.4500', nominal: 1 })).toBe(usdCents(100, { value: '87.45', nominal: 1 }));
  });

  it('has no per-pledge ceiling: programme totals past 100 million som convert', () => {
    expect(usdCents(87_450_000_000_00, rate)).toBe(100_000_000_000); // 87.45 billion som = 1 billion dollars
  });

  it('refuses a malformed rate or amount', () => {
    expect(() => usdCents(100, { value: '-1', nominal: 1 })).toThrow(RangeError);
    expect(() => usdCents(100, { value: '87.45', nominal: 0 })).toThrow(RangeError);
    expect(() => usdCents(0.5, rate)).toThrow(RangeError);
  });
});

function store(tables: RateTable[]): RateStore {
  return { tablesUpTo: async (day: string) => tables.filter((t) => t.date <= day) } as unknown as RateStore;
}

describe('usdRateOn: the pledges rule, null when none recent', () => {
  it('takes the manual table after the fetched one of the same day', async () => {
    const usd = (value: string) => ({ USD: { currency: 'USD', value, nominal: 1 } });
    const rates = store([
      { date: '2026-11-28', rates: usd('87.00') },
      { date: '2026-11-28', rates: usd('87.45') },
    ]);
    expect(await usdRateOn(rates, '2026-11-30')).toEqual({ value: '87.45', nominal: 1, date: '2026-11-28' });
  });

  it('is null when the newest rate is more than a week old', async () => {
    const rates = store([{ date: '2026-11-01', rates: { USD: { currency: 'USD', value: '87', nominal: 1 } } }]);
    expect(await usdRateOn(rates, '2026-11-30')).toBeNull();
  });
});

describe('USD beside the public figures', () => {
  it('puts every project figure in cents beside KGS, null without a rate', () => {
    const f = { planned: 874_500, received: 874_500, spent: 0 };
    const funds = {
      byFunder: { diaspora: f, municipality: f, programme: f, otherDonors: f },
      received: 3_498_000,
      spent: 0,
      available: 3_498_000,
    };
    const usd = fundsWithUsd(funds, rate).usd!;
    expect(usd.byFunder.programme).toEqual({ planned: 10_000, received: 10_000, spent: 0 });
    expect(usd.available).toBe(40_000);
    expect(usd.rate).toEqual(rate);
    expect(fundsWithUsd(funds, null).usd).toBeNull();
  });

  it('writes USD columns and the rate in the last three CSV columns', () => {
    const row = {
      soate: '41702',
      sector: 'water' as const,
      received: 874_500,
      matched: 0,
      disbursed: 0,
      completed: 0,
      beneficiaries: 0,
      jobs: 0,
    };
    const stats = statsWithUsd(
      {
        totals: row,
        byOblast: [row],
        bySector: [row],
        cells: [row],
        impact: { completed: 0, beneficiaries: 0, jobs: 0 },
        through: '2026-11',
      },
      rate,
    );
    const csv = openDataCsv(stats, () => 'Chuy');
    expect(csv.split('\r\n')[1]).toBe('41702,Chuy,water,8745.00,0.00,0.00,100.00,0.00,0.00,0,0,0,2026-11-30,1,87.45');
  });
});
