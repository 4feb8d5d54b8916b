/**
 * Search over every text a visitor might remember a project by (issue 8, fault 2): short words that fold
 * shorter (`суу`), organisation names, settlement, rayon and oblast names, summaries, and text typed in NFD.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ProjectListSchema, type Project } from '@mekendesh/contracts';
import { projectEntity, projectIndexItems, SEARCH_INDEX_VERSION, seedProjects, type Db } from '@mekendesh/db';
import { DEMO_PROJECTS } from '@mekendesh/demo-data';
import { ensureDemoData } from '@mekendesh/local-stack';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { authStack, newInvestor, newUserInGroup, post, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeProject } from '../fixtures/projects.js';
import { draftBody, send } from '../fixtures/proposals.js';

const CHUI = '41708000000000';
const SOKULUK = '41708222000000';
const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const KOCHKOR = '41704235000000';
const TALAS = '41707000000000';
const MANAS = '41707225000000';
const nfd = (s: string) => s.normalize('NFD');
/** "айылындагы" as some phones send it: й as и + U+0306 (combining breve). */
const VILLAGE_NFD = 'аи\u0306ылындагы';

const fund = { ky: 'Коомдук фонд', ru: 'Общественный фонд', en: 'Community fund' };
const at = (oblastSoate: string, rayonSoate: string) => ({ oblastSoate, rayonSoate, settlement: null, organisationName: fund });
const named = (ky: string, ru: string, en: string) => ({ ky, ru, en });

// Every project has a title, summary, organisation and place of its own, so each query below has one answer.
const water = makeProject({
  ...at(CHUI, SOKULUK),
  sector: 'water',
  title: named('Ичүүчү суу түтүгү', 'Водопровод питьевой воды', 'Drinking water pipeline'),
  summary: named('Түтүк', 'Трубы', 'Pipes'),
});
const waterToo = makeProject({
  ...at(CHUI, SOKULUK),
  sector: 'water',
  title: named('Айылдын суусу', 'Вода для села', 'Water for the village'),
  summary: named('Насос', 'Насос', 'Pump'),
});
const milk = makeProject({
  ...at(CHUI, SOKULUK),
  sector: 'agriculture',
  title: named('Сүт кооперативи', 'Молочный кооператив', 'Dairy cooperative'),
  summary: named('Сүт', 'Молоко', 'Milk'),
});
const byOrganisation = makeProject({
  ...at(TALAS, MANAS),
  title: named('Спорт аянтчасы', 'Спортивная площадка', 'Sports ground'),
  summary: named('Аянтча', 'Площадка', 'Ground'),
  organisationName: named('Кара-Жыгач айыл өкмөтү', 'Айыл окмоту Кара-Жыгач', 'Kara-Jygach ayil okmotu'),
});
const inAtBashy = makeProject({
  ...at(NARYN, AT_BASHY),
  title: named('Жаңы көпүрө', 'Новый мост', 'New bridge'),
  summary: named('Көпүрө', 'Мост', 'Bridge'),
});
const inKochkor = makeProject({
  ...at(NARYN, KOCHKOR),
  title: named('Китепкана', 'Библиотека', 'Library'),
  summary: named('Китептер', 'Книги', 'Books'),
});
const bySettlement = makeProject({
  ...at(TALAS, MANAS),
  title: named('Бала бакча', 'Детский сад', 'Kindergarten'),
  summary: named('Бакча', 'Сад', 'Garden'),
  settlement: named('Кең-Булак айылы', 'село Кен-Булак', 'Ken-Bulak village'),
});
const bySummary = makeProject({
  ...at(TALAS, MANAS),
  title: named('Мектеп', 'Школа', 'School'),
  summary: named('Жылуулук системасын алмаштыруу', 'Замена системы отопления', 'Replacing the heating system'),
});
const byVillage = makeProject({ ...at(TALAS, MANAS), title: { ky: 'Ак-Дөбө айылындагы клуб' }, summary: { ky: 'Клуб' } });
const hidden = makeProject({
  ...at(CHUI, SOKULUK),
  status: 'draft',
  publishedAt: null,
  title: named('Таза суу', 'Чистая вода', 'Clean water'),
});

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;

