import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DemandSchema, MeSchema, ProfileSchema, type Demand, type Profile, type Role } from '@mekendesh/contracts';
import { DynamoDemandStore, DynamoUserRepository, seedProjects, type Db } from '@mekendesh/db';
import type { TokenVerifier } from '@mekendesh/domain';
import { RAYONS } from '@mekendesh/territories';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeOrganisation } from '../fixtures/projects.js';

/**
 * Demand signals on DynamoDB Local (issue 11): the running counts move with each profile save and erasure, exactly,
 * also under concurrent saves of one profile; the API hides cells under 5, bands the others by 5 and names no
 * country under 5. Each story uses its own rayon.
 */

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const rayonsOfNaryn = RAYONS.filter((r) => r.parentSoate === NARYN && r.soate !== AT_BASHY).map((r) => r.soate);
const otherRayons = RAYONS.filter((r) => r.parentSoate !== NARYN && r.parentSoate !== r.soate);
/** A rayon of its own for each story, and its oblast. */
let nextRayon = 0;
const freshRayon = () => {
  const r = otherRayons[nextRayon++]!;
  return { rayon: r.soate, oblast: r.parentSoate! };
};

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const organisation = makeOrganisation({ territorySoate: AT_BASHY, oblastSoate: NARYN, status: 'approved' });

/** Tokens say who and in what role: `demand-token-for-<id>[-as-<role>]`, so no Cognito is needed. */
const verifier: TokenVerifier = {
  verify: async (token) => {
    const [, id, role] = /^demand-token-for-(.+?)(?:-as-(\w+))?$/.exec(token)!;
    return { userId: id!, roles: [(role ?? 'investor') as Role], issuedAt: Math.floor(Date.now() / 1000) - 60 };
  },
};

