import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OblastStatsListSchema, ProjectListSchema, type Programme, type Project, type ProjectSummary } from '@mekendesh/contracts';
import { DynamoProgrammeStore, DynamoProjectRepository, seedProjects, type Db } from '@mekendesh/db';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { OBLASTS, rayonsOf } from '@mekendesh/territories';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeProject } from '../fixtures/projects.js';

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const commands: string[] = [];

const naryn = OBLASTS.find((o) => o.name.en === 'Naryn')!.soate;
const issykKul = OBLASTS.find((o) => o.name.en === 'Issyk-Kul')!.soate;
const [narynA, narynB] = rayonsOf(naryn).map((r) => r.soate) as [string, string];
const issykRayon = rayonsOf(issykKul)[0]!.soate;

const titles = [
  { ky: 'Мектептин чатырын оңдоо', ru: 'Ремонт крыши школы', en: 'School roof repair' },
  { ky: 'Ичүүчү суу түтүгү', ru: 'Водопровод питьевой воды', en: 'Drinking water pipeline' },
  { ky: 'Нарындагы көпүрө', ru: 'Мост в Нарыне', en: 'Bridge in Naryn' },
  { ky: 'Ысык-Көлдөгү мейманкана', ru: 'Гостевой дом на Иссык-Куле', en: 'Guest house at Issyk-Kul' },
  { ky: 'Жаңы спорт зал', ru: 'Новый спортзал', en: 'New sports hall' },
];
const sectors = ['education', 'water', 'roads', 'tourism', 'culture'] as const;
const statuses = ['published', 'published', 'published', 'funded', 'completed'] as const;

/** 40 public projects over two oblasts, three rayons, five sectors, two kinds and three states, plus hidden ones. */
const all: Project[] = Array.from({ length: 40 }, (_, i) => {
  const inNaryn = i % 3 !== 2;
  const kind = i % 4 === 0 ? 'business' : 'community';
  const goal = 10_000_000 * (1 + (i % 7));
  return makeProject({
    oblastSoate: inNaryn ? naryn : issykKul,
    rayonSoate: inNaryn ? (i % 2 ? narynA : narynB) : issykRayon,
    sector: sectors[i % 5],
    kind,
    status: statuses[i % 5],
    title: titles[i % 5],
    // Summaries, organisation and place names are searched too: the summary says what the title says, and the
    // organisation's name shares no word with any query below (places do, see the search tests).
    summary: titles[i % 5],
    organisationName: { ky: 'Коомдук фонд', ru: 'Общественный фонд', en: 'Community fund' },
    settlement: null,
    goal,
    raised: Math.floor((goal * ((i * 37) % 100)) / 100),
    deadline: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
    pledgeTypes: kind === 'business' ? ['equity', 'loan'] : ['donation', 'in_kind'],
  });
});
const hidden = [
  makeProject({ status: 'draft', publishedAt: null, title: titles[0] }),
  makeProject({ status: 'rejected', publishedAt: null, title: titles[2] }),
];

/**
 * Co-financing for the cards: 1:1 for donations in Naryn (open); the same in Issyk-Kul but ended; 3:1 everywhere
 * but its budget all reserved. Only Naryn's projects taking donations are co-financed today.
 */
const programme = (p: Partial<Programme> & Pick<Programme, 'id'>): Programme => ({
  name: { ky: `Программа ${p.id}`, ru: `Программа ${p.id}`, en: `Programme ${p.id}` },
  ratio: { numerator: 1, denominator: 1 },
  budget: 100_000_000,
  capPerProject: 10_000_000,
  oblastSoates: 'all',
  sectors: 'all',
  kinds: 'all',
  pledgeTypes: ['donation'],
  startDate: '2020-01-01',
  endDate: '2099-12-31',
  reserved: 0,
  createdAt: '2020-01-01T00:00:00.000Z',
  ...p,
});
const programmes = [
  programme({ id: 'naryn-1x1', oblastSoates: [naryn] }),
  programme({ id: 'issyk-kul-ended', oblastSoates: [issykKul], endDate: '2021-12-31' }),
  programme({ id: 'spent-3x1', ratio: { numerator: 3, denominator: 1 }, reserved: 100_000_000 }),
];

