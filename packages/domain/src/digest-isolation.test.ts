import { describe, expect, it } from 'vitest';
import { SavedQuerySchema, type SavedSearch } from '@mekendesh/contracts';
import { TERRITORIES } from '../../territories/src/data.js';
import { runDigests, runnableSearch, type DigestDeps, type DigestProject } from './digests.js';
import type { FollowRecord } from './follows.js';
import type { Notice, NotifyOutcome } from './notification-ports.js';
import { checkDiscoveryQuery } from './projects.js';
import { searchSkeleton } from './search-text.js';
import { territoryRules } from './territory-rules.js';

const rules = territoryRules(TERRITORIES);
const NARYN = '41704000000000';
const AT_BASHY = '41704220000000';
const WEEK = '2026-W10';

const project: DigestProject = {
  id: 'p-water',
  title: { en: 'Water pipe', ru: 'Водопровод', ky: 'Суу түтүгү' },
  oblastSoate: NARYN,
  rayonSoate: AT_BASHY,
  sector: 'water',
  kind: 'community',
  pledgeTypes: ['donation'],
  publishedAt: '2026-03-04T06:00:00.000Z',
  words: ['water', 'pipe'].map(searchSkeleton),
};

const search = (id: string, query: unknown): SavedSearch => ({
  id,
  name: id,
  query: query as SavedSearch['query'],
  savedAt: '2026-02-01T00:00:00.000Z',
});
const good = search('good', SavedQuerySchema.parse({ rayon: AT_BASHY, q: 'water' }));
/** What the API refused only after the attack review: each would have thrown in queryWords or matched nothing. */
const stale = [
  search('q-short', { q: 'a', state: 'raising', sort: 'newest' }),
  search('q-punctuation', { q: '!!!', state: 'raising', sort: 'newest' }),
  search('q-zero-width', { q: '\u200b\u200b\u200b', state: 'raising', sort: 'newest' }),
  search('oblast-as-rayon', { rayon: NARYN, state: 'raising', sort: 'newest' }),
  search('unknown-rayon', { rayon: '41799999999999', state: 'raising', sort: 'newest' }),
  search('rayon-as-oblast', { oblast: AT_BASHY, state: 'raising', sort: 'newest' }),
  search('not-a-query', 'garbage'),
];

/** A notifier that sends a notice once per reader and `about`, as emailNotifier's mail queue does. */
function onceNotifier() {
  const sent = new Set<string>();
  return {
    sent,
    notify: async (n: Notice): Promise<NotifyOutcome> => {
      const key = `${n.userId}:${n.about}`;
      if (sent.has(key)) return 'duplicate';
      sent.add(key);
      return 'sent';
    },
    notifyOrganisation: async () => [],
  };
}

function deps(lists: Record<string, () => { follows: FollowRecord[]; searches: SavedSearch[] }>) {
  const notifier = onceNotifier();
  const logged: { userId: string; error: string }[] = [];
  const d: DigestDeps = {
    follows: { list: async (userId) => lists[userId]!() },
    source: {
      shards: 1,
      subscribers: async () => ({ items: Object.keys(lists), nextCursor: null }),
      publishedBetween: async () => [project],
      titles: async () => new Map(),
    },
    answers: null,
    notifier,
    territories: rules,
    placeName: () => undefined,
    webOrigin: 'https://mekendesh.example',
    logError: (e) => logged.push({ userId: e.userId, error: e.error }),
  };
  return { d, notifier, logged };
}

describe('saved searches the digest runs', () => {
  it('are held to what GET /v1/projects accepts, naming the field in a body', () => {
    const fields = (query: Record<string, string>) => {
      try {
        checkDiscoveryQuery(rules, SavedQuerySchema.parse(query));
        return null;
      } catch (e) {
        return (e as { errors: { field: string }[] }).errors.map((f) => f.field);
      }
    };
    expect(fields({ q: 'a' })).toEqual(['query.q']);
    expect(fields({ rayon: NARYN })).toEqual(['query.rayon']);
    expect(fields({ oblast: AT_BASHY })).toEqual(['query.oblast']);
    expect(fields({ q: 'water', sort: 'closing_soon' })).toEqual(['query.sort']);
    expect(fields({ q: 'суу', rayon: AT_BASHY, oblast: NARYN })).toBeNull();
  });

  it('skips stored ones that no longer validate, and still runs the good one beside them', () => {
    for (const s of stale) expect(runnableSearch(rules, s.query), s.id).toBeNull();
    expect(runnableSearch(rules, good.query)).toEqual({ query: good.query, words: [searchSkeleton('water')] });
  });
});

describe('the digest run', () => {
  it('sends the others theirs when one subscriber fails or holds stale searches, and counts both', async () => {
    let broken = true;
    const { d, notifier, logged } = deps({
      'a-first': () => ({ follows: [], searches: [good] }),
      'b-stale': () => ({ follows: [], searches: [...stale, good] }),
      'c-broken': () => {
        if (broken) throw new Error('DynamoDB said no');
        return { follows: [], searches: [good] };
      },
      'd-last': () => ({ follows: [], searches: [good] }),
    });
    expect(await runDigests(d, WEEK)).toEqual({ subscribers: 4, sent: 3, failed: 1, skipped_searches: stale.length });
    expect([...notifier.sent].sort()).toEqual(['a-first', 'b-stale', 'd-last'].map((u) => `${u}:digest-${WEEK}`));
    expect(logged).toEqual([{ userId: 'c-broken', error: 'DynamoDB said no' }]);

    // The rerun of the week sends only the one that failed: the others' digests answer duplicate.
    broken = false;
    expect(await runDigests(d, WEEK)).toEqual({ subscribers: 4, sent: 1, duplicate: 3, skipped_searches: stale.length });
    expect(notifier.sent.has(`c-broken:digest-${WEEK}`)).toBe(true);
  });
});
