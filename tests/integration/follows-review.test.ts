import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MyFollowsSchema, ProfileSchema, type Role } from '@mekendesh/contracts';
import { DynamoQuestionStore, DynamoUserRepository, seedProjects, type Db } from '@mekendesh/db';
import type { TokenVerifier } from '@mekendesh/domain';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeOrganisation, makeProject } from '../fixtures/projects.js';

/**
 * Findings of the issue 12 attack review, on DynamoDB Local: a saved search is held to exactly the rules of
 * GET /v1/projects (else 400 naming `query.<field>`, nothing stored), and only what the public may see can be
 * followed or named (an organisation pending or rejected is unknown; one rejected after it was followed lists
 * without its name; so does a project cancelled after it was followed).
 */

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const approved = makeOrganisation();
const pending = makeOrganisation({
  status: 'pending',
  verified: false,
  name: { ky: 'Жашыруун', ru: 'Секретная заявка', en: 'Secret applicant' },
});
const rejected = makeOrganisation({ status: 'rejected', verified: false });
const later = makeOrganisation(); // approved now, rejected after it is followed
const published = makeProject({ organisationId: approved.id });
const cancelledLater = makeProject({ organisationId: approved.id });
const withdrawn = makeProject({ organisationId: approved.id, status: 'cancelled' });

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;

const verifier: TokenVerifier = {
  verify: async (token) => {
    const [, id, role] = /^review-token-for-(.+?)(?:-as-(\w+))?$/.exec(token)!;
    return { userId: id!, roles: [(role ?? 'investor') as Role], issuedAt: Math.floor(Date.now() / 1000) - 60 };
  },
};

function call(who: string | null, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (who) headers.authorization = `Bearer review-token-for-${who}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return app.request(`/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

async function mine(who: string) {
  const res = await call(who, 'GET', '/me/follows');
  expect(res.status).toBe(200);
  return MyFollowsSchema.parse(await res.json());
}

const problem = async (res: Response) => (await res.json()) as { errors?: { field: string; message: string }[] };

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [approved, pending, rejected, later], projects: [published, cancelledLater, withdrawn] });
  const identity = { ...noIdentity().identity, deleteUser: async () => undefined };
  app = createApp(composeWithDb(db, { identity, verifier }));
  for (const id of ['searcher', 'snoop', 'fan', 'moderator']) {
    await new DynamoUserRepository(db).ensure({
      id,
      email: `${id}@example.kg`,
      profile: ProfileSchema.parse({ displayName: id, locale: 'en' }),
      organisationId: null,
      organisationRole: null,
      revokedBefore: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  }
  // Staff powers need two-step sign-in (issue 14): this staff account has passed it, as a code answer records.
  await new DynamoUserRepository(db).setTwoStep({ id: 'moderator', at: Math.floor(Date.now() / 1000) });
});
afterAll(() => drop());

describe('a saved search is held to the rules of GET /v1/projects', () => {
  const refused: [string, Record<string, string>, string, string][] = [
    ['a one-letter word', { q: 'a' }, 'query.q', 'q'],
    ['punctuation only', { q: '!!!' }, 'query.q', 'q'],
    ['zero-width spaces', { q: '\u200b\u200b\u200b' }, 'query.q', 'q'],
    ['an oblast code as rayon', { rayon: NARYN }, 'query.rayon', 'rayon'],
    ['no such code', { rayon: '41799999999999' }, 'query.rayon', 'rayon'],
    ['a rayon code as oblast', { oblast: AT_BASHY }, 'query.oblast', 'oblast'],
    ['words sorted by closing date', { q: 'school', sort: 'closing_soon' }, 'query.sort', 'sort'],
  ];

  it.each(refused)(
    'refuses %s with 400 naming the field, as discovery does, and stores nothing',
    async (_, query, field, discoveryField) => {
      const discovery = await call(null, 'GET', `/projects?${new URLSearchParams(query)}`);
      expect(discovery.status).toBe(400);
      // Discovery names a field of its query string with its location, as the schema does, whichever rule refuses it.
      expect((await problem(discovery)).errors?.map((e) => e.field)).toEqual([`query.${discoveryField}`]);

      const res = await call('searcher', 'POST', '/me/saved-searches', { query });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await problem(res)).errors?.map((e) => e.field)).toEqual([field]);
      expect((await mine('searcher')).searches).toEqual([]);
    },
  );

  it('says why in the caller’s language', async () => {
    const res = await app.request('/v1/me/saved-searches', {
      method: 'POST',
      headers: { authorization: 'Bearer review-token-for-searcher', 'accept-language': 'ky', 'content-type': 'application/json' },
      body: JSON.stringify({ query: { q: 'a' } }),
    });
    expect((await problem(res)).errors).toMatchObject([{ field: 'query.q', message: 'кеминде 3 тамгадан турган сөз керек' }]);
  });

  it('still saves what discovery accepts', async () => {
    const query = { q: 'school', rayon: AT_BASHY, oblast: NARYN };
    expect((await call(null, 'GET', `/projects?${new URLSearchParams(query)}`)).status).toBe(200);
    const res = await call('searcher', 'POST', '/me/saved-searches', { query });
    expect(res.status).toBe(201);
    expect((await mine('searcher')).searches.map((s) => s.query)).toEqual([{ ...query, state: 'raising', sort: 'newest' }]);
  });
});