async function search(q: string, headers: Record<string, string> = {}) {
  const res = await app.request(`/v1/projects?limit=50&q=${encodeURIComponent(q)}`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}
async function found(q: string): Promise<string[]> {
  const res = await search(q);
  expect(res.status, `${q}: ${JSON.stringify(res.body)}`).toBe(200);
  return ProjectListSchema.parse(res.body).items.map((p) => p.id);
}
const ids = (...projects: Project[]) => projects.map((p) => p.id);

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, {
    organisations: [],
    projects: [water, waterToo, milk, byOrganisation, inAtBashy, inKochkor, bySettlement, bySummary, byVillage, hidden],
  });
  app = createApp(composeWithDb(db, noIdentity()));
});
afterAll(() => drop());

describe('search words', () => {
  it('take суу (water) as a word, and find the water projects first', async () => {
    const result = await found('суу');
    // Exact word first (суу), then longer words it starts (суусу); "сүт" (milk) folds to a word starting so too.
    expect(result.slice(0, 2)).toEqual(ids(water, waterToo));
    expect(result).not.toContain(hidden.id);
    expect(await found('СУУ')).toEqual(result);
    expect(await found('суу түтүгү')).toEqual(ids(water));
  });

  it('find a project by its organisation name, typed without Kyrgyz letters', async () => {
    expect(await found('окмоту')).toEqual(ids(byOrganisation));
    expect(await found('Кара-Жыгач')).toEqual(ids(byOrganisation));
  });

  it('find projects by rayon and oblast names, in any of the three languages', async () => {
    expect(await found('Ат-Башы')).toEqual(ids(inAtBashy));
    expect(await found('Ак-Башы')).toEqual(ids(inAtBashy)); // the rayon's English name in the reference data
    expect(new Set(await found('Нарын'))).toEqual(new Set(ids(inAtBashy, inKochkor)));
    expect(new Set(await found('Naryn'))).toEqual(new Set(ids(inAtBashy, inKochkor)));
    expect(new Set(await found('Таласская'))).toEqual(new Set(ids(byOrganisation, bySettlement, bySummary, byVillage)));
  });

  it('find a project by its settlement and by a word of its summary', async () => {
    expect(await found('Кен-Булак')).toEqual(ids(bySettlement));
    expect(await found('отопления')).toEqual(ids(bySummary));
    expect(await found('heating')).toEqual(ids(bySummary));
  });

  it('find text stored in NFC by a query typed in NFD', async () => {
    expect(VILLAGE_NFD).not.toBe('айылындагы');
    expect(await found(VILLAGE_NFD)).toEqual(ids(byVillage));
    expect(await found('айылындагы')).toEqual(ids(byVillage));
  });

  it('refuse a query without a word of three letters as typed, in the caller language', async () => {
    for (const [lang, expected] of [
      ['ky', 'тамга'],
      ['ru', 'букв'],
      ['en', 'letters'],
    ] as const) {
      const res = await search('ай су', { 'accept-language': lang });
      expect(res.status).toBe(400);
      expect(res.type).toBe('application/problem+json');
      expect(res.body.errors).toEqual([{ field: 'query.q', code: 'invalid', message: expect.stringContaining(expected) }]);
    }
  });
});

