import { describe, expect, it } from 'vitest';
import type { Project } from '@mekendesh/contracts';
import { searchSkeleton } from '@mekendesh/domain';
import { facetPartitions as facetKeys, invertedTime, percentKey } from './entities/catalogue.js';
import { MAX_SEARCH_TOKENS, projectIndexItems, projectItems, projectSearchTokens, projectWrites } from './project-index.js';

const text = {
  ky: 'Кара-Суу айылындагы мектептин чатырын оңдоо',
  ru: 'Ремонт кровли школы в селе Кара-Суу',
  en: 'Roof repair for the Kara-Suu village school',
};
const published = {
  id: 'prj-001',
  slug: 'roof',
  status: 'published',
  organisationId: 'org-1',
  organisationName: text,
  oblastSoate: '41704000000000',
  rayonSoate: '41704220000000',
  settlement: null,
  title: text,
  summary: text,
  description: text,
  languages: ['ky', 'ru', 'en'],
  sector: 'education',
  kind: 'community',
  goal: 240_000_000,
  raised: 74_400_000,
  pledged: 80_000_000,
  supporters: 148,
  deadline: '2027-04-30',
  publishedAt: '2026-03-12T07:13:00.000Z',
  coverUrl: null,
  fundingPlan: { diaspora: 120_000_000, municipality: 36_000_000, cofinancing: 84_000_000, otherDonors: 0 },
  pledgeTypes: ['donation', 'in_kind'],
  minimumPledge: 50_000,
  fundingModel: 'keep_what_is_raised',
  beneficiaries: 380,
  jobs: 0,
  milestones: [],
  version: 1,
  createdAt: '2026-02-20T06:00:00.000Z',
  updatedAt: '2026-03-12T07:13:00.000Z',
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

  it('give one search item per distinct word, under the first two letters of its skeleton', () => {
    const search = projectIndexItems(published).filter((i) => String(i.pk).startsWith('PQ#'));
    expect(search.length).toBeGreaterThan(3);
    expect(search.length).toBeLessThanOrEqual(MAX_SEARCH_TOKENS);
    for (const s of search) {
      const word = String(s.sk).split('#')[0]!;
      expect(s.pk).toBe(`PQ#${word.slice(0, 2)}`);
      expect(String(s.tk)).toContain(` ${word}`);
    }
    // суу (water) folds to two letters and is still a word: it has a partition of its own start.
    expect(search.map((s) => s.pk)).toContain('PQ#su');
    expect(search.map((s) => String(s.sk).split('#')[0])).toContain('su');
  });

  it('index the title, summary, organisation, settlement, rayon and oblast names in every language', () => {
    const project: Project = {
      ...published,
      title: { ky: 'Көпүрө' },
      summary: { ky: 'Дарыянын үстүндөгү жол', ru: 'Дорога через реку' },
      organisationName: { ky: 'Ат-Башы айыл өкмөтү', ru: 'Айыл окмоту Ат-Башы' },
      settlement: { ky: 'Ачы-Таш айылы', en: 'Achy-Tash village' },
    };
    const tokens = projectSearchTokens(project);
    // Rayon 41704220000000 is Ат-Башы / Ат-Башынский / Ak-Bashy; oblast 41704000000000 is Нарын / Нарынская / Naryn.
    for (const word of [
      'Көпүрө',
      'окмоту',
      'өкмөтү',
      'Башы',
      'Ачы',
      'Таш',
      'village',
      'Башынский',
      'Bashy',
      'Нарын',
      'Нарынская',
      'Дарыянын',
      'Дорога',
      'реку',
    ]) {
      expect(tokens, word).toContain(searchSkeleton(word));
    }
    // The title comes first; then names and places; the summary fills what is left.
    expect(tokens[0]).toBe(searchSkeleton('Көпүрө'));
    expect(tokens.indexOf(searchSkeleton('Нарын'))).toBeLessThan(tokens.indexOf(searchSkeleton('Дарыянын')));
    // Short, district-less names: "району" / "район" / "District" would match every project of the kind.
    expect(tokens).not.toContain(searchSkeleton('району'));
  });

  it('keep at most MAX_SEARCH_TOKENS words, and fit any write of a project in one transaction', () => {
    // 42 words with 42 distinct skeletons (no doubled or voiced letters to fold) for each prefix.
    const letters = [...'lmnrstp'];
    const words = (prefix: string) => letters.flatMap((a) => letters.filter((b) => b !== a).map((b) => `${prefix}${a}${b}`)).join(' ');
    const long: Project = { ...published, title: { en: words('mek') }, summary: { ru: words('дор'), en: words('road') } };
    expect(projectSearchTokens(long)).toHaveLength(MAX_SEARCH_TOKENS);
    // Worst case: every word, the status and the oblast change at once; plus two audit entries.
    const moved: Project = {
      ...long,
      title: { en: words('tuo') },
      status: 'funded',
      oblastSoate: '41702000000000',
      rayonSoate: '41702205000000',
      version: 2,
    };
    const { puts, deletes, stats } = projectWrites(long, moved);
    expect(deletes.filter((d) => d.pk.startsWith('PQ#'))).toHaveLength(MAX_SEARCH_TOKENS);
    expect(puts.filter((p) => String(p.pk).startsWith('PQ#'))).toHaveLength(MAX_SEARCH_TOKENS);
    expect(puts.length + deletes.length + stats.length + 2).toBeLessThanOrEqual(100);
  });

  it('leave stored search items alone when only money moves', () => {
    const more: Project = { ...published, raised: published.raised + 1_000_000, version: published.version + 1 };
    const { puts, deletes } = projectWrites(published, more);
    expect(deletes).toEqual([]);
    expect(puts.filter((p) => String(p.pk).startsWith('PQ#'))).toEqual([]);
    expect(puts.filter((p) => String(p.pk).startsWith('PX#'))).toHaveLength(5);
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
    // Search items keep their keys (same words, same time), so they are overwritten with the new status, not deleted.
    expect(deletes.every((d) => d.pk.startsWith('PX#'))).toBe(true);
    expect(puts.filter((p) => String(p.pk).startsWith('PQ#')).every((p) => p.st === 'funded')).toBe(true);
    expect(stats).toEqual([{ soate: published.oblastSoate, projects: 0, raising: -1, raised: published.goal - published.raised }]);
    expect(projectWrites(undefined, draft).stats).toEqual([]);
  });
});
