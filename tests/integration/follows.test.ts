import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MyFollowsSchema, ProfileSchema, SavedQuerySchema, SECTORS, type Role } from '@mekendesh/contracts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoFollowStore, DynamoOutbox, DynamoUserRepository, seedProjects, type Db } from '@mekendesh/db';
import { followMetaEntity } from '@mekendesh/db/entities';
import type { TokenVerifier } from '@mekendesh/domain';
import { territoryBySoate } from '@mekendesh/territories';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeOrganisation, makeProject } from '../fixtures/projects.js';

/**
 * Following and saved searches on DynamoDB Local (issue 12): the routes act on the caller's own list only, refuse bad
 * input naming the field with nothing written, follow the home rayon on a profile save (a removed home stays removed
 * until the home changes), tell the home rayon's followers of a newly approved project once, and account deletion
 * leaves neither list nor reverse entry behind.
 */

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const JUMGAL = '41704230000000';
const organisation = makeOrganisation({ territorySoate: AT_BASHY, oblastSoate: NARYN });
const published = makeProject({ organisationId: organisation.id, rayonSoate: AT_BASHY });
const submitted = makeProject({ organisationId: organisation.id, rayonSoate: JUMGAL, status: 'submitted', publishedAt: null });
const draft = makeProject({ organisationId: organisation.id, status: 'draft', publishedAt: null });

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;

const verifier: TokenVerifier = {
  verify: async (token) => {
    const [, id, role] = /^follow-token-for-(.+?)(?:-as-(\w+))?$/.exec(token)!;
    return { userId: id!, roles: [(role ?? 'investor') as Role], issuedAt: Math.floor(Date.now() / 1000) - 60 };
  },
};

async function person(id: string, locale: 'ky' | 'ru' | 'en' = 'ru') {
  await new DynamoUserRepository(db).ensure({
    id,
    email: `${id}@example.kg`,
    profile: ProfileSchema.parse({ displayName: `Investor ${id}`, locale }),
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

function call(who: string | null, method: string, path: string, body?: unknown, lang = 'ru') {
  const headers: Record<string, string> = { 'accept-language': lang };
  if (who) headers.authorization = `Bearer follow-token-for-${who}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return app.request(`/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

async function mine(who: string) {
  const res = await call(who, 'GET', '/me/follows');
  expect(res.status).toBe(200);
  return MyFollowsSchema.parse(await res.json());
}

const problemFields = async (res: Response) => ((await res.json()) as { errors?: { field: string }[] }).errors?.map((e) => e.field);

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [organisation], projects: [published, submitted, draft] });
  const identity = { ...noIdentity().identity, deleteUser: async () => undefined };
  app = createApp(composeWithDb(db, { identity, verifier }));
  for (const id of ['aida', 'bolot', 'chyngyz', 'home-ky', 'home-ru', 'leaver', 'repeat', 'racer', 'namer', 'legacy', 'mover'])
    await person(id, id === 'home-ky' ? 'ky' : 'ru');
  await person('staff');
  // Staff powers need two-step sign-in (issue 14): this staff account has passed it, as a code answer records.
  await new DynamoUserRepository(db).setTwoStep({ id: 'staff', at: Math.floor(Date.now() / 1000) });
});
afterAll(() => drop());

