import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProfileSchema, SavedQuerySchema, type SavedSearch } from '@mekendesh/contracts';
import {
  digestShard,
  DynamoFollowStore,
  DynamoOutbox,
  DynamoQuestionStore,
  DynamoUserRepository,
  seedProjects,
  type Db,
} from '@mekendesh/db';
import type { DigestAnswers } from '@mekendesh/domain';
import { digestJob } from '@mekendesh/jobs/digests';
import { freshTable } from '../fixtures/db.js';
import { makeOrganisation, makeProject } from '../fixtures/projects.js';

/**
 * The digest run on DynamoDB Local when one subscriber's digest cannot be made (issue 12 attack review): saved
 * searches stored before GET /v1/projects' rules held them (`q: 'a'` threw in queryWords and stopped the run for
 * everyone after) are skipped and counted; a subscriber whose reads fail is logged and counted as failed; the
 * subscribers before and after them get their digests, and a rerun of the week sends only the one that failed.
 */

const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const WEEK = '2026-W10';
const organisation = makeOrganisation();
const fresh = makeProject({ organisationId: organisation.id, rayonSoate: AT_BASHY, publishedAt: '2026-03-03T06:00:00.000Z' });

/** Subscribers are read shard by shard, each in id order: pick ids that put `middle` between the two good ones. */
function around(middle: string): [string, string] {
  const at = (id: string) => [digestShard(id), id] as const;
  const before = (a: string, b: string) => at(a)[0] < at(b)[0] || (at(a)[0] === at(b)[0] && a < b);
  const ids = Array.from({ length: 200 }, (_, i) => `good-${i}`);
  return [ids.find((id) => before(id, middle))!, ids.find((id) => before(middle, id))!];
}
const STALE = 'stale-searcher';
const BROKEN = 'broken-reader';
const [FIRST, LAST] = around(STALE);

let db: Db;
let drop: () => Promise<void>;
let answersFail = true;

const settings = () => ({
  mailDelivery: 'inline' as const,
  webOrigin: 'https://mekendesh.example',
  apiOrigin: 'https://api.mekendesh.example',
  // The question store, except that reading the answers on the broken reader's followed project fails (until fixed).
  answers: {
    answeredBetween: (projectId, fromIso, toIso, limit) => {
      if (answersFail && projectId === 'prj-unreadable') return Promise.reject(new Error('ProvisionedThroughputExceededException'));
      return new DynamoQuestionStore(db).answeredBetween(projectId, fromIso, toIso, limit);
    },
  } satisfies NonNullable<DigestAnswers>,
});
const digestsTo = async (who: string) =>
  (await new DynamoOutbox(db, () => 'x').latest(200)).filter(
    (m) => m.to === `${who}@example.kg` && m.subject.includes('2 March – 8 March'),
  );

/** Writes a saved search as stored, bypassing the API's checks (as one saved before them was). */
const storeSearch = (userId: string, id: string, query: unknown) =>
  new DynamoFollowStore(db).saveSearch({
    userId,
    cap: 20,
    search: { id, name: id, query: query as SavedSearch['query'], savedAt: '2026-02-01T00:00:00.000Z' },
  });

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [organisation], projects: [fresh] });
  for (const id of [FIRST, STALE, BROKEN, LAST]) {
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
  for (const id of [FIRST, LAST, BROKEN]) await storeSearch(id, 's-at-bashy', SavedQuerySchema.parse({ rayon: AT_BASHY }));
  await storeSearch(STALE, 's-one-letter', { q: 'a', state: 'raising', sort: 'newest' });
  await storeSearch(STALE, 's-oblast-as-rayon', { rayon: NARYN, state: 'raising', sort: 'newest' });
  await new DynamoFollowStore(db).follow({
    userId: BROKEN,
    follow: { type: 'project', targetId: 'prj-unreadable', source: 'manual', followedAt: '2026-02-01T00:00:00.000Z' },
    cap: 200,
  });
});
afterAll(() => drop());

describe('a digest run with a subscriber whose digest cannot be made', () => {
  it('skips stored searches that no longer validate, counts a failed subscriber, and sends the good ones before and after', async () => {
    const out = await digestJob(db, settings(), WEEK);
    expect(out).toEqual({ week: WEEK, subscribers: 4, sent: 2, empty: 1, failed: 1, skipped_searches: 2 });
    for (const who of [FIRST, LAST]) {
      const [mail, ...more] = await digestsTo(who);
      expect(more).toEqual([]);
      expect(mail!.text).toContain(`/en/projects/${fresh.id}`);
    }
    expect(await digestsTo(STALE)).toEqual([]);
    expect(await digestsTo(BROKEN)).toEqual([]);
  });

  it('sends, run again once the reads work, only the digest that failed', async () => {
    answersFail = false;
    const out = await digestJob(db, settings(), WEEK);
    expect(out).toEqual({ week: WEEK, subscribers: 4, sent: 1, duplicate: 2, empty: 1, skipped_searches: 2 });
    expect(await digestsTo(BROKEN)).toHaveLength(1);
    for (const who of [FIRST, LAST]) expect(await digestsTo(who)).toHaveLength(1);
  });
});

describe('answers on a followed project no longer public', () => {
  it('stay out of the digest, and so does the project’s title', async () => {
    const gone = makeProject({ organisationId: organisation.id, status: 'cancelled' });
    await seedProjects(db, { organisations: [], projects: [gone] });
    await new DynamoQuestionStore(db).create({
      id: 'q-on-gone',
      projectId: gone.id,
      organisationId: organisation.id,
      askedAt: '2026-02-20T10:00:00.000Z',
      visibility: 'public',
      text: 'Is it still going ahead?',
      askerId: 'someone',
      askerName: null,
      hidden: false,
      moderation: null,
      answer: {
        text: 'Yes',
        answeredAt: '2026-03-03T10:00:00.000Z',
        editedAt: null,
        answeredBy: 'officer',
        hidden: false,
        moderation: null,
      },
      version: 1,
    });
    await new DynamoUserRepository(db).ensure({
      id: 'gone-fan',
      email: 'gone-fan@example.kg',
      profile: ProfileSchema.parse({ displayName: 'gone-fan', locale: 'en' }),
      organisationId: null,
      organisationRole: null,
      revokedBefore: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await new DynamoFollowStore(db).follow({
      userId: 'gone-fan',
      follow: { type: 'project', targetId: gone.id, source: 'manual', followedAt: '2026-02-01T00:00:00.000Z' },
      cap: 200,
    });
    const out = await digestJob(db, settings(), WEEK);
    expect(out).toMatchObject({ subscribers: 5, duplicate: 3, empty: 2 });
    expect(await digestsTo('gone-fan')).toEqual([]);
  });
});