const newest = (a: Project, b: Project) => b.publishedAt!.localeCompare(a.publishedAt!);
const closing = (a: Project, b: Project) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id);
const pct = (p: Project) => Math.floor((p.raised * 10_000) / p.goal);
const percent = (a: Project, b: Project) => pct(b) - pct(a) || b.id.localeCompare(a.id);

/** Every page of a list, following nextCursor; fails if a page has more than `limit` items. */
async function pages(query: string, limit = 4): Promise<ProjectSummary[]> {
  const out: ProjectSummary[] = [];
  let cursor: string | null = null;
  do {
    const res = await app.request(`/v1/projects?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, query).toBe(200);
    const page = ProjectListSchema.parse(await res.json());
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
const ids = (items: { id: string }[]) => items.map((p) => p.id);

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [], projects: [...all, ...hidden] }, { concurrency: 4 });
  const store = new DynamoProgrammeStore(db);
  for (const g of programmes) await store.create(g);
  app = createApp(composeWithDb(db, noIdentity()));
  db.raw.middlewareStack.add((next, context) => (args) => (commands.push(String(context.commandName)), next(args)), {
    step: 'initialize',
    name: 'recordCommands',
  });
});
afterAll(() => drop());

describe('browse', () => {
  const raising = all.filter((p) => p.status === 'published');

  it('lists projects still raising, newest first, by default; each exactly once across pages', async () => {
    expect(ids(await pages(''))).toEqual(ids([...raising].sort(newest)));
  });

  it('filters by each facet alone', async () => {
    const cases: Array<[string, (p: Project) => boolean]> = [
      [`oblast=${naryn}`, (p) => p.oblastSoate === naryn],
      [`rayon=${narynA}`, (p) => p.rayonSoate === narynA],
      ['sector=water', (p) => p.sector === 'water'],
      ['kind=business', (p) => p.kind === 'business'],
      ['pledgeType=in_kind', (p) => p.pledgeTypes.includes('in_kind')],
    ];
    for (const [query, keep] of cases) expect(ids(await pages(query)), query).toEqual(ids(raising.filter(keep).sort(newest)));
  });

  it('filters by funding state', async () => {
    for (const state of ['funded', 'completed'] as const) {
      expect(ids(await pages(`state=${state}`))).toEqual(ids(all.filter((p) => p.status === state).sort(newest)));
    }
    expect(await pages('state=in_progress')).toEqual([]);
  });

  it('combines filters, with and without a partition of their own', async () => {
    const cases: Array<[string, (p: Project) => boolean]> = [
      [`oblast=${naryn}&sector=education`, (p) => p.oblastSoate === naryn && p.sector === 'education'],
      [
        `oblast=${naryn}&rayon=${narynB}&sector=roads&kind=community`,
        (p) => p.rayonSoate === narynB && p.sector === 'roads' && p.kind === 'community',
      ],
      [`oblast=${issykKul}&kind=business&pledgeType=equity`, (p) => p.oblastSoate === issykKul && p.kind === 'business'],
      ['sector=education&pledgeType=loan', (p) => p.sector === 'education' && p.pledgeTypes.includes('loan')],
    ];
    for (const [query, keep] of cases) {
      for (const limit of [1, 3, 50])
        expect(ids(await pages(query, limit)), `${query} ${limit}`).toEqual(ids(raising.filter(keep).sort(newest)));
    }
  });

  it('sorts by closing soon and by percent funded, within filters too', async () => {
    expect(ids(await pages('sort=closing_soon', 5))).toEqual(ids([...raising].sort(closing)));
    expect(ids(await pages('sort=percent_funded', 5))).toEqual(ids([...raising].sort(percent)));
    const inNaryn = all.filter((p) => p.status === 'funded' && p.oblastSoate === naryn);
    expect(ids(await pages(`state=funded&oblast=${naryn}&sort=percent_funded`, 2))).toEqual(ids(inNaryn.sort(percent)));
  });
});

describe('co-financing on cards', () => {
  it('says what one som of a donation becomes where an open programme with budget left takes the project, else null', async () => {
    const naryn1x1 = { multiplier: '2', programmes: [programmes[0]!.name] };
    const res = await app.request(`/v1/projects?limit=50`);
    const items = ProjectListSchema.parse(await res.json()).items;
    expect(items.length).toBe(all.filter((p) => p.status === 'published').length);
    const byId = new Map(all.map((p) => [p.id, p]));
    for (const item of items) {
      const p = byId.get(item.id)!;
      // Naryn, taking donations: 1:1. Issyk-Kul: its programme ended. Business ones take only equity and loans.
      const expected = p.oblastSoate === naryn && p.pledgeTypes.includes('donation') ? naryn1x1 : null;
      expect(item.oneSom, `${p.oblastSoate} ${p.pledgeTypes.join()}`).toEqual(expected);
    }
    expect(items.filter((i) => i.oneSom !== null).length).toBeGreaterThan(5);
    expect(items.filter((i) => i.oblastSoate === issykKul).length).toBeGreaterThan(3);
  });

  it('says nothing on projects that no longer take pledges, nor in search results outside the oblast', async () => {
    const funded = ProjectListSchema.parse(await (await app.request(`/v1/projects?state=funded&oblast=${naryn}`)).json()).items;
    expect(funded.length).toBeGreaterThan(0);
    expect(funded.map((i) => i.oneSom)).toEqual(funded.map(() => null));
    const found = ProjectListSchema.parse(await (await app.request(`/v1/projects?q=${encodeURIComponent('көпүрө')}`)).json()).items;
    expect(found.length).toBeGreaterThan(0);
    for (const item of found)
      expect(item.oneSom).toEqual(
        item.oblastSoate === naryn && item.kind === 'community' ? { multiplier: '2', programmes: [programmes[0]!.name] } : null,
      );
  });
});

describe('search', () => {
  const raisingWith = (title: (typeof titles)[number] | undefined) =>
    ids(all.filter((p) => p.status === 'published' && p.title === title).sort(newest));

  it('finds a Kyrgyz word typed with Russian letters, a prefix, or a devoiced misspelling', async () => {
    for (const q of ['мектептин', 'МЕКТЕП', 'мек', 'мектеб', 'Мектептин чатыр']) {
      expect(ids(await pages(`q=${encodeURIComponent(q)}`, 3)), q).toEqual(raisingWith(titles[0]));
    }
    expect(ids(await pages(`q=${encodeURIComponent('жаны')}`)), 'ң as н').toEqual(raisingWith(titles[4]));
    const issyk = ids(all.filter((p) => p.status === 'published' && (p.title === titles[3] || p.oblastSoate === issykKul)).sort(newest));
    expect(ids(await pages(`q=${encodeURIComponent('Ысык-Кол')}`)), 'ө as о').toEqual(issyk);
  });

  it('meets Latin and Cyrillic spellings, and English and Russian titles', async () => {
    // "Нарындагы көпүрө" by its title, and every project in Naryn oblast by its place.
    const inNaryn = ids(all.filter((p) => p.status === 'published' && (p.title === titles[2] || p.oblastSoate === naryn)).sort(newest));
    expect(ids(await pages('q=Naryn'))).toEqual(inNaryn);
    expect(ids(await pages(`q=${encodeURIComponent('нарын')}`))).toEqual(inNaryn);
    expect(ids(await pages('q=pipeline'))).toEqual(raisingWith(titles[1]));
    expect(ids(await pages(`q=${encodeURIComponent('водопровод')}`))).toEqual(raisingWith(titles[1]));
  });

  it('combines search with filters and never shows projects that are not public', async () => {
    const found = await pages(`q=school&oblast=${naryn}&state=published`.replace('state=published', 'state=raising'), 2);
    expect(ids(found)).toEqual(
      ids(all.filter((p) => p.status === 'published' && p.title === titles[0] && p.oblastSoate === naryn).sort(newest)),
    );
    const everything = new Set(ids([...(await pages('q=school')), ...(await pages('q=bridge'))]));
    for (const p of hidden) expect(everything.has(p.id)).toBe(false);
  });
});

describe('refusals', () => {
  it('answers invalid values with 400 problem+json naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['sector=space', 'query.sector'],
      ['state=draft', 'query.state'],
      ['sort=cheapest', 'query.sort'],
      [`oblast=${narynA}`, 'query.oblast'],
      [`rayon=${naryn}`, 'query.rayon'],
      [`oblast=${issykKul}&rayon=${narynA}`, 'query.rayon'],
      ['q=ab', 'query.q'],
      ['q=school&sort=closing_soon', 'query.sort'],
      ['colour=red', 'query.colour'],
    ];
    for (const [query, field] of cases) {
      const res = await app.request(`/v1/projects?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(await res.json()), query).toContain(`"field":"${field}"`);
    }
  });

  it('refuses a tampered cursor, and a cursor replayed with other filters or sort', async () => {
    const first = ProjectListSchema.parse(await (await app.request(`/v1/projects?limit=2&oblast=${naryn}`)).json());
    const cursor = first.nextCursor!;
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    decoded.k.sk = '2099-01-01T00:00:00.000Z#prj-x';
    const tampered = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    for (const query of [
      `oblast=${naryn}&cursor=${tampered}`,
      `oblast=${issykKul}&cursor=${cursor}`,
      `oblast=${naryn}&sort=closing_soon&cursor=${cursor}`,
      `oblast=${naryn}&cursor=x${cursor}`,
    ]) {
      const res = await app.request(`/v1/projects?limit=2&${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('cursor');
    }
  });
});

describe('reads', () => {
  it('go through keys and indexes only: Query, BatchGetItem and GetItem, never a Scan', () => {
    expect(commands.length).toBeGreaterThan(50);
    expect(new Set(commands)).toEqual(new Set(['QueryCommand', 'BatchGetItemCommand']));
  });
});

describe('oblast totals for the map', () => {
  it('count public projects and money raised per oblast, for all nine units', async () => {
    const body = OblastStatsListSchema.parse(await (await app.request('/v1/stats/oblasts')).json());
    expect(body.items.map((i) => i.soate)).toEqual(OBLASTS.map((o) => o.soate));
    const expected = (soate: string) => {
      const here = all.filter((p) => p.oblastSoate === soate);
      return {
        soate,
        projects: here.length,
        raising: here.filter((p) => p.status === 'published').length,
        raised: here.reduce((s, p) => s + p.raised, 0),
      };
    };
    expect(body.items.find((i) => i.soate === naryn)).toEqual(expected(naryn));
    expect(body.items.find((i) => i.soate === issykKul)).toEqual(expected(issykKul));
    expect(body.items.filter((i) => i.projects === 0)).toHaveLength(7);
  });

  it('follow a project as it is saved into another state, and move it between lists', async () => {
    const repo = new DynamoProjectRepository(db);
    const before = all.find((p) => p.status === 'published' && p.oblastSoate === issykKul)!;
    const after: Project = { ...before, status: 'funded', raised: before.goal, version: before.version + 1 };
    const statsBefore = (await repo.oblastStats()).find((s) => s.soate === issykKul)!;
    await repo.save(after, before);
    const statsAfter = (await repo.oblastStats()).find((s) => s.soate === issykKul)!;
    expect(statsAfter).toEqual({
      ...statsBefore,
      raising: statsBefore.raising - 1,
      raised: statsBefore.raised + before.goal - before.raised,
    });
    expect(ids(await pages(`oblast=${issykKul}`))).not.toContain(before.id);
    expect(ids(await pages(`oblast=${issykKul}&state=funded`))).toContain(before.id);
    await expect(repo.save(after, before)).rejects.toThrow(/changed meanwhile/);
  });
});