describe('text typed in NFD through the API', () => {
  let s: AuthStack;
  beforeAll(async () => {
    s = await authStack();
  }, 120_000);
  afterAll(() => s.drop());

  it('is stored in NFC: organisation name, title, summary and settlement, and found by both forms', async () => {
    const staff = await signInToken(s.app, await newUserInGroup('staff'));
    const email = await newInvestor(s.app, 'nfd');
    const applicant = await signInToken(s.app, email);
    const applied = await post(
      s.app,
      '/organisations',
      {
        name: { ky: nfd('Ат-Башы айыл өкмөтү') },
        kind: 'ayil_okmotu',
        territorySoate: AT_BASHY,
        applicantPosition: nfd('Башчы'),
        contactPhone: '+996 700 111 222',
        contactEmail: 'nfd@example.kg',
      },
      applicant,
    );
    expect(applied.status).toBe(201);
    const organisationId = ((await applied.json()) as { id: string }).id;
    expect((await post(s.app, `/organisations/${organisationId}/approve`, {}, staff)).status).toBe(200);
    // The officer group is in tokens issued after approval.
    const officer = await signInToken(s.app, email);

    const created = await send(s.app, 'POST', '/projects', {
      token: officer,
      body: draftBody({
        title: { ky: `Ак-Кыя ${VILLAGE_NFD} мончо` },
        summary: { ky: nfd('Мончо үчүн жылуу суу') },
        settlement: { ky: nfd('Ак-Кыя айылы') },
      }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect((await send(s.app, 'POST', `/projects/${id}/submit`, { token: officer })).status).toBe(200);
    expect((await send(s.app, 'POST', `/projects/${id}/review`, { token: staff, body: { decision: 'approve' } })).status).toBe(200);

    const stored = (await s.db.doc.send(new GetCommand({ TableName: s.db.tableName, Key: projectEntity.key({ id }) }))).Item!;
    expect(stored.title.ky).toBe('Ак-Кыя айылындагы мончо');
    expect(stored.summary.ky).toBe('Мончо үчүн жылуу суу');
    expect(stored.settlement.ky).toBe('Ак-Кыя айылы');
    expect(stored.organisationName.ky).toBe('Ат-Башы айыл өкмөтү');
    for (const text of [stored.title.ky, stored.summary.ky, stored.settlement.ky, stored.organisationName.ky])
      expect(text).toBe(text.normalize('NFC'));

    for (const q of [VILLAGE_NFD, 'айылындагы мончо', nfd('өкмөтү Ат-Башы'), 'мончо']) {
      const res = await send(s.app, 'GET', `/projects?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(
        res.body.items.map((p: { id: string }) => p.id),
        q,
      ).toContain(id);
    }
  });
});

describe('data indexed under the old layout', () => {
  let old: { db: Db; drop: () => Promise<void> };
  beforeAll(async () => {
    old = await freshTable(inject('dynamoEndpoint'));
  });
  afterAll(() => old.drop());

  /** Removes every search item of the given projects, as a table written before this layout has none of them. */
  async function dropSearchItems(projects: readonly Project[]) {
    const keysOf = projects
      .flatMap(projectIndexItems)
      .filter((i) => String(i.pk).startsWith('PQ#'))
      .map((i) => ({ pk: i.pk, sk: i.sk }));
    for (let i = 0; i < keysOf.length; i += 25) {
      const batch = keysOf.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      await old.db.doc.send(new BatchWriteCommand({ RequestItems: { [old.db.tableName]: batch } }));
    }
  }

  it('is reindexed by the demo loader, through the facet lists, once', async () => {
    const oldApp = createApp(composeWithDb(old.db, noIdentity()));
    const kelechek = async () => {
      const res = await oldApp.request(`/v1/projects?limit=50&q=${encodeURIComponent('суу')}`);
      return ProjectListSchema.parse(await res.json()).items.map((p) => p.id);
    };
    expect(await ensureDemoData(old.db)).toBe('loaded');
    expect(await kelechek()).toContain('prj-021');
    // A table loaded before: no search items of this layout, a marker without its version.
    await dropSearchItems(DEMO_PROJECTS);
    const marker = { pk: 'META', sk: 'DEMO_DATA' };
    const stored = (await old.db.doc.send(new GetCommand({ TableName: old.db.tableName, Key: marker }))).Item!;
    expect(stored.searchIndex).toBe(SEARCH_INDEX_VERSION);
    const { searchIndex: _version, ...before } = stored;
    await old.db.doc.send(new PutCommand({ TableName: old.db.tableName, Item: before }));
    expect(await kelechek()).toEqual([]);
    expect(await ensureDemoData(old.db)).toBe('reindexed');
    expect(await kelechek()).toContain('prj-021');
    expect(await ensureDemoData(old.db)).toBe('present');
    // Loading the demo data twice is most of it: about 20 s alone on 2 cores, more beside other test files.
  }, 120_000);
});
