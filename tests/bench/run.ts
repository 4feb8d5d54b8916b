/**
 * Discovery latency at two table sizes, 1,000 and 100,000 projects (1,000 and 10,000 with --small): both sizes
 * are loaded side by side into two tables of one in-memory DynamoDB Local, each behind its own Hono app, and
 * the same requests (a filtered browse by oblast + sector, a text search of title words, a name search of short
 * words, organisation and place names, a project page) alternate between them, so that a noisy machine slows
 * both alike and its drift stays out of the ratio (large/small; the issue asks for under 1.5). It also prints
 * the items and bytes each project is stored as. Run by `pnpm bench`, or alone with `tsx tests/bench/run.ts`.
 * Not a timed test: it prints figures for a human.
 */
import { SECTORS } from '@mekendesh/contracts';
import { createDb, ensureTable, OFFLINE_TIMEOUTS, projectItems, type Db } from '@mekendesh/db';
import { startDynamoLocal } from '@mekendesh/db/local';
import { OBLASTS } from '@mekendesh/territories';
import { noIdentity } from '../fixtures/identity.js';
import { bulkLoad, disableStream, type LoadResult } from './bulk-load.js';
import { benchProject, random } from './generate.js';
import { formatTable, isMain, sampleInterleaved, type Sample } from './measure.js';

// One JSON log line per request would drown the figures; the app reads LOG_LEVEL when it is imported.
process.env.LOG_LEVEL ??= 'warn';
const { createApp } = await import('@mekendesh/api/app');
const { composeWithDb } = await import('@mekendesh/api/composition');

const SMALL = 1_000;
const LARGE = process.argv.includes('--small') ? 10_000 : 100_000;
/**
 * BatchWriteItem requests in flight while loading: DynamoDB Local is CPU-bound, so more than this only queues in
 * the JVM (16 stays under the SDK's 50 sockets per client, so no request waits for a socket either).
 */
const WORKERS = 16;
// Both sizes see every warm-up pair too, so a cold JVM no longer flatters one of them; the count is per size.
const TIMING = { count: 300, warmup: 100 };
/** Lets DynamoDB Local finish what a bulk load left behind (GC, index upkeep) before anything is timed. */
const SETTLE_MS = 5_000;
// Words found in many demo titles, in each language, some typed the way a Russian keyboard would.
const WORDS = ['мектеп', 'school', 'школ', 'water', 'жол', 'дорог', 'koop', 'кооператив', 'spor', 'ысык', 'naryn', 'теплиц', 'jash'];
// Words found only since summaries, organisation and place names are indexed, and three-letter words that fold
// to two (суу → su: the widest prefix a query can have); some typed in NFD (й as и + U+0306).
const NAME_WORDS = ['суу', 'окмоту', 'Ат-Башы', 'Нарын', 'мэриясы', 'Кочкор', 'аи\u0306ылындагы', 'Жалал-Абад', 'Токмок', 'ооз'];

type App = ReturnType<typeof createApp>;
type Size = 'small' | 'large';

/** What the discovery benchmark measured: sizes (projects), storage per project, load rates, latency per operation and size (ms). */
export interface DiscoveryResult {
  sizes: Record<Size, number>;
  storedPerProject: { items: number; kb: number };
  /** Projects per second loaded (every item, then the oblast totals). */
  loadRate: Record<Size, number>;
  /** Items per second loaded, items written and seconds taken, per size. */
  load: Record<Size, { items: number; seconds: number; itemsPerSecond: number }>;
  timing: { count: number; warmup: number; interleaved: true };
  operations: Array<{ name: string; small: Sample; large: Sample; ratio: { median: number; p95: number } }>;
}

/** Loads projects [0, count) into `db`: every item built up front, written by WORKERS concurrent batch writers. */
async function load(db: Db, count: number, label: string): Promise<LoadResult> {
  return bulkLoad(db, Array.from({ length: count }, (_, n) => benchProject(n)), { workers: WORKERS, label });
}