describe('following', () => {
  it('follows a project, an organisation and a rayon, lists them named, and unfollows', async () => {
    for (const path of [
      `/me/follows/project/${published.id}`,
      `/me/follows/organisation/${organisation.id}`,
      `/me/follows/territory/${JUMGAL}`,
    ]) {
      const res = await call('aida', 'PUT', path);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(await res.json()).toEqual({ status: 'following' });
    }
    expect(await (await call('aida', 'PUT', `/me/follows/territory/${JUMGAL}`)).json()).toEqual({ status: 'already_following' });
    const list = await mine('aida');
    expect(list.follows.map((f) => [f.type, f.id, f.source]).sort()).toEqual(
      [
        ['organisation', organisation.id, 'manual'],
        ['project', published.id, 'manual'],
        ['territory', JUMGAL, 'manual'],
      ].sort(),
    );
    // Named in full, saying what it is (issue 12 review).
    expect(list.follows.find((f) => f.type === 'territory')!.name).toEqual(territoryBySoate(JUMGAL)!.fullName);
    expect(territoryBySoate(JUMGAL)!.fullName.ru).toBe('Жумгальский район');
    expect(list.follows.find((f) => f.type === 'project')!.name).toEqual(published.title);
    expect((await call('aida', 'DELETE', `/me/follows/project/${published.id}`)).status).toBe(200);
    expect((await call('aida', 'DELETE', `/me/follows/project/${published.id}`)).status).toBe(404);
    expect((await mine('aida')).follows).toHaveLength(2);
    // Someone else's list is not touched by their calls, nor visible.
    expect((await mine('bolot')).follows).toEqual([]);
  });

  it('refuses bad input with 400 naming the field and writes nothing; unknown or non-public things are 404', async () => {
    const cases: [string, string][] = [
      [`/me/follows/village/${JUMGAL}`, 'param.type'],
      ['/me/follows/territory/41704220000099', 'id'],
    ];
    for (const [path, field] of cases) {
      const res = await call('bolot', 'PUT', path);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await problemFields(res)).toContain(field);
    }
    expect((await call('bolot', 'PUT', `/me/follows/project/${draft.id}`)).status).toBe(404);
    expect((await call('bolot', 'PUT', '/me/follows/organisation/no-such-org')).status).toBe(404);
    const bad = await call('bolot', 'POST', '/me/saved-searches', { query: { sector: 'casinos' } });
    expect(bad.status).toBe(400);
    expect(await problemFields(bad)).toContain('query.sector');
    const smuggled = await call('bolot', 'POST', '/me/saved-searches', { query: {}, ownerId: 'aida' });
    expect(smuggled.status).toBe(400);
    expect(await mine('bolot')).toEqual({ follows: [], searches: [] });
  });

  it('needs a signed-in caller for every route', async () => {
    for (const [method, path] of [
      ['GET', '/me/follows'],
      ['PUT', `/me/follows/territory/${JUMGAL}`],
      ['DELETE', `/me/follows/territory/${JUMGAL}`],
      ['POST', '/me/saved-searches'],
      ['DELETE', '/me/saved-searches/s1'],
    ] as const) {
      expect((await call(null, method, path, method === 'POST' ? { query: {} } : undefined)).status, `${method} ${path}`).toBe(401);
    }
  });
});

describe('saved searches', () => {
  it('saves the normalised query with a name from its filters, lists it, removes it, and stops at 20', async () => {
    const res = await call('chyngyz', 'POST', '/me/saved-searches', { query: { oblast: NARYN, sector: 'water', q: 'суу' } });
    expect(res.status, await res.clone().text()).toBe(201);
    const saved = (await res.json()) as { id: string; name: string; query: Record<string, string> };
    expect(saved.query).toEqual({ oblast: NARYN, sector: 'water', q: 'суу', state: 'raising', sort: 'newest' });
    expect(saved.name).toBe('«суу» · Нарынская область · Водоснабжение и санитария');
    expect((await mine('chyngyz')).searches.map((s) => s.id)).toEqual([saved.id]);
    expect((await call('chyngyz', 'DELETE', `/me/saved-searches/${saved.id}`)).status).toBe(200);
    expect((await call('chyngyz', 'DELETE', `/me/saved-searches/${saved.id}`)).status).toBe(404);
    // Twenty different queries (one per sector and kind): the same query twice would be one search.
    const queries = SECTORS.flatMap((sector) => [{ sector }, { sector, kind: 'business' }]).slice(0, 21);
    for (const [i, query] of queries.slice(0, 20).entries())
      expect((await call('chyngyz', 'POST', '/me/saved-searches', { name: `n${i}`, query })).status).toBe(201);
    const full = await call('chyngyz', 'POST', '/me/saved-searches', { query: queries[20] });
    expect(full.status).toBe(409);
    expect(((await full.json()) as { detail?: string; title: string }).detail ?? '').toContain('20');
    expect((await mine('chyngyz')).searches).toHaveLength(20);
  });
});

