/**
 * Discovery latency at two table sizes, 1,000 and 100,000 projects (1,000 and 10,000 with --small): both sizes
 * are loaded side by side into two tables of one in-memory DynamoDB Local, each behind its own Hono app, and
 * the same requests (a filtered browse by oblast + sector and by oblast alone, a text search of title words, a name
 * search of short words, organisation and place names, a project page, one investor's recommendations and a visitor's)
 * alternate between them, so that a noisy
 * machine slows both alike and its drift stays out of the ratio (large/small; issue 10 asks for at most 1.5).
 * Beside each ratio it prints the work per request at each size (items answered, DynamoDB commands and items
 * read: work.ts) and the emulator's own ratio for raw reads (baseline.ts), so a ratio can be told apart as our
 * design's or DynamoDB Local's. It also prints the items and bytes each project is stored as.
 * Run by `pnpm bench`, or alone with `tsx tests/bench/run.ts [--small | --sizes=1000,20000]`.
 * Not a timed test: it prints figures for a human.
 */
import { ProfileSchema, SECTORS } from '@mekendesh/contracts';
import { createDb, DynamoUserRepository, ensureTable, OFFLINE_TIMEOUTS, projectItems, type Db } from '@mekendesh/db';
import type { TokenVerifier } from '@mekendesh/domain';
import { startDynamoLocal } from '@mekendesh/db/local';
import { OBLASTS, rayonsOf } from '@mekendesh/territories';
import { noIdentity } from '../fixtures/identity.js';
import { baselineOperations, loadBaseline } from './baseline.js';
import { bulkLoad, disableStream, type LoadResult } from './bulk-load.js';
import { benchProject, random } from './generate.js';
import { formatTable, isMain, sampleInterleaved, type Sample } from './measure.js';
import { countWork, resetWork, type Work } from './work.js';

// One JSON log line per request would drown the figures; the app reads LOG_LEVEL when it is imported.
process.env.LOG_LEVEL ??= 'warn';
const { createApp } = await import('@mekendesh/api/app');
const { composeWithDb } = await import('@mekendesh/api/composition');

/** Projects in the two tables: 1,000 and 100,000; 1,000 and 10,000 with --small; any two with --sizes=a,b. */
function tableSizes(argv: readonly string[]): [number, number] {
  const given = argv
    .find((a) => a.startsWith('--sizes='))
    ?.slice('--sizes='.length)
    .split(',')
    .map(Number);
  if (given?.length === 2 && given.every((n) => Number.isInteger(n) && n > 0)) return [given[0]!, given[1]!];
  return [1_000, argv.includes('--small') ? 10_000 : 100_000];
}
const [SMALL, LARGE] = tableSizes(process.argv);
/**
 * DynamoDB Local's JVM options: its in-memory tables are SQLite's (sqlite4java, native memory), the heap serves
 * request handling; 6 GiB is a 24 GiB machine's default, written down so a run does not depend on the machine.
 */
const JVM_ARGS = ['-Xms1g', '-Xmx6g'];
/** Requests per operation and size whose work (work.ts) is counted, untimed, after the timing. */
const WORK_SAMPLE = 50;
/**
 * BatchWriteItem requests in flight while loading: DynamoDB Local is CPU-bound, so more than this only queues in
 * the JVM (16 stays under the SDK's 50 sockets per client, so no request waits for a socket either).
 */