describe('only what the public may see is followed and named', () => {
  it('answers 404 for an organisation pending or rejected, as for an unknown one, and lists nothing', async () => {
    for (const org of [pending, rejected]) {
      expect((await call('snoop', 'GET', `/organisations/${org.id}`)).status).toBe(404);
      const res = await call('snoop', 'PUT', `/me/follows/organisation/${org.id}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(String(org.name.en));
    }
    expect(await mine('snoop')).toEqual({ follows: [], searches: [] });
    expect((await call('snoop', 'PUT', `/me/follows/organisation/${approved.id}`)).status).toBe(200);
    expect((await mine('snoop')).follows.map((f) => [f.id, f.name])).toEqual([[approved.id, approved.name]]);
  });

  it('lists an organisation rejected, or a project cancelled, after it was followed as unavailable, still removable', async () => {
    expect((await call('fan', 'PUT', `/me/follows/organisation/${later.id}`)).status).toBe(200);
    expect((await call('fan', 'PUT', `/me/follows/project/${cancelledLater.id}`)).status).toBe(200);
    expect((await mine('fan')).follows.every((f) => f.name !== null)).toBe(true);

    await seedProjects(db, { organisations: [{ ...later, status: 'rejected' }], projects: [] });
    await seedProjects(db, { organisations: [], projects: [{ ...cancelledLater, status: 'cancelled' }] });
    const list = await mine('fan');
    expect(list.follows.map((f) => [f.type, f.id, f.name]).sort()).toEqual([
      ['organisation', later.id, null],
      ['project', cancelledLater.id, null],
    ]);
    expect(JSON.stringify(list)).not.toContain(String(cancelledLater.title.en));
    expect((await call('fan', 'DELETE', `/me/follows/organisation/${later.id}`)).status).toBe(200);
    expect((await call('fan', 'PUT', `/me/follows/organisation/${later.id}`)).status).toBe(404);
  });
});

describe('a question on a project no longer public', () => {
  it('is read by id only by those who still read the project’s thread (its officers and staff)', async () => {
    const store = new DynamoQuestionStore(db);
    const asked = (id: string, projectId: string) => ({
      id,
      projectId,
      organisationId: approved.id,
      askedAt: '2026-02-20T10:00:00.000Z',
      visibility: 'public' as const,
      text: `Public question ${id}`,
      askerId: 'fan',
      askerName: null,
      hidden: false,
      moderation: null,
      answer: null,
      version: 1,
    });
    await store.create(asked('q-live', published.id));
    await store.create(asked('q-withdrawn', withdrawn.id));
    expect((await call(null, 'GET', '/questions/q-live')).status).toBe(200);
    expect((await call(null, 'GET', `/projects/${withdrawn.id}/questions`)).status).toBe(404);
    for (const who of [null, 'snoop', 'fan']) {
      const res = await call(who, 'GET', '/questions/q-withdrawn');
      expect(res.status, String(who)).toBe(404);
      expect(await res.text()).not.toContain('Public question');
    }
    expect((await call('moderator-as-staff', 'GET', '/questions/q-withdrawn')).status).toBe(200);
  });
});
