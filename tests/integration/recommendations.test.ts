import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProfileSchema, RecommendationListSchema, type Project, type RecommendationList } from '@mekendesh/contracts';
import {
  DynamoProjectRepository,
  DynamoUserRepository,
  MATCH_READ_LIMITS,
  organisationTrackRecordEntity,
  seedProjects,
  supporterEntity,
  type Db,
} from '@mekendesh/db';
import { addDays, bishkekDay, type TokenVerifier } from '@mekendesh/domain';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeProject } from '../fixtures/projects.js';

/** Recommendations on DynamoDB Local: the order a profile gets, what never appears, and the bounded reads. */

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const KOCHKOR = '41704230000000';
const CHUY = '41708000000000';
const today = bishkekDay(new Date());

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;

const atBashy = makeProject({ rayonSoate: AT_BASHY, sector: 'water', title: { en: 'At-Bashy water' } });
const kochkor = makeProject({ rayonSoate: KOCHKOR, sector: 'water', title: { en: 'Kochkor water' } });
const chuy = makeProject({ oblastSoate: CHUY, rayonSoate: null, sector: 'water', title: { en: 'Chuy water' } });
const funded = makeProject({ rayonSoate: AT_BASHY, goal: 1_000_000, raised: 1_000_000, title: { en: 'Fully funded' } });
const expired = makeProject({ rayonSoate: AT_BASHY, deadline: addDays(today, -1), title: { en: 'Deadline passed' } });
const pledgedTo = makeProject({ rayonSoate: AT_BASHY, sector: 'water', title: { en: 'Already supported' } });
/** An organisation with one completed project (counted when seeded) and one raising. */
const doneBefore = makeProject({ organisationId: 'org-track', status: 'completed', title: { en: 'Done' } });
const byTracked = makeProject({
  organisationId: 'org-track',
  oblastSoate: CHUY,
  rayonSoate: null,
  sector: 'roads',
  title: { en: 'Tracked' },
});
const projects: Project[] = [atBashy, kochkor, chuy, funded, expired, pledgedTo, doneBefore, byTracked];

/** Tokens name their user: `token-for-<id>`, so two investors sign in without Cognito. */
const verifier: TokenVerifier = {
  verify: async (token) => ({ userId: token.replace('token-for-', ''), roles: ['investor'], issuedAt: Math.floor(Date.now() / 1000) }),
};

async function investor(id: string, profile: Partial<Record<string, unknown>>) {
  await new DynamoUserRepository(db).ensure({
    id,
    email: `${id}@example.kg`,
    profile: ProfileSchema.parse({ displayName: `Investor ${id}`, ...profile }),
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

async function list(path: string, token?: string): Promise<RecommendationList> {
  const res = await app.request(path, token ? { headers: { authorization: `Bearer token-for-${token}` } } : {});
  expect(res.status, await res.clone().text()).toBe(200);
  return RecommendationListSchema.parse(await res.json());
}
const ids = (l: RecommendationList) => l.items.map((r) => r.project.id);

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [], projects }, { concurrency: 4 });
  app = createApp(composeWithDb(db, { ...noIdentity(), verifier }));
  await investor('from-at-bashy', { homeRayonSoate: AT_BASHY, homeOblastSoate: NARYN, sectors: ['water'] });
  await investor('investor-from-chuy', { homeOblastSoate: CHUY, sectors: ['water'] });
  await db.doc.send(
    new PutCommand({ TableName: db.tableName, Item: supporterEntity.item({ projectId: pledgedTo.id, investorId: 'from-at-bashy' }) }),
  );
});
afterAll(() => drop());

describe('GET /v1/me/recommendations', () => {
  it('puts the home rayon first, then the home oblast, then elsewhere, with reasons; pledged-to ranks lower; funded and expired never appear', async () => {
    const mine = await list('/v1/me/recommendations', 'from-at-bashy');
    expect(ids(mine)).toEqual([atBashy.id, kochkor.id, chuy.id, byTracked.id, pledgedTo.id]);
    expect(mine.items[0]!.reasons.map((r) => r.code)).toEqual(['home_rayon', 'sector']);
    expect(mine.items[0]!.reasons[0]!.text).toEqual({
      ky: 'туулган жериңиз — Ат-Башы району',
      ru: 'в вашем родном районе: Ат-Башынский район',
      en: 'in your home district At-Bashy',
    });
    expect(mine.items[1]!.reasons[0]!.text.en).toBe('in your home region Naryn');
    expect(mine.missing).toEqual(['amount']);
  });

  it("answers investor X from X's profile only", async () => {
    const theirs = await list('/v1/me/recommendations', 'investor-from-chuy');
    expect(ids(theirs)[0]).toBe(chuy.id);
    // Another investor's supporter marker does not lower the project for them.
    expect(theirs.items.find((r) => r.project.id === pledgedTo.id)!.score).toBeGreaterThan(0);
  });

  it('near=home keeps the home rayon and oblast; exclude leaves one out', async () => {
    expect(ids(await list(`/v1/me/recommendations?near=home&exclude=${atBashy.id}`, 'from-at-bashy'))).toEqual([kochkor.id, pledgedTo.id]);
  });

  it('is private and refuses anonymous callers with 401', async () => {
    const res = await app.request('/v1/me/recommendations', { headers: { authorization: 'Bearer token-for-from-at-bashy' } });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect((await app.request('/v1/me/recommendations?near=nowhere')).status).toBe(401);
  });
});