const WORKERS = 16;
// Both sizes see every warm-up pair too, so a cold JVM no longer flatters one of them; the count is per size.
const TIMING = { count: 300, warmup: 100 };
/** Lets DynamoDB Local finish what a bulk load left behind (GC, index upkeep) before anything is timed. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5_000);
// Words found in many demo titles, in each language, some typed the way a Russian keyboard would.
const WORDS = ['мектеп', 'school', 'школ', 'water', 'жол', 'дорог', 'koop', 'кооператив', 'spor', 'ысык', 'naryn', 'теплиц', 'jash'];
// Words found only since summaries, organisation and place names are indexed, and three-letter words that fold
// to two (суу → su: the widest prefix a query can have); some typed in NFD (й as и + U+0306).
const NAME_WORDS = ['суу', 'окмоту', 'Ат-Башы', 'Нарын', 'мэриясы', 'Кочкор', 'аи\u0306ылындагы', 'Жалал-Абад', 'Токмок', 'ооз'];

/** The one investor whose recommendations are timed: from At-Bashy (Naryn), three interests, 10,000-100,000 som. */
const INVESTOR = 'bench-investor';
const INVESTOR_AUTH = { headers: { authorization: 'Bearer bench-investor-access-token' } };
const INVESTOR_PROFILE = ProfileSchema.parse({
  displayName: 'Bench investor',
  homeRayonSoate: '41704220000000',
  homeOblastSoate: '41704000000000',
  residenceCountry: 'RU',
  languages: ['ky', 'ru'],
  sectors: ['education', 'water', 'agriculture'],
  pledgeTypes: ['donation'],
  amountMin: 1_000_000,
  amountMax: 10_000_000,
});
/** Every token is the bench investor's: authentication then reads their record, as for any signed-in request. */
const investorVerifier: TokenVerifier = {
  verify: async () => ({ userId: INVESTOR, roles: ['investor'], issuedAt: Math.floor(Date.now() / 1000) }),
};

