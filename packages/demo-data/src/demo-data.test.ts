import * as contracts from '@mekendesh/contracts';
import { LOCALES, PUBLIC_STATUSES, ProjectSchema, SECTORS, type Organisation } from '@mekendesh/contracts';
import { OBLASTS, oblastOf, territoryBySoate } from '@mekendesh/territories';
import { describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS, DEMO_PROGRAMME_ID, DEMO_PROJECTS, DEMO_USERS, demoProgramme, splitExact } from './index.js';
import { SOATE } from './organisations.js';

const isPublic = (status: string) => (PUBLIC_STATUSES as readonly string[]).includes(status);
const publicProjects = DEMO_PROJECTS.filter((p) => isPublic(p.status));
// The demo organisations are what the repositories and the seeder take.
const organisations: readonly Organisation[] = DEMO_ORGANISATIONS;
const orgById = new Map(organisations.map((o) => [o.id, o]));

describe('demo projects', () => {
  it('has enough projects, most of them public, with unique ids and slugs', () => {
    expect(DEMO_PROJECTS.length).toBeGreaterThanOrEqual(34);
    expect(publicProjects.length).toBeGreaterThanOrEqual(30);
    expect(new Set(DEMO_PROJECTS.map((p) => p.id)).size).toBe(DEMO_PROJECTS.length);
    expect(new Set(DEMO_PROJECTS.map((p) => p.slug)).size).toBe(DEMO_PROJECTS.length);
    for (const p of DEMO_PROJECTS) {
      expect(p.id).toMatch(/^prj-\d{3}$/);
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('validates every project against ProjectSchema', () => {
    for (const p of DEMO_PROJECTS) expect(() => ProjectSchema.parse(p), p.id).not.toThrow();
  });

  it('covers all 9 oblast-level units, at least 10 sectors and both kinds with public projects', () => {
    expect(new Set(publicProjects.map((p) => p.oblastSoate))).toEqual(new Set(OBLASTS.map((o) => o.soate)));
    const sectors = new Set(publicProjects.map((p) => p.sector));
    expect(sectors.size).toBeGreaterThanOrEqual(10);
    for (const s of sectors) expect(SECTORS).toContain(s);
    expect(new Set(publicProjects.map((p) => p.kind))).toEqual(new Set(['community', 'business']));
  });

  it('has projects in several lifecycle states', () => {
    const statuses = new Set(DEMO_PROJECTS.map((p) => p.status));
    for (const s of ['published', 'funded', 'in_progress', 'completed', 'draft', 'submitted', 'in_review', 'changes_requested', 'rejected'])
      expect(statuses, s).toContain(s);
    expect(DEMO_PROJECTS.filter((p) => p.status === 'published').length).toBeGreaterThanOrEqual(20);
  });

  it('writes every public project in Kyrgyz, Russian and English, and lists the languages it has', () => {
    for (const p of DEMO_PROJECTS) {
      const has = LOCALES.filter((l) => p.title[l] && p.summary[l] && p.description[l]);
      expect(p.languages, p.id).toEqual(has);
      if (isPublic(p.status)) {
        expect(p.languages, p.id).toEqual(['ky', 'ru', 'en']);
        for (const m of p.milestones) expect(Object.keys(m.title).sort(), m.id).toEqual(['en', 'ky', 'ru']);
      }
      // Kyrgyz texts use the Kyrgyz letters, not a transliteration.
      if (p.description.ky) expect(p.description.ky, p.id).toMatch(/[өүң]/);
    }
  });

  it('has funding plans and milestone tranches that add up exactly to the goal', () => {
    for (const p of DEMO_PROJECTS) {
      const f = p.fundingPlan;
      expect(f.diaspora + f.municipality + f.cofinancing + f.otherDonors, p.id).toBe(p.goal);
      expect(p.milestones.length, p.id).toBeGreaterThanOrEqual(2);
      expect(p.milestones.length, p.id).toBeLessThanOrEqual(4);
      expect(
        p.milestones.reduce((n, m) => n + m.tranche, 0),
        p.id,
      ).toBe(p.goal);
      const dates = p.milestones.map((m) => m.dueDate);
      expect([...dates].sort(), p.id).toEqual(dates);
    }
  });

  it('keeps money plausible: integer tyiyn, goals in range, raised <= pledged, funded ones raised their share', () => {
    for (const p of DEMO_PROJECTS) {
      expect(p.goal, p.id).toBeGreaterThanOrEqual(30_000_000);
      expect(p.goal, p.id).toBeLessThanOrEqual(1_200_000_000);
      expect(p.raised, p.id).toBeLessThanOrEqual(p.pledged);
      expect(p.minimumPledge, p.id).toBeGreaterThan(0);
      if (['funded', 'in_progress', 'completed'].includes(p.status)) expect(p.raised, p.id).toBeGreaterThanOrEqual(p.fundingPlan.diaspora);
      if (!isPublic(p.status)) {
        expect(p.publishedAt, p.id).toBeNull();
        expect(p.raised + p.pledged + p.supporters, p.id).toBe(0);
      } else {
        expect(p.publishedAt?.startsWith('2026-'), p.id).toBe(true);
      }
      if (p.status === 'published') expect(p.deadline.startsWith('2027-'), p.id).toBe(true);
      // The staff review queue counts waiting days from submittedAt (issue 13 attacker finding: it said 0 days).
      if (p.status === 'submitted' || p.status === 'in_review') {
        expect(p.submittedAt, p.id).toBe(p.updatedAt);
        expect(p.submittedAt! > p.createdAt, p.id).toBe(true);
      }
      expect(p.version).toBe(1);
    }
  });

  it('places every project in a real rayon of its oblast and an organisation of that oblast', () => {
    for (const p of DEMO_PROJECTS) {
      expect(territoryBySoate(p.oblastSoate)?.level, p.id).toBe(1);
      expect(p.rayonSoate, p.id).not.toBeNull();
      expect(territoryBySoate(p.rayonSoate!), p.id).toBeDefined();
      expect(oblastOf(p.rayonSoate!)?.soate, p.id).toBe(p.oblastSoate);
      const o = orgById.get(p.organisationId);
      expect(o, p.id).toBeDefined();
      expect(o!.oblastSoate, p.id).toBe(p.oblastSoate);
      expect(p.organisationName, p.id).toEqual(o!.name);
      if (isPublic(p.status)) expect(o!.verified, p.id).toBe(true);
    }
  });
});

describe('demo co-financing programme', () => {
  const programme = demoProgramme({ startDate: '2026-11-30', endDate: '2027-11-30', createdAt: '2026-11-30T07:00:00.000Z' });

  it('is a valid programme: Mekenim 1+1 in three languages, 1:1, donations only, cap within budget', () => {
    expect(() => contracts.ProgrammeSchema.parse(programme)).not.toThrow();
    expect(programme).toMatchObject({
      id: DEMO_PROGRAMME_ID,
      ratio: { numerator: 1, denominator: 1 },
      pledgeTypes: ['donation'],
      reserved: 0,
    });
    for (const locale of LOCALES) expect(programme.name[locale]).toMatch(/^(Мекеним|Mekenim) 1\+1$/);
    expect(Number.isSafeInteger(programme.budget) && Number.isSafeInteger(programme.capPerProject)).toBe(true);
    expect(programme.capPerProject).toBeLessThanOrEqual(programme.budget);
  });

  it('co-finances several published demo projects, community and business, and not all of them', () => {
    const { oblastSoates, sectors } = programme;
    const eligible = DEMO_PROJECTS.filter(
      (p) =>
        p.status === 'published' &&
        oblastSoates !== 'all' &&
        oblastSoates.includes(p.oblastSoate) &&
        sectors !== 'all' &&
        sectors.includes(p.sector),
    );
    expect(eligible.length).toBeGreaterThanOrEqual(8);
    expect(new Set(eligible.map((p) => p.kind))).toEqual(new Set(['community', 'business']));
    // Some take loans too: their pages say a loan is not matched.
    expect(eligible.some((p) => p.pledgeTypes.includes('loan'))).toBe(true);
    expect(eligible.length).toBeLessThan(DEMO_PROJECTS.filter((p) => p.status === 'published').length);
    for (const soate of oblastSoates === 'all' ? [] : oblastSoates) expect(territoryBySoate(soate)?.level).toBe(1);
  });
});

describe('demo organisations', () => {
  it('are bound to real territories of the right level and cover all 9 oblast-level units', () => {
    expect(DEMO_ORGANISATIONS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(DEMO_ORGANISATIONS.map((o) => o.id)).size).toBe(DEMO_ORGANISATIONS.length);
    expect(new Set(DEMO_ORGANISATIONS.map((o) => o.oblastSoate))).toEqual(new Set(OBLASTS.map((o) => o.soate)));
    for (const o of DEMO_ORGANISATIONS) {
      const t = territoryBySoate(o.territorySoate);
      expect(t, o.id).toBeDefined();
      expect(oblastOf(o.territorySoate)?.soate, o.id).toBe(o.oblastSoate);
      if (o.kind === 'oblast_administration') expect(o.territorySoate, o.id).toBe(o.oblastSoate);
      if (o.kind === 'ayil_okmotu' || o.kind === 'rayon_administration') expect(t!.kind, o.id).toBe('rayon');
      if (o.kind === 'city') expect(t!.kind, o.id).toBe('city');
      expect(o.name.ky && o.name.ru && o.name.en, o.id).toBeTruthy();
    }
  });

  it('validate against the Organisation contract when it exists', () => {
    const schema = (contracts as Record<string, unknown>)['OrganisationSchema'] as { parse(v: unknown): unknown } | undefined;
    if (!schema) return;
    for (const o of DEMO_ORGANISATIONS) expect(() => schema.parse(o), o.id).not.toThrow();
  });
});

describe('demo users', () => {
  it('has one user per role with passwords that meet the policy', () => {
    expect(DEMO_USERS.map((u) => u.role).sort()).toEqual(['admin', 'investor', 'officer', 'staff']);
    for (const u of DEMO_USERS) {
      expect(u.password.length).toBeGreaterThanOrEqual(12);
      expect(u.password).toMatch(/[A-Z]/);
      expect(u.password).toMatch(/[a-z]/);
      expect(u.password).toMatch(/\d/);
      expect(u.password).toMatch(/[^A-Za-z0-9]/);
      expect(u.email).toMatch(/@demo\.mekendesh\.kg$/);
    }
    const officer = DEMO_USERS.find((u) => u.role === 'officer')!;
    expect(orgById.get(officer.organisationId!)?.verified).toBe(true);
  });
});

describe('splitExact', () => {
  it('gives the remainder to the last non-zero share', () => {
    expect(splitExact(1001, [33, 33, 34, 0])).toEqual([330, 330, 341, 0]);
    expect(() => splitExact(100, [50, 40])).toThrow();
  });
});

describe('demo places', () => {
  it('names each demo SOATE code as the territory it is (atBashy is At-Bashy, not the source’s Ak-Bashy)', () => {
    const plain = (s: string) =>
      s
        .replace(/ \(city\)$/, '')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase();
    for (const [key, soate] of Object.entries(SOATE)) {
      expect(plain(territoryBySoate(soate)!.name.en), key).toBe(plain(key.replace(/City$/, '')));
    }
    expect(territoryBySoate(SOATE.atBashy)!.fullName).toEqual({ ky: 'Ат-Башы району', ru: 'Ат-Башынский район', en: 'At-Bashy District' });
  });
});