describe('a saved search is one per person and query', () => {
  const save = (who: string, query: unknown, lang = 'ru', name?: string) =>
    call(who, 'POST', '/me/saved-searches', { query, ...(name ? { name } : {}) }, lang);

  it('answers 200 with the stored one when the same query is saved again, from another language or spelled otherwise', async () => {
    const first = await save('repeat', { q: 'туризм', oblast: NARYN });
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { id: string };
    for (const [query, lang] of [
      [{ q: 'туризм', oblast: NARYN }, 'ru'],
      [{ q: 'туризм', oblast: NARYN }, 'en'],
      [{ q: ' ТУРИЗМ ', oblast: NARYN, state: 'raising', sort: 'newest' }, 'ky'],
    ] as const) {
      const again = await save('repeat', query, lang);
      expect(again.status, `${lang} ${JSON.stringify(query)}`).toBe(200);
      expect(((await again.json()) as { id: string }).id).toBe(stored.id);
    }
    expect((await mine('repeat')).searches).toHaveLength(1);
    expect((await save('repeat', { q: 'туризм', oblast: NARYN, sector: 'tourism' })).status).toBe(201);
    expect((await mine('repeat')).searches).toHaveLength(2);
  });

  it('stores one when ten saves of one query arrive at once, counted once against the cap', async () => {
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, i) => save('racer', { rayon: AT_BASHY, q: 'мектеп' }, ['ky', 'ru', 'en'][i % 3])),
    );
    const statuses = all.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBe(1);
    expect(statuses.filter((s) => s === 200).length).toBe(9);
    const ids = new Set(await Promise.all(all.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    expect((await mine('racer')).searches).toHaveLength(1);
    const meta = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: followMetaEntity.key({ userId: 'racer' }) }));
    expect(meta.Item?.searches).toBe(1);
  });

  it('names a search without a typed name in the reader’s language when read; a typed name stays as typed', async () => {
    expect((await save('namer', { q: 'туризм', oblast: NARYN }, 'ru')).status).toBe(201);
    expect((await save('namer', { rayon: AT_BASHY }, 'ky', 'Ата-журт')).status).toBe(201);
    const names = async (lang: string) =>
      MyFollowsSchema.parse(await (await call('namer', 'GET', '/me/follows', undefined, lang)).json())
        .searches.map((s) => s.name)
        .sort();
    // The place by its full name, saying what it is (issue 12 review): “туризм” · Naryn Region.
    const naryn = territoryBySoate(NARYN)!.fullName;
    expect(await names('en')).toEqual([`“туризм” · ${naryn.en}`, 'Ата-журт'].sort());
    expect(await names('ru')).toEqual([`«туризм» · ${naryn.ru}`, 'Ата-журт'].sort());
  });

  it('reads a name stored as the old default (made in the saver’s language) as no name typed', async () => {
    const query = SavedQuerySchema.parse({ q: 'туризм', oblast: NARYN });
    const naryn = territoryBySoate(NARYN)!.name;
    await new DynamoFollowStore(db).saveSearch({
      userId: 'legacy',
      cap: 20,
      search: { id: 'old-ulid', name: `«туризм» · ${naryn.ky}`, query, savedAt: '2026-02-01T00:00:00.000Z' },
    });
    const res = await call('legacy', 'GET', '/me/follows', undefined, 'en');
    // Stored with the short place name it was made with then; read, it is the default, with the full name now.
    expect(MyFollowsSchema.parse(await res.json()).searches.map((s) => s.name)).toEqual([
      `“туризм” · ${territoryBySoate(NARYN)!.fullName.en}`,
    ]);
    // And saving that query again finds it, though its id was not made from the query.
    const again = await save('legacy', { q: 'туризм', oblast: NARYN }, 'en');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe('old-ulid');
  });
});

