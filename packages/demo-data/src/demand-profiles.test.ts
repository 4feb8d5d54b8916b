import { ProfileSchema } from '@mekendesh/contracts';
import { rayonsOf } from '@mekendesh/territories';
import { describe, expect, it } from 'vitest';
import { DEMO_DEMAND_PROFILES } from './demand-profiles.js';
import { DEMO_ORGANISATIONS } from './organisations.js';
import { DEMO_USERS } from './users.js';

describe('demo demand profiles', () => {
  const officerOrg = DEMO_ORGANISATIONS.find((o) => o.id === DEMO_USERS.find((u) => u.role === 'officer')!.organisationId)!;
  const home = DEMO_DEMAND_PROFILES.filter((p) => p.homeRayonSoate === officerOrg.territorySoate);
  const count = (pick: (p: (typeof home)[number]) => boolean) => home.filter(pick).length;

  it('are valid profiles with unique ids, each rayon in its oblast', () => {
    expect(new Set(DEMO_DEMAND_PROFILES.map((p) => p.id)).size).toBe(DEMO_DEMAND_PROFILES.length);
    for (const { id: _id, ...p } of DEMO_DEMAND_PROFILES) {
      expect(() => ProfileSchema.parse({ ...p, countInterest: true })).not.toThrow();
      expect(rayonsOf(p.homeOblastSoate).map((r) => r.soate)).toContain(p.homeRayonSoate);
    }
  });

  it("give the demo officer's territory cells of 5 or more and cells under 5", () => {
    expect(home.length).toBeGreaterThanOrEqual(5);
    expect(count((p) => p.sectors.includes('water'))).toBeGreaterThanOrEqual(5);
    expect(count((p) => p.sectors.includes('education'))).toBeLessThan(5);
    expect(count((p) => p.sectors.includes('education'))).toBeGreaterThan(0);
    expect(count((p) => p.residenceCountry === 'RU')).toBe(5);
    expect(count((p) => p.residenceCountry === 'KZ')).toBe(2);
  });
});