/** Stores the bench investor's record and profile in a table. */
async function addInvestor(db: Db): Promise<void> {
  await new DynamoUserRepository(db).ensure({
    id: INVESTOR,
    email: 'bench-investor@example.kg',
    profile: INVESTOR_PROFILE,
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

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
  operations: Operation[];
  /** The same raw DynamoDB reads at both sizes, without the app: the emulator's own ratio (baseline.ts). */
  baseline: Array<{ name: string; small: Sample; large: Sample; ratio: { median: number; p95: number } }>;
  /** DynamoDB Local's JVM options. */
  jvmArgs: string[];
}

/** Work of one request at one size, mean of WORK_SAMPLE requests: items in the answer, DynamoDB commands, items read. */
interface RequestWork {
  itemsAnswered: number;
  commands: number;
  itemsRead: number;
}

interface Operation {
  name: string;
  small: Sample;
  large: Sample;
  ratio: { median: number; p95: number };
  work: Record<Size, RequestWork>;
}

function* projects(count: number) {
  for (let n = 0; n < count; n++) yield benchProject(n);
}

/** Loads projects [0, count) into `db`, built as they are written, by WORKERS concurrent batch writers; then the baseline partitions. */
async function load(db: Db, count: number, label: string): Promise<LoadResult> {
  const loaded = await bulkLoad(db, projects(count), { workers: WORKERS, label, total: count });
  await loadBaseline(db, count);
  return loaded;
}

/** Asks the app for `path`, reads the whole answer; with `count`, returns how many items it carries (a list's items, else 1). */
async function expectOk(app: App, path: string, count = false, init: RequestInit = {}): Promise<number> {
  const res = await app.request(path, init);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  if (!count) {
    await res.arrayBuffer();
    return 0;
  }
  const body = (await res.json()) as { items?: unknown[] };
  return body.items?.length ?? 1;
}

/** Mean work of WORK_SAMPLE requests at `size` (untimed). */
async function workOf(app: App, path: (i: number) => string, work: Work, init: RequestInit = {}): Promise<RequestWork> {
  resetWork(work);
  let answered = 0;
  for (let i = 0; i < WORK_SAMPLE; i++) answered += await expectOk(app, path(i), true, init);
  return { itemsAnswered: answered / WORK_SAMPLE, commands: work.commands / WORK_SAMPLE, itemsRead: work.itemsRead / WORK_SAMPLE };
}

/**
 * The operations, each call asking for something different so that no single item stays hot, and each
 * call the same at both sizes (the same oblast, sector and word; the project at the same relative position).
 */
async function measure(apps: Record<Size, App>, sizes: Record<Size, number>, work: Record<Size, Work>): Promise<Operation[]> {
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const draws = (seed: number, n: number) => {
    const rnd = random(seed);
    return Array.from({ length: n }, () => [rnd(), rnd()] as const);
  };
  const n = TIMING.count + TIMING.warmup;
  const oblast = (a: number) => OBLASTS[Math.floor(a * OBLASTS.length)]!.soate;
  const filters = draws(1, n).map(([a, b]) => `oblast=${oblast(a)}&sector=${SECTORS[Math.floor(b * SECTORS.length)]}`);
  const oblasts = draws(3, n).map(([a]) => `oblast=${oblast(a)}`);
  const pages = draws(2, n).map(([a]) => a);
  // A visitor's answers: an oblast, one of its rayons (or none for Bishkek and Osh), two sectors, an amount.
  const answers = draws(4, n).map(([a, b]) => {
    const o = OBLASTS[Math.floor(a * OBLASTS.length)]!;
    const rayons = rayonsOf(o.soate);
    const rayon = rayons.length ? `&rayon=${rayons[Math.floor(b * rayons.length)]!.soate}` : '';
    const first = Math.floor(b * SECTORS.length);
    const second = (first + 1 + Math.floor(a * (SECTORS.length - 1))) % SECTORS.length;
    return `oblast=${o.soate}${rayon}&sectors=${SECTORS[first]},${SECTORS[second]}&amount=${1_000 + Math.floor(b * 100_000)}`;
  });
  const ops: Array<[string, (i: number, size: Size) => string, RequestInit?]> = [
    // At 1,000 projects an oblast + sector list holds ~7 raising projects (a short page), at 10,000 and more a
    // full page of 20: the work differs. An oblast alone fills a page at every size: the like-for-like figure.
    ['filtered browse (oblast+sector)', (i) => `/v1/projects?limit=20&${filters[i]}`],
    ['filtered browse (oblast)', (i) => `/v1/projects?limit=20&${oblasts[i]}`],
    ['text search', (i) => `/v1/projects?limit=20&q=${encodeURIComponent(WORDS[i % WORDS.length]!)}`],
    ['name/place search', (i) => `/v1/projects?limit=20&q=${encodeURIComponent(NAME_WORDS[i % NAME_WORDS.length]!)}`],
    ['project page', (i, size) => `/v1/projects/${benchPublicId(pages[i]!, sizes[size])}`],
    // One investor, signed in (authentication reads their record); each call leaves out another project, so no answer repeats.
    [
      'recommendations (one investor)',
      (i, size) => `/v1/me/recommendations?exclude=${benchPublicId(pages[i]!, sizes[size])}`,
      INVESTOR_AUTH,
    ],
    ['recommendations (visitor)', (i) => `/v1/recommendations?${answers[i]}`],
  ];
  const rows: Operation[] = [];
  for (const [name, path, init] of ops) {
    const { small, large } = await sampleInterleaved(
      ['small', 'large'] as const,
      async (i, size) => void (await expectOk(apps[size], path(i, size), false, init)),
      TIMING,
    );
    const counted = {
      small: await workOf(apps.small, (i) => path(i, 'small'), work.small, init),
      large: await workOf(apps.large, (i) => path(i, 'large'), work.large, init),
    };
    rows.push({ name, small, large, ratio: { median: large.median / small.median, p95: large.p95 / small.p95 }, work: counted });
  }
  return rows;
}

/** The raw reads of baseline.ts, interleaved between the sizes like the app's. */
async function measureBaseline(loaders: Record<Size, Db>): Promise<DiscoveryResult['baseline']> {
  const ops = { small: baselineOperations(loaders.small), large: baselineOperations(loaders.large) };
  const rows: DiscoveryResult['baseline'] = [];
  for (const [k, [name]] of ops.small.entries()) {
    const { small, large } = await sampleInterleaved(['small', 'large'] as const, (i, size) => ops[size][k]![1](i), TIMING);
    rows.push({ name, small, large, ratio: { median: large.median / small.median, p95: large.p95 / small.p95 } });
  }
  return rows;
}

/** One line per operation: the work per request at each size. */
function formatWork(rows: readonly Operation[]): string {
  const w = (r: RequestWork) => `${r.itemsAnswered.toFixed(1)} answered, ${r.commands.toFixed(1)} commands, ${r.itemsRead.toFixed(1)} read`;
  return [
    'work per request (mean of ' + WORK_SAMPLE + '), small | large:',
    ...rows.map((r) => `  ${r.name.padEnd(32)}${w(r.work.small)} | ${w(r.work.large)}`),
  ].join('\n');
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
  const dynamo = await startDynamoLocal({ port: 0, jvmArgs: JVM_ARGS });
  try {
    // The bulk load is offline work (a 25-item batch can wait seconds on a busy JVM); the timed apps keep the
    // request path's timeouts, as in production.
    const loaders = {} as Record<Size, Db>;
    const apps = {} as Record<Size, App>;
    const work = {} as Record<Size, Work>;
    for (const size of ['small', 'large'] as const) {
      const tableName = `bench-${size}`;
      loaders[size] = createDb({ tableName, endpoint: dynamo.endpoint, region: 'local', timeouts: OFFLINE_TIMEOUTS });
      await ensureTable(loaders[size].raw, tableName);
      await disableStream(loaders[size]);
      const db = createDb({ tableName, endpoint: dynamo.endpoint, region: 'local' });
      work[size] = countWork(db);
      apps[size] = createApp(composeWithDb(db, { ...noIdentity(), verifier: investorVerifier }));
      await addInvestor(loaders[size]);
    }
    const stored = Array.from({ length: SMALL }, (_, n) => projectItems(benchProject(n)));
    const items = stored.reduce((sum, p) => sum + p.length, 0) / SMALL;
    const bytes = stored.reduce((sum, p) => sum + Buffer.byteLength(JSON.stringify(p)), 0) / SMALL;
    console.log(
      `\nDiscovery\neach project is stored as ${items.toFixed(1)} items, ${(bytes / 1024).toFixed(1)} KB (JSON; mean of the first ${SMALL})`,
    );
    console.log(
      `DynamoDB Local in memory at ${dynamo.endpoint} (${JVM_ARGS.join(' ')}); loading ${SMALL} and ${LARGE} projects into two tables (${WORKERS} batch writes of 25 items in flight)`,
    );
    const loaded = { small: await load(loaders.small, SMALL, 'bench-small'), large: await load(loaders.large, LARGE, 'bench-large') };
    const loadRate = { small: loaded.small.projectsPerSecond, large: loaded.large.projectsPerSecond };
    const loadFigures = (r: LoadResult) => ({ items: r.items, seconds: r.seconds, itemsPerSecond: r.itemsPerSecond });
    const operations = await measure(apps, sizes, work);
    const baseline = await measureBaseline(loaders);
    console.log(`\n${formatTable(SMALL, LARGE, [...operations, ...baseline])}\n\n${formatWork(operations)}\n`);
    for (const size of ['small', 'large'] as const) {
      const r = loaded[size];
      console.log(
        `load ${sizes[size]}: ${r.items} items in ${r.seconds.toFixed(0)} s, ${r.itemsPerSecond.toFixed(0)} items/s, ${r.projectsPerSecond.toFixed(0)} projects/s`,
      );
    }
    console.log(
      `${TIMING.count} requests per operation and size, alternating between the sizes, after ${TIMING.warmup} warm-up pairs; ratio = ${LARGE}/${SMALL}`,
    );
    return {
      sizes,
      storedPerProject: { items, kb: bytes / 1024 },
      loadRate,
      load: { small: loadFigures(loaded.small), large: loadFigures(loaded.large) },
      timing: { ...TIMING, interleaved: true },
      operations,
      baseline,
      jvmArgs: JVM_ARGS,
    };
  } finally {
    await dynamo.stop();
  }
}

if (isMain(import.meta.url)) await runDiscovery();