describe('the home rayon', () => {
  const profile = (rayon: string) =>
    ProfileSchema.parse({ displayName: 'Home', homeRayonSoate: rayon, homeOblastSoate: NARYN, locale: 'ru' });

  it('is followed when the profile names it; removed, it stays removed until the home changes', async () => {
    expect((await call('home-ru', 'PUT', '/me/profile', profile(JUMGAL))).status).toBe(200);
    expect((await mine('home-ru')).follows.map((f) => [f.id, f.source])).toEqual([[JUMGAL, 'home']]);
    expect((await call('home-ru', 'DELETE', `/me/follows/territory/${JUMGAL}`)).status).toBe(200);
    expect((await call('home-ru', 'PUT', '/me/profile', profile(JUMGAL))).status).toBe(200);
    expect((await mine('home-ru')).follows).toEqual([]);
    expect((await call('home-ru', 'PUT', '/me/profile', profile(AT_BASHY))).status).toBe(200);
    expect((await call('home-ru', 'PUT', '/me/profile', profile(JUMGAL))).status).toBe(200);
    expect((await mine('home-ru')).follows.map((f) => f.id).sort()).toEqual([AT_BASHY, JUMGAL].sort());
  });

  it('has one home at a time: the old home stays followed as an ordinary follow when the home changes', async () => {
    const store = new DynamoFollowStore(db);
    expect((await call('mover', 'PUT', '/me/profile', profile(JUMGAL))).status).toBe(200);
    expect((await call('mover', 'PUT', '/me/profile', profile(AT_BASHY))).status).toBe(200);
    const sources = (await mine('mover')).follows.map((f) => [f.id, f.source]).sort();
    expect(sources).toEqual([
      [AT_BASHY, 'home'],
      [JUMGAL, 'manual'],
    ]);
    // The home-project notice reads these reverse entries: the old rayon no longer counts the person as at home there
    // (the next test's project approved in Jumgal mails only its homes, not the mover).
    expect((await store.followers({ type: 'territory', targetId: JUMGAL, homeOnly: true, limit: 50 })).items).not.toContain('mover');
    expect((await store.followers({ type: 'territory', targetId: JUMGAL, homeOnly: false, limit: 50 })).items).toContain('mover');
    expect((await store.followers({ type: 'territory', targetId: AT_BASHY, homeOnly: true, limit: 50 })).items).toContain('mover');
  });

  it("tells the rayon's home followers once when staff approve a project there, in their language", async () => {
    expect((await call('home-ky', 'PUT', '/me/profile', { ...profile(JUMGAL), locale: 'ky' })).status).toBe(200);
    await call('aida', 'PUT', `/me/follows/territory/${JUMGAL}`); // a plain follower: no immediate notice
    const approve = await call('staff-as-staff', 'POST', `/projects/${submitted.id}/review`, { decision: 'approve' });
    expect(approve.status, await approve.clone().text()).toBe(200);
    const mail = (await new DynamoOutbox(db, () => 'x').latest(200)).filter(
      (m) => m.subject.includes(String(submitted.title.ru)) || m.subject.includes(String(submitted.title.ky)),
    );
    expect(mail.map((m) => m.to).sort()).toEqual(['home-ky@example.kg', 'home-ru@example.kg']);
    expect(mail.find((m) => m.to === 'home-ky@example.kg')!.subject).toBe(`Туулган жериңизде жаңы долбоор: ${submitted.title.ky}`);
    expect(mail.find((m) => m.to === 'home-ru@example.kg')!.text).toContain(`/ru/projects/${submitted.id}`);
  });
});

describe('account deletion', () => {
  it('removes the follows, the saved searches and the reverse entries', async () => {
    await call('leaver', 'PUT', `/me/follows/territory/${AT_BASHY}`);
    await call('leaver', 'PUT', `/me/follows/project/${published.id}`);
    await call('leaver', 'POST', '/me/saved-searches', { query: { rayon: AT_BASHY } });
    const store = new DynamoFollowStore(db);
    expect((await store.followers({ type: 'territory', targetId: AT_BASHY, homeOnly: false, limit: 50 })).items).toContain('leaver');
    expect((await call('leaver', 'DELETE', '/me')).status).toBe(200);
    expect(await store.list('leaver')).toEqual({ follows: [], searches: [] });
    expect((await store.followers({ type: 'territory', targetId: AT_BASHY, homeOnly: false, limit: 50 })).items).not.toContain('leaver');
    expect((await store.followers({ type: 'project', targetId: published.id, homeOnly: false, limit: 50 })).items).not.toContain('leaver');
    expect(await store.homeRayon('leaver')).toBeNull();
  });
});
