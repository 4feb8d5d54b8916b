import { describe, expect, it } from 'vitest';
import { type PipelineCellRow, dashboardPeriod, pipelineByStatus, publicByOblast, shiftMonth, sumDashMonths } from './staff-dashboard.js';
import { usdCents } from './usd.js';

describe('staff dashboard rules', () => {
  it('default to the 12 Bishkek months up to this one; refuse from after to and more than 60 months on `from`', () => {
    expect(dashboardPeriod({}, '2026-11-30')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(dashboardPeriod({ to: '2026-02' }, '2026-11-30')).toEqual({ from: '2025-03', to: '2026-02' });
    expect(dashboardPeriod({ from: '2022-01', to: '2026-12' }, '2026-11-30')).toEqual({ from: '2022-01', to: '2026-12' });
    expect(() => dashboardPeriod({ from: '2026-05', to: '2026-04' }, '2026-11-30')).toThrow(/from: must not be after to/);
    expect(() => dashboardPeriod({ from: '2021-12', to: '2026-12' }, '2026-11-30')).toThrow(/from: at most 60 months/);
    expect(shiftMonth('2026-01', 1)).toBe('2025-12');
    expect(shiftMonth('2026-12', -1)).toBe('2027-01');
  });

  it('sum the cell months into totals, breakdowns by dimension and by month (raised is received; released is not shown)', () => {
    const { totals, by } = sumDashMonths([
      {
        month: '2026-01',
        sums: {
          't.raised': 500,
          't.pledged': 700,
          't.released': 9,
          'o.41704000000000.raised': 500,
          'c.RU.raised': 300,
          'c.XX.raised': 200,
          'k.USD.pledged': 700,
        },
      },
      { month: '2026-02', sums: { 't.raised': 100, 't.refunded': 40, 'c.RU.raised': 100, 'c.RU.refunded': 40, 's.water.raised': 100 } },
    ]);
    expect(totals).toEqual({ pledged: 700, received: 600, matched: 0, municipality: 0, otherDonors: 0, disbursed: 0, refunded: 40 });
    expect(by.country.get('RU')).toMatchObject({ received: 400, refunded: 40 });
    expect(by.country.get('XX')).toMatchObject({ received: 200 });
    expect(by.oblast.get('41704000000000')).toMatchObject({ received: 500 });
    expect(by.sector.get('water')).toMatchObject({ received: 100 });
    expect(by.currency.get('USD')).toMatchObject({ pledged: 700 });
    expect([...by.month.keys()]).toEqual(['2026-01', '2026-02']);
    expect(by.month.get('2026-02')).toMatchObject({ received: 100, refunded: 40 });
  });

  it('convert tyiyn to USD cents exactly at the NBKR rate, half away from zero', () => {
    const rate = { currency: 'USD', value: '87.4500', nominal: 1, date: '2026-11-30' };
    expect(usdCents(874_500, rate)).toBe(10_000);
    expect(usdCents(4_372, rate)).toBe(50); // 0.49994... USD -> 50 cents
    expect(usdCents(-874_500, rate)).toBe(-10_000);
    expect(usdCents(0, rate)).toBe(0);
    expect(usdCents(1, rate)).toBe(0); // 0.0114 cents
    expect(usdCents(4_373, rate)).toBe(50); // 50.006 cents
    // Totals beyond one payment's limit (100,000,000 som): 1,000,000,000 som is 11,435,105.77 USD.
    expect(usdCents(100_000_000_000, rate)).toBe(1_143_510_577);
    expect(usdCents(100, { value: '0.1690', nominal: 1 })).toBe(592); // a KZT-like rate: 1 som = 5.917 units
  });

  it('count the pipeline by state over the cells the filters keep, and public projects per oblast', () => {
    const cells: PipelineCellRow[] = [
      { oblastSoate: 'A', sector: 'water', figures: { 'n.published': 2, 'b.published': 900, 'j.published': 3, 'n.draft': 1 } },
      { oblastSoate: 'B', sector: 'water', figures: { 'n.funded': 1, 'b.funded': 50, 'j.funded': 1 } },
      { oblastSoate: 'A', sector: 'health', figures: { 'n.completed': 1, 'b.completed': 10, 'j.completed': 0 } },
    ];
    const all = Object.fromEntries(pipelineByStatus(cells, null, null).map((p) => [p.status, p]));
    expect(all.published).toEqual({ status: 'published', projects: 2, beneficiaries: 900, jobs: 3 });
    expect(all.draft!.projects).toBe(1);
    expect(pipelineByStatus(cells, 'A', 'health').find((p) => p.status === 'completed')).toMatchObject({ projects: 1, beneficiaries: 10 });
    expect(pipelineByStatus(cells, null, 'water').find((p) => p.status === 'completed')!.projects).toBe(0);
    expect(publicByOblast(cells, null)).toEqual([
      { oblastSoate: 'A', projects: 3 },
      { oblastSoate: 'B', projects: 1 },
    ]);
    expect(publicByOblast(cells, 'health')).toEqual([{ oblastSoate: 'A', projects: 1 }]);
  });
});
