import { describe, expect, it } from 'vitest';
import type { Project } from '@mekendesh/contracts';
import { projectFunds, withPublicFunds } from './transparency.js';
import { openDataCsv, programmeStatistics, type ProgrammeStatsSource } from './programme-stats.js';

const plan = { diaspora: 600_000_00, municipality: 200_000_00, cofinancing: 150_000_00, otherDonors: 50_000_00 };

describe('projectFunds', () => {
  it('splits received and spent money by funder type from the running totals', () => {
    const funds = projectFunds({
      raised: 300_000_00,
      fundingPlan: plan,
      matched: 100_000_00,
      municipality: 50_000_00,
      otherDonors: 10_000_00,
      disbursed: 120_000_00,
      spentDiaspora: 80_000_00,
      spentProgramme: 30_000_00,
      spentMunicipality: 10_000_00,
      spentOther: 0,
    });
    expect(funds.byFunder).toEqual({
      diaspora: { planned: 600_000_00, received: 300_000_00, spent: 80_000_00 },
      municipality: { planned: 200_000_00, received: 50_000_00, spent: 10_000_00 },
      programme: { planned: 150_000_00, received: 100_000_00, spent: 30_000_00 },
      otherDonors: { planned: 50_000_00, received: 10_000_00, spent: 0 },
    });
    expect(funds).toMatchObject({ received: 460_000_00, spent: 120_000_00, available: 340_000_00 });
  });

  it('reads totals missing on items from before issue 13 as 0', () => {
    expect(projectFunds({ raised: 5_00, fundingPlan: plan })).toMatchObject({ received: 5_00, spent: 0, available: 5_00 });
  });

  it('adds the figures to public projects only', () => {
    const base = { raised: 1_00, fundingPlan: plan, matched: 2_00 } as unknown as Project;
    expect(withPublicFunds({ ...base, status: 'funded' }).funding?.received).toBe(3_00);
    expect(withPublicFunds({ ...base, status: 'draft' }).funding).toBeUndefined();
  });
});

const ISSYK_KUL = '41702000000000';
const NARYN = '41704000000000';

function source(): ProgrammeStatsSource {
  return {
    oblastSectorMoney: async () => ({
      rows: [
        { soate: ISSYK_KUL, sector: 'water', raised: 100_00, matched: 50_00, municipality: 20_00, otherDonors: 5_00, disbursed: 30_00 },
        { soate: ISSYK_KUL, sector: 'education', raised: 10_00, matched: 0, municipality: 0, otherDonors: 0, disbursed: 0 },
        { soate: NARYN, sector: 'water', raised: 1_00, matched: 1_00, municipality: 0, otherDonors: 0, disbursed: 0 },
      ],
      through: '2026-03',
    }),
    pipeline: async () => [
      {
        soate: NARYN,
        sector: 'roads',
        figures: {
          'n.completed': 2,
          'b.completed': 900,
          'j.completed': 4,
          'b.draft': 5000,
          'j.published': 3,
          'b.funded': 40,
          'j.in_progress': 2,
        },
      },
    ],
  };
}

describe('programmeStatistics', () => {
  it('sums received (every funder), matched and disbursed by oblast, sector and both; impact over public states only', async () => {
    const stats = await programmeStatistics(source(), [ISSYK_KUL, NARYN]);
    expect(stats.totals).toEqual({ received: 187_00, matched: 51_00, disbursed: 30_00 });
    expect(stats.byOblast).toEqual([
      { soate: ISSYK_KUL, received: 185_00, matched: 50_00, disbursed: 30_00 },
      { soate: NARYN, received: 2_00, matched: 1_00, disbursed: 0 },
    ]);
    expect(stats.bySector.find((s) => s.sector === 'water')).toEqual({
      sector: 'water',
      received: 177_00,
      matched: 51_00,
      disbursed: 30_00,
    });
    expect(stats.bySector).toHaveLength(11);
    // Only projects the money reached count (funded, in progress, completed): not the draft, not the one still raising.
    expect(stats.impact).toEqual({ completed: 2, beneficiaries: 940, jobs: 6 });
    expect(stats.cells.map((c) => `${c.soate}:${c.sector}`)).toEqual([
      `${ISSYK_KUL}:education`,
      `${ISSYK_KUL}:water`,
      `${NARYN}:water`,
      `${NARYN}:roads`,
    ]);
    expect(stats.through).toBe('2026-03');
  });

  it('writes the open-data CSV with a BOM, the header on line 1 (no licence comment), and one row per oblast x sector in som', async () => {
    const stats = await programmeStatistics(source(), [ISSYK_KUL, NARYN]);
    const csv = openDataCsv(stats, (s) => (s === NARYN ? 'Нарын облусу' : 'Ысык-Көл облусу'));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffoblast_soate,oblast,sector,received_kgs,matched_kgs,disbursed_kgs,received_usd,matched_usd,disbursed_usd,' +
        'projects_completed,beneficiaries,jobs,usd_rate_date,usd_rate_nominal,usd_rate_kgs',
    );
    expect(lines[2]).toBe(`${ISSYK_KUL},Ысык-Көл облусу,water,175.00,50.00,30.00,,,,0,0,0,,,`);
    expect(lines[4]).toBe(`${NARYN},Нарын облусу,roads,0.00,0.00,0.00,,,,2,940,6,,,`);
    expect(lines).toHaveLength(6);
  });
});
