import { describe, expect, it } from 'vitest';
import type { Project } from '@mekendesh/contracts';
import { facetKeys, invertedTime, MAX_SEARCH_TOKENS, percentKey, projectIndexItems, projectItems, projectWrites } from './project-index.js';

const text = { ky: 'Кара-Суу айылындагы мектептин чатырын оңдоо', ru: 'Ремонт кровли школы в селе Кара-Суу', en: 'Roof repair for the Kara-Suu village school' };
const published = {
  id: 'prj-001', slug: 'roof', status: 'published', organisationId: 'org-1', organisationName: text,
  oblastSoate: '41704000000000', rayonSoate: '41704220000000', settlement: null, title: text, summary: text,
  description: text, languages: ['ky', 'ru', 'en'], sector: 'education', kind: 'community', goal: 240_000_000,
  raised: 74_400_000, pledged: 80_000_000, supporters: 148, deadline: '2027-04-30', publishedAt: '2026-03-12T07:13:00.000Z',
  coverUrl: null, fundingPlan: { diaspora: 120_000_000, municipality: 36_000_000, cofinancing: 84_000_000, otherDonors: 0 },
  pledgeTypes: ['donation', 'in_kind'], minimumPledge: 50_000, fundingModel: 'keep_what_is_raised', beneficiaries: 380, jobs: 0,
  milestones: [], version: 1, createdAt: '2026-02-20T06:00:00.000Z', updatedAt: '2026-03-12T07:13:00.000Z',
} satisfies Project;
const draft: Project = { ...published, id: 'prj-002', status: 'draft', publishedAt: null };

describe('discovery index items', () => {
  it('give a public project one facet item per list it belongs to, with all three sort keys', () => {
    const facets = projectIndexItems(published).filter((i) => String(i.pk).startsWith('PX#'));
    expect(facets.map((i) => i.pk)).toEqual([
      facetKeys.all('published'),
      facetKeys.oblast('published', published.oblastSoate),
      facetKeys.sector('published', published.sector),
      facetKeys.oblastSector('published', published.oblastSoate, published.sector),
      facetKeys.rayon('published', published.rayonSoate!),
    ]);
    for (const f of facets) {
      expect(f).toMatchObject({ gsi3pk: f.pk, gsi4pk: f.pk, id: published.id, sk: `${published.publishedAt}#${published.id}` });
      expect(f.gsi3sk).toBe(`${published.deadline}#${published.id}`);
    }
  });

  it('give one search item per distinct title word, under its first three letters', () => {
    const search = projectIndexItems(published).filter((i) => String(i.pk).startsWith('PQ#'));
    expect(search.length).toBeGreaterThan(3);
    expect(search.length).toBeLessThanOrEqual(MAX_SEARCH_TOKENS);
    for (const s of search) {
      const word = String(s.sk).split('#')[0]!;
      expect(s.pk).toBe(`PQ#${word.slice(0, 3)}`);
      expect(String(s.tk)).toContain(` ${word}`);
    }
  });

  it('give nothing to a project that is not public, beyond its main item', () => {
    expect(projectIndexItems(draft)).toEqual([]);
    expect(projectItems(draft)).toHaveLength(1);
  });

  it('sort percent funded and time as fixed-width strings', () => {
    expect(percentKey(0, 100)).toBe('00000');
    expect(percentKey(62, 100)).toBe('06200');
    expect(percentKey(5, 1)).toBe('50000');
    expect(percentKey(10_000, 1)).toBe('99999');
    expect(invertedTime('2026-03-01T00:00:00.000Z') < invertedTime('2026-02-01T00:00:00.000Z')).toBe(true);
  });

  it('move a project between lists when its status changes, and its oblast totals with it', () => {
    const funded: Project = { ...published, status: 'funded', raised: published.goal, version: published.version + 1 };
    const { puts, deletes, stats } = projectWrites(published, funded);
    expect(deletes.map((d) => d.pk)).toContain(facetKeys.all('published'));
    expect(puts.map((p) => p.pk)).toContain(facetKeys.all('funded'));
    // Search items keep their keys (same title, same time), so they are overwritten, not deleted.
    expect(deletes.every((d) => d.pk.startsWith('PX#'))).toBe(true);
    expect(stats).toEqual([{ soate: published.oblastSoate, projects: 0, raising: -1, raised: published.goal - published.raised }]);
    expect(projectWrites(undefined, draft).stats).toEqual([]);
  });
});