describe('GET /v1/recommendations', () => {
  it("ranks a visitor's answers the same way, publicly cacheable", async () => {
    // About 1,000,000 som: each of these projects still needs exactly that, so the amount could close the gap.
    const res = await app.request(`/v1/recommendations?oblast=${NARYN}&rayon=${AT_BASHY}&sectors=water&amount=1000000`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const answer = RecommendationListSchema.parse(await res.json());
    // Equal scores: the newer first (pledgedTo was published after atBashy); no supporter marker for a visitor.
    expect(ids(answer).slice(0, 2)).toEqual([pledgedTo.id, atBashy.id]);
    expect(answer.items[0]!.reasons.map((r) => r.code)).toContain('amount_fits');
    expect(answer.missing).toEqual([]);
    // About 5,000 som cannot close a gap of 1,000,000: no "within your range" (they can still take part).
    const small = RecommendationListSchema.parse(
      await (await app.request(`/v1/recommendations?oblast=${NARYN}&rayon=${AT_BASHY}&sectors=water&amount=5000`)).json(),
    );
    expect(small.items.flatMap((r) => r.reasons.map((x) => x.code))).not.toContain('amount_fits');
  });

  it('answers a rayon outside the oblast with 400 naming rayon, and an empty visit with what is missing', async () => {
    const res = await app.request(`/v1/recommendations?oblast=${CHUY}&rayon=${AT_BASHY}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('rayon');
    expect((await list('/v1/recommendations')).missing).toEqual(['home', 'sectors', 'amount']);
  });
});

describe('the reads', () => {
  it('are Queries with a Limit and BatchGets, bounded by constants whatever the table holds', async () => {
    await investor('investor-with-everything', {
      homeRayonSoate: AT_BASHY,
      homeOblastSoate: NARYN,
      sectors: ['water', 'education', 'roads', 'health'],
      amountMin: 100_000,
      amountMax: 5_000_000,
    });
    const sent: { command: string; limit?: number; keys: number }[] = [];
    db.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Limit?: number; RequestItems?: Record<string, { Keys?: unknown[] }> };
        const keys = Object.values(input.RequestItems ?? {}).reduce((sum, t) => sum + (t.Keys?.length ?? 0), 0);
        sent.push({ command: String(context.commandName), ...(input.Limit !== undefined ? { limit: input.Limit } : {}), keys });
        return next(args);
      },
      { step: 'initialize', name: 'count-reads' },
    );
    try {
      await list('/v1/me/recommendations', 'investor-with-everything');
    } finally {
      db.doc.middlewareStack.remove('count-reads');
    }
    const queries = sent.filter((c) => c.command === 'QueryCommand');
    // The programmes, then the facet lists: rayon, oblast, 3 of the 4 sectors, closing soon (no programme: no co-financed list).
    expect(
      sent.filter((c) => !['QueryCommand', 'BatchGetItemCommand', 'GetItemCommand'].includes(c.command)).map((c) => c.command),
    ).toEqual([]);
    expect(queries).toHaveLength(1 + 1 + 1 + 3 + 1);
    expect(queries.every((q) => q.limit !== undefined && q.limit <= 50)).toBe(true);
    const facetItems = queries.slice(1).reduce((sum, q) => sum + q.limit!, 0);
    expect(facetItems).toBe(
      MATCH_READ_LIMITS.homeRayon + MATCH_READ_LIMITS.homeOblast + 3 * MATCH_READ_LIMITS.sector + MATCH_READ_LIMITS.closingSoon,
    );
    // Summaries and supporter markers side by side, then the owners' track records: at most 100 keys each.
    const batches = sent.filter((c) => c.command === 'BatchGetItemCommand');
    expect(batches).toHaveLength(3);
    expect(batches.every((b) => b.keys <= 100)).toBe(true);
  });
});

describe("the owner's track record", () => {
  it('counts completed projects in the write that completes one, and says so', async () => {
    const mine = await list('/v1/me/recommendations', 'investor-from-chuy');
    expect(mine.items.find((r) => r.project.id === byTracked.id)!.reasons.map((r) => r.text.en)).toContain('the owner completed 1 project');
    const repo = new DynamoProjectRepository(db);
    const stored = (await repo.get(byTracked.id))!;
    await repo.save({ ...stored, status: 'completed', version: stored.version + 1 }, stored);
    const out = await db.doc.send(
      new GetCommand({
        TableName: db.tableName,
        Key: organisationTrackRecordEntity.key({ organisationId: 'org-track' }),
        ConsistentRead: true,
      }),
    );
    expect(out.Item?.completed).toBe(2);
  });
});
