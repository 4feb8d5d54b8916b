import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MeSchema, ProfileSchema, type Profile, type Role } from '@mekendesh/contracts';
import { DynamoDemandStore, DynamoUserRepository, type Db } from '@mekendesh/db';
import type { TokenVerifier } from '@mekendesh/domain';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';

/**
 * Bad input found by an attack review, on DynamoDB Local: each is a 400 problem+json naming the field, and the
 * stored profile and the demand counts stay as they were. Territory codes must be real and of the right level
 * (a rayon in its oblast), lists take each value once, query integers are plain digits.
 */

const CHUI = '41708000000000';
const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;

/** Tokens say who and in what role: `profile-check-token-for-<id>[-as-<role>]`, so no Cognito is needed. */
const verifier: TokenVerifier = {
  verify: async (token) => {
    const [, id, role] = /^profile-check-token-for-(.+?)(?:-as-(\w+))?$/.exec(token)!;
    return { userId: id!, roles: [(role ?? 'investor') as Role], issuedAt: Math.floor(Date.now() / 1000) - 60 };
  },
};

const good: Profile = ProfileSchema.parse({
  displayName: 'Aida',
  homeRayonSoate: AT_BASHY,
  homeOblastSoate: NARYN,
  residenceCountry: 'RU',
  sectors: ['education', 'water'],
  languages: ['ky', 'ru'],
  pledgeTypes: ['donation'],
  amountMax: 4_000_000,
  countInterest: true,
});

const put = (body: unknown, id = 'aida') =>
  app.request('/v1/me/profile', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer profile-check-token-for-${id}`, 'accept-language': 'ru' },
    body: JSON.stringify(body),
  });

/** The exact stored demand counts of a territory, cells at zero left out. */
async function counts(soate: string): Promise<Record<string, number>> {
  const cells = await new DynamoDemandStore(db).read(soate);
  return Object.fromEntries(cells.filter((c) => c.n !== 0).map((c) => [`${c.dimension}:${c.value}`, c.n]));
}

async function expect400(res: Response, field: string) {
  expect(res.status, await res.clone().text()).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as { errors: { field: string; message: string }[] };
  expect(body.errors.map((e) => e.field)).toEqual([field]);
  return body.errors[0]!;
}

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  const identity = { ...noIdentity().identity, deleteUser: async () => undefined };
  app = createApp(composeWithDb(db, { identity, verifier }));
  for (const id of ['aida', 'alone', 'staff']) {
    await new DynamoUserRepository(db).ensure({
      id,
      email: `${id}@example.kg`,
      profile: ProfileSchema.parse({ displayName: `Investor ${id}` }),
      organisationId: null,
      organisationRole: null,
      revokedBefore: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  }
  // Staff powers need two-step sign-in (issue 14): this staff account has passed it, as a code answer records.
  await new DynamoUserRepository(db).setTwoStep({ id: 'staff', at: Math.floor(Date.now() / 1000) });
  expect((await put(good)).status).toBe(200);
});
afterAll(() => drop());

describe('PUT /v1/me/profile refuses what the review found, and changes nothing', () => {
  const before = { 'total:all': 1, 'sector:education': 1, 'sector:water': 1, 'amount:10k_50k': 1, 'country:RU': 1 };

  it.each([
    ['At-Bashy with Chui as its oblast', { homeRayonSoate: AT_BASHY, homeOblastSoate: CHUI }, 'homeRayonSoate'],
    ['a rayon code that does not exist', { homeRayonSoate: '41799999999999', homeOblastSoate: NARYN }, 'homeRayonSoate'],
    ['an oblast code as rayon', { homeRayonSoate: NARYN, homeOblastSoate: NARYN }, 'homeRayonSoate'],
    ['an ayil aimak code as rayon', { homeRayonSoate: '41704220800000', homeOblastSoate: NARYN }, 'homeRayonSoate'],
    ['a rayon code as oblast', { homeRayonSoate: null, homeOblastSoate: AT_BASHY }, 'homeOblastSoate'],
    ['sectors repeated', { sectors: Array(11).fill('water') }, 'sectors'],
    ['languages repeated', { languages: ['ky', 'ky', 'ky'] }, 'languages'],
    ['pledge types repeated', { pledgeTypes: ['loan', 'loan'] }, 'pledgeTypes'],
  ])('%s: 400 naming the field', async (_, change, field) => {
    await expect400(await put({ ...good, ...change }), field);
    const me = MeSchema.parse(
      await (await app.request('/v1/me', { headers: { authorization: 'Bearer profile-check-token-for-aida' } })).json(),
    );
    expect(me.profile).toEqual(good);
    expect(await counts(AT_BASHY)).toEqual(before);
    expect(await counts(NARYN)).toMatchObject(before);
    expect(await counts(CHUI)).toEqual({});
    expect(await counts('41799999999999')).toEqual({});
  });

  it('says a territory error in the reader language', async () => {
    const error = await expect400(await put({ ...good, homeOblastSoate: CHUI }), 'homeRayonSoate');
    expect(error.message).toBe('Этот район не в выбранной области');
  });

  it('fills in the oblast of a rayon given alone', async () => {
    const res = await put({ ...good, homeOblastSoate: null }, 'alone');
    expect(res.status).toBe(200);
    expect(MeSchema.parse(await res.json()).profile).toMatchObject({ homeRayonSoate: AT_BASHY, homeOblastSoate: NARYN });
  });
});

describe('query integers are plain digits', () => {
  it.each(['0x10', '1e3', '+5', '5.0', '', '%205'])('?amount=%s is a 400 naming query.amount', async (value) => {
    await expect400(await app.request(`/v1/recommendations?amount=${value}`), 'query.amount');
  });

  it.each(['1e1', '0x10', '99999999999999999999'])('?limit=%s is a 400 naming query.limit, once', async (value) => {
    const error = await expect400(
      await app.request(`/v1/projects?limit=${value}`, { headers: { 'accept-language': 'en' } }),
      'query.limit',
    );
    if (value.length > 10) expect(error.message).toMatch(/50/);
  });

  it('reads plain digits', async () => {
    expect((await app.request('/v1/projects?limit=5')).status).toBe(200);
    expect((await app.request('/v1/recommendations?amount=16')).status).toBe(200);
  });
});

describe('a co-financing programme takes oblast-level codes, each once', () => {
  const programme = {
    name: { ky: 'Мекеним', ru: 'Мекеним', en: 'Mekenim' },
    ratio: { numerator: 1, denominator: 1 },
    budget: 1_000_000,
    capPerProject: 100_000,
    oblastSoates: [NARYN],
    sectors: 'all',
    kinds: 'all',
    startDate: '2030-01-01',
    endDate: '2030-02-01',
  };
  const create = (body: unknown) =>
    app.request('/v1/programmes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer profile-check-token-for-staff-as-staff' },
      body: JSON.stringify(body),
    });

  it.each([
    ['a rayon code', [NARYN, AT_BASHY], 'oblastSoates.1'],
    ['an unknown code', ['41799999999999'], 'oblastSoates.0'],
    ['a repeated oblast', [NARYN, NARYN], 'oblastSoates'],
  ])('refuses %s, naming the field, and creates nothing', async (_, oblastSoates, field) => {
    await expect400(await create({ ...programme, oblastSoates }), field);
    const list = (await (await app.request('/v1/programmes')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });
});