async function person(id: string, organisationId: string | null = null) {
  await new DynamoUserRepository(db).ensure({
    id,
    email: `${id}@example.kg`,
    profile: ProfileSchema.parse({ displayName: `Investor ${id}` }),
    organisationId,
    organisationRole: organisationId ? 'officer' : null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

const som = (n: number) => n * 100;
const profile = (home: { rayon: string; oblast: string }, over: Partial<Profile> = {}) =>
  ProfileSchema.parse({
    displayName: 'Aida',
    homeRayonSoate: home.rayon,
    homeOblastSoate: home.oblast,
    residenceCountry: 'RU',
    sectors: ['education', 'water'],
    amountMax: som(40_000),
    countInterest: true,
    ...over,
  });

async function save(id: string, body: Profile) {
  const res = await app.request('/v1/me/profile', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer demand-token-for-${id}` },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return MeSchema.parse(await res.json());
}

/** The exact stored counts of a territory (what the API never shows below 5), cells at zero left out. */
async function counts(soate: string): Promise<Record<string, number>> {
  const cells = await new DynamoDemandStore(db).read(soate);
  return Object.fromEntries(cells.filter((c) => c.n !== 0).map((c) => [`${c.dimension}:${c.value}`, c.n]));
}

async function demand(soate: string, token: string): Promise<{ status: number; body?: Demand }> {
  const res = await app.request(`/v1/demand/${soate}`, { headers: { authorization: `Bearer ${token}` } });
  return res.status === 200 ? { status: 200, body: DemandSchema.parse(await res.json()) } : { status: res.status };
}

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [organisation], projects: [] });
  const identity = { ...noIdentity().identity, deleteUser: async () => undefined };
  app = createApp(composeWithDb(db, { identity, verifier }));
  await person('officer', organisation.id);
  await person('staff');
  // Staff powers need two-step sign-in (issue 14): this staff account has passed it, as a code answer records.
  await new DynamoUserRepository(db).setTwoStep({ id: 'staff', at: Math.floor(Date.now() / 1000) });
});
afterAll(() => drop());

describe('demand aggregates kept with the profile', () => {
  it('counts nothing without consent, and once with it however often the same profile is saved', async () => {
    const home = freshRayon();
    await person('no-consent');
    await save('no-consent', profile(home, { countInterest: false }));
    expect(await counts(home.rayon)).toEqual({});
    expect(await counts(home.oblast)).toEqual({});

    await person('consents');
    await save('consents', profile(home));
    await save('consents', profile(home));
    const once = { 'total:all': 1, 'sector:education': 1, 'sector:water': 1, 'amount:10k_50k': 1, 'country:RU': 1 };
    expect(await counts(home.rayon)).toEqual(once);
    expect(await counts(home.oblast)).toMatchObject(once);
  });

  it('moves the counts exactly when sectors, amount and country change, and removes them when consent is withdrawn', async () => {
    const home = freshRayon();
    await person('mover');
    await save('mover', profile(home));
    await save('mover', profile(home, { sectors: ['health'], amountMin: som(100_000), amountMax: null, residenceCountry: 'KZ' }));
    expect(await counts(home.rayon)).toEqual({ 'total:all': 1, 'sector:health': 1, 'amount:50k_200k': 1, 'country:KZ': 1 });
    await save('mover', profile(home, { countInterest: false }));
    expect(await counts(home.rayon)).toEqual({});
  });

  it('keeps exact counts when one profile is saved six times at once', async () => {
    const home = freshRayon();
    await person('busy');
    const sectors = ['education', 'health', 'water', 'roads', 'energy', 'agriculture'] as const;
    await Promise.all(
      sectors.map((s, i) => save('busy', profile(home, { sectors: [s], amountMax: som(1_000 * (i + 1)), residenceCountry: 'RU' }))),
    );
    const stored = (await new DynamoUserRepository(db).get('busy'))!.profile;
    expect(await counts(home.rayon)).toEqual({
      'total:all': 1,
      [`sector:${stored.sectors[0]}`]: 1,
      'amount:under_10k': 1,
      'country:RU': 1,
    });
  });

  it('removes the contribution when the account is deleted', async () => {
    const home = freshRayon();
    await person('leaver');
    // Other stories' rayons may share this oblast: its counts go back to what they were.
    const oblastBefore = await counts(home.oblast);
    await save('leaver', profile(home));
    expect(await counts(home.rayon)).toMatchObject({ 'total:all': 1 });
    const res = await app.request('/v1/me', { method: 'DELETE', headers: { authorization: 'Bearer demand-token-for-leaver' } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await counts(home.rayon)).toEqual({});
    expect(await counts(home.oblast)).toEqual(oblastBefore);
  });
});

describe('GET /v1/demand/{soate}', () => {
  it('shows 4 people as fewer_than_5 and 5 as the band 5-9, to the officer of the territory and to staff, not to another territory', async () => {
    const home = { rayon: AT_BASHY, oblast: NARYN };
    for (let i = 1; i <= 4; i++) {
      await person(`at-bashy-${i}`);
      await save(`at-bashy-${i}`, profile(home, { sectors: ['water'] }));
    }
    const four = await demand(AT_BASHY, 'demand-token-for-officer');
    expect(four.body!.total).toBe('fewer_than_5');
    expect(four.body!.name.en).toBe('At-Bashy');

    await person('at-bashy-5');
    await save('at-bashy-5', profile(home, { sectors: ['water', 'health'], residenceCountry: 'KZ' }));
    const res = await app.request(`/v1/demand/${AT_BASHY}`, { headers: { authorization: 'Bearer demand-token-for-officer' } });
    const five = DemandSchema.parse(await res.clone().json());
    const band = { from: 5, to: 9 };
    expect(five.total).toEqual(band);
    expect(five.bySector.find((s) => s.sector === 'water')!.count).toEqual(band);
    expect(five.bySector.find((s) => s.sector === 'health')!.count).toBe('fewer_than_5');
    expect(five.bySector).toHaveLength(11);
    expect(five.byAmount).toEqual([
      { range: 'under_10k', count: 'fewer_than_5' },
      { range: '10k_50k', count: band },
      { range: '50k_200k', count: 'fewer_than_5' },
      { range: '200k_1m', count: 'fewer_than_5' },
      { range: 'over_1m', count: 'fewer_than_5' },
      { range: 'not_stated', count: 'fewer_than_5' },
    ]);
    // RU 4 and KZ 1: neither is named; together they are 5, shown as a band.
    expect(five.byCountry).toEqual([]);
    expect(five.otherCountries).toEqual(band);
    expect(await res.text()).not.toMatch(/"(RU|KZ)"/);

    expect((await demand(NARYN, 'demand-token-for-staff-as-staff')).body!.total).toEqual(band);
    expect((await demand(NARYN, 'demand-token-for-officer')).status).toBe(403);
    expect((await demand(rayonsOfNaryn[0]!, 'demand-token-for-officer')).status).toBe(403);
    expect((await demand(AT_BASHY, 'demand-token-for-at-bashy-1')).status).toBe(403);
    expect((await demand('41799999000000', 'demand-token-for-staff-as-staff')).status).toBe(404);
    expect((await app.request(`/v1/demand/${AT_BASHY}`)).status).toBe(401);
  });

  it('diffing: one more consenting profile in a territory of 8 changes nothing the reader sees', async () => {
    const home = freshRayon();
    for (let i = 1; i <= 8; i++) {
      await person(`diff-${i}`);
      await save(`diff-${i}`, profile(home));
    }
    const before = (await demand(home.rayon, 'demand-token-for-staff-as-staff')).body!;
    expect(before.total).toEqual({ from: 5, to: 9 });

    await person('diff-9');
    await save('diff-9', profile(home, { sectors: ['water', 'agriculture'], amountMax: som(45_000), residenceCountry: 'DE' }));
    expect(await counts(home.rayon)).toMatchObject({ 'total:all': 9, 'sector:water': 9, 'country:DE': 1 });
    const after = (await demand(home.rayon, 'demand-token-for-staff-as-staff')).body!;
    expect(after).toEqual(before);
    expect(after.byCountry).toEqual([{ country: 'RU', count: { from: 5, to: 9 } }]);
    expect(after.otherCountries).toBe('fewer_than_5');
  });

  it('padding: fake accounts lifting a hidden country to 5 show it only as a band, and no country under 5 is ever named', async () => {
    const home = freshRayon();
    for (let i = 1; i <= 5; i++) {
      await person(`pad-ru-${i}`);
      await save(`pad-ru-${i}`, profile(home));
    }
    await person('pad-real-tr');
    await save('pad-real-tr', profile(home, { residenceCountry: 'TR' }));
    const real = (await demand(home.rayon, 'demand-token-for-staff-as-staff')).body!;
    expect(real.byCountry).toEqual([{ country: 'RU', count: { from: 5, to: 9 } }]);
    expect(real.otherCountries).toBe('fewer_than_5');

    for (let i = 1; i <= 4; i++) {
      await person(`pad-fake-tr-${i}`);
      await save(`pad-fake-tr-${i}`, profile(home, { residenceCountry: 'TR' }));
    }
    const padded = (await demand(home.rayon, 'demand-token-for-staff-as-staff')).body!;
    // TR now shows as 5-9, the same band 5 fakes alone or 5 real people would give: how many are real stays hidden.
    expect(padded.byCountry).toEqual([
      { country: 'RU', count: { from: 5, to: 9 } },
      { country: 'TR', count: { from: 5, to: 9 } },
    ]);
    expect(padded.otherCountries).toBe('fewer_than_5');
    expect(padded.total).toEqual({ from: 10, to: 14 });
  });

  it('reads a territory with one Query', async () => {
    const commands: string[] = [];
    db.raw.middlewareStack.add(
      (next, context) => (args) => {
        commands.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'recordDemandCommands' },
    );
    try {
      expect((await demand(NARYN, 'demand-token-for-staff-as-staff')).status).toBe(200);
    } finally {
      db.raw.middlewareStack.remove('recordDemandCommands');
    }
    // Authentication reads the user; the demand itself is one Query of the territory's partition.
    expect(commands.filter((c) => c !== 'GetItemCommand')).toEqual(['QueryCommand']);
  });
});