async function expectOk(app: App, path: string): Promise<void> {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/**
 * The four operations, each call asking for something different so that no single item stays hot, and each
 * call the same at both sizes (the same oblast, sector and word; the project at the same relative position).
 */
async function measure(apps: Record<Size, App>, sizes: Record<Size, number>): Promise<DiscoveryResult['operations']> {
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const draws = (seed: number, n: number) => {
    const rnd = random(seed);
    return Array.from({ length: n }, () => [rnd(), rnd()] as const);
  };
  const n = TIMING.count + TIMING.warmup;
  const filters = draws(1, n).map(([a, b]) => `oblast=${OBLASTS[Math.floor(a * OBLASTS.length)]!.soate}&sector=${SECTORS[Math.floor(b * SECTORS.length)]}`);
  const pages = draws(2, n).map(([a]) => a);
  const ops: Array<[string, (i: number, size: Size) => Promise<void>]> = [
    ['filtered browse', (i, size) => expectOk(apps[size], `/v1/projects?limit=20&${filters[i]}`)],
    ['text search', (i, size) => expectOk(apps[size], `/v1/projects?limit=20&q=${encodeURIComponent(WORDS[i % WORDS.length]!)}`)],
    ['name/place search', (i, size) => expectOk(apps[size], `/v1/projects?limit=20&q=${encodeURIComponent(NAME_WORDS[i % NAME_WORDS.length]!)}`)],
    ['project page', (i, size) => expectOk(apps[size], `/v1/projects/${benchPublicId(pages[i]!, sizes[size])}`)],
  ];
  const rows: DiscoveryResult['operations'] = [];
  for (const [name, call] of ops) {
    const { small, large } = await sampleInterleaved(['small', 'large'] as const, call, TIMING);
    rows.push({ name, small, large, ratio: { median: large.median / small.median, p95: large.p95 / small.p95 } });
  }
  return rows;
}

/** A loaded project at relative position `at` (0 <= at < 1) of a table of `size`; every generated project is public. */
function benchPublicId(at: number, size: number): string {
  return `bench-${String(Math.floor(at * size)).padStart(6, '0')}`;
}

/**
 * Loads both sizes into two tables of one DynamoDB Local, times the operations interleaved, prints the table
 * and returns the figures. Stops DynamoDB Local whatever happens.
 */
export async function runDiscovery(): Promise<DiscoveryResult> {
  const sizes: Record<Size, number> = { small: SMALL, large: LARGE };
  const dynamo = await startDynamoLocal({ port: 0 });
  try {
    // The bulk load is offline work (a 25-item batch can wait seconds on a busy JVM); the timed apps keep the
    // request path's timeouts, as in production.
    const loaders = {} as Record<Size, Db>;
    const apps = {} as Record<Size, App>;
    for (const size of ['small', 'large'] as const) {
      const tableName = `bench-${size}`;
      loaders[size] = createDb({ tableName, endpoint: dynamo.endpoint, region: 'local', timeouts: OFFLINE_TIMEOUTS });
      await ensureTable(loaders[size].raw, tableName);
      await disableStream(loaders[size]);
      apps[size] = createApp(composeWithDb(createDb({ tableName, endpoint: dynamo.endpoint, region: 'local' }), noIdentity()));
    }
    const stored = Array.from({ length: SMALL }, (_, n) => projectItems(benchProject(n)));
    const items = stored.reduce((sum, p) => sum + p.length, 0) / SMALL;
    const bytes = stored.reduce((sum, p) => sum + Buffer.byteLength(JSON.stringify(p)), 0) / SMALL;
    console.log(`\nDiscovery\neach project is stored as ${items.toFixed(1)} items, ${(bytes / 1024).toFixed(1)} KB (JSON; mean of the first ${SMALL})`);
    console.log(`DynamoDB Local in memory at ${dynamo.endpoint}; loading ${SMALL} and ${LARGE} projects into two tables (${WORKERS} batch writes of 25 items in flight)`);
    const loaded = { small: await load(loaders.small, SMALL, 'bench-small'), large: await load(loaders.large, LARGE, 'bench-large') };
    const loadRate = { small: loaded.small.projectsPerSecond, large: loaded.large.projectsPerSecond };
    const loadFigures = (r: LoadResult) => ({ items: r.items, seconds: r.seconds, itemsPerSecond: r.itemsPerSecond });
    const operations = await measure(apps, sizes);
    console.log(`\n${formatTable(SMALL, LARGE, operations)}\n`);
    for (const size of ['small', 'large'] as const) {
      const r = loaded[size];
      console.log(`load ${sizes[size]}: ${r.items} items in ${r.seconds.toFixed(0)} s, ${r.itemsPerSecond.toFixed(0)} items/s, ${r.projectsPerSecond.toFixed(0)} projects/s`);
    }
    console.log(`${TIMING.count} requests per operation and size, alternating between the sizes, after ${TIMING.warmup} warm-up pairs; ratio = ${LARGE}/${SMALL}`);
    return { sizes, storedPerProject: { items, kb: bytes / 1024 }, loadRate, load: { small: loadFigures(loaded.small), large: loadFigures(loaded.large) }, timing: { ...TIMING, interleaved: true }, operations };
  } finally {
    await dynamo.stop();
  }
}

if (isMain(import.meta.url)) await runDiscovery();
