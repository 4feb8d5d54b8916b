/**
 * `pnpm bench [--small]`: loads 1,000 and then 100,000 projects (1,000 and 10,000 with --small) into an
 * in-memory DynamoDB Local and times, through the real Hono app, a filtered browse (oblast + sector), a
 * text search (title words), a name search (short words, organisation and place names) and a project page
 * at both sizes; it prints the items and bytes each project is stored as. The issue asks for a ratio
 * (large/small) under 1.5.
 * Not a timed test: it prints figures for a human.
 */
import { SECTORS } from '@mekendesh/contracts';
import { createDb, ensureTable, projectItems, seedProjects, type Db } from '@mekendesh/db';
import { startDynamoLocal } from '@mekendesh/db/local';
import { OBLASTS } from '@mekendesh/territories';
import { noIdentity } from '../fixtures/identity.js';
import { benchProject, random } from './generate.js';
import { formatTable, sample, type Sample } from './measure.js';

// One JSON log line per request would drown the figures; the app reads LOG_LEVEL when it is imported.
process.env.LOG_LEVEL ??= 'warn';
const { createApp } = await import('@mekendesh/api/app');
const { composeWithDb } = await import('@mekendesh/api/composition');

const SMALL = 1_000;
const LARGE = process.argv.includes('--small') ? 10_000 : 100_000;
const CHUNK = 2_000;
const CONCURRENCY = 12;
// A long warm-up: the small run comes first, and a cold JVM would flatter the large/small ratio.
const TIMING = { count: 300, warmup: 400 };
/** Lets DynamoDB Local finish what a bulk load left behind (GC, index upkeep) before anything is timed. */
const SETTLE_MS = 5_000;
// Words found in many demo titles, in each language, some typed the way a Russian keyboard would.
const WORDS = ['мектеп', 'school', 'школ', 'water', 'жол', 'дорог', 'koop', 'кооператив', 'spor', 'ысык', 'naryn', 'теплиц', 'jash'];
// Words found only since summaries, organisation and place names are indexed, and three-letter words that fold
// to two (суу → su: the widest prefix a query can have); some typed in NFD (й as и + U+0306).
const NAME_WORDS = ['суу', 'окмоту', 'Ат-Башы', 'Нарын', 'мэриясы', 'Кочкор', 'аи\u0306ылындагы', 'Жалал-Абад', 'Токмок', 'ооз'];

/** Loads projects [from, to) in chunks, each with its index items and oblast totals; returns projects per second. */
async function load(db: Db, from: number, to: number): Promise<number> {
  const start = performance.now();
  for (let n = from; n < to; n += CHUNK) {
    const projects = Array.from({ length: Math.min(CHUNK, to - n) }, (_, i) => benchProject(n + i));
    await seedProjects(db, { organisations: [], projects }, { concurrency: CONCURRENCY });
    if (to - from > 10_000) process.stdout.write(`\r  loaded ${n + projects.length - from} of ${to - from}`);
  }
  if (to - from > 10_000) process.stdout.write('\n');
  return ((to - from) / (performance.now() - start)) * 1000;
}

async function expectOk(app: ReturnType<typeof createApp>, path: string): Promise<void> {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

/** The three operations, each call asking for something different so that no single item stays hot. */
async function measure(app: ReturnType<typeof createApp>, size: number): Promise<Record<string, Sample>> {
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const rnd = random(size);
  const browse = await sample(() => {
    const oblast = OBLASTS[Math.floor(rnd() * OBLASTS.length)]!.soate;
    return expectOk(app, `/v1/projects?limit=20&oblast=${oblast}&sector=${SECTORS[Math.floor(rnd() * SECTORS.length)]}`);
  }, TIMING);
  const search = await sample((i) => expectOk(app, `/v1/projects?limit=20&q=${encodeURIComponent(WORDS[i % WORDS.length]!)}`), TIMING);
  const names = await sample((i) => expectOk(app, `/v1/projects?limit=20&q=${encodeURIComponent(NAME_WORDS[i % NAME_WORDS.length]!)}`), TIMING);
  const page = await sample(() => expectOk(app, `/v1/projects/${benchPublicId(rnd, size)}`), TIMING);
  return { 'filtered browse': browse, 'text search': search, 'name/place search': names, 'project page': page };
}

/** A random loaded project that is public (every generated project is). */
function benchPublicId(rnd: () => number, size: number): string {
  return `bench-${String(Math.floor(rnd() * size)).padStart(6, '0')}`;
}

async function main() {
  const dynamo = await startDynamoLocal({ port: 0 });
  try {
    const db = createDb({ tableName: 'bench', endpoint: dynamo.endpoint, region: 'local' });
    await ensureTable(db.raw, 'bench');
    const app = createApp(composeWithDb(db, noIdentity()));
    const stored = Array.from({ length: SMALL }, (_, n) => projectItems(benchProject(n)));
    const items = stored.reduce((sum, p) => sum + p.length, 0) / SMALL;
    const bytes = stored.reduce((sum, p) => sum + Buffer.byteLength(JSON.stringify(p)), 0) / SMALL;
    console.log(`each project is stored as ${items.toFixed(1)} items, ${(bytes / 1024).toFixed(1)} KB (JSON; mean of the first ${SMALL})`);
    console.log(`DynamoDB Local in memory at ${dynamo.endpoint}; loading ${SMALL} projects`);
    const rateSmall = await load(db, 0, SMALL);
    const small = await measure(app, SMALL);
    console.log(`loading ${LARGE - SMALL} more projects (${CONCURRENCY} batch writes in flight)`);
    const rateLarge = await load(db, SMALL, LARGE);
    const large = await measure(app, LARGE);
    const rows = Object.keys(small).map((name) => ({ name, small: small[name]!, large: large[name]! }));
    console.log(`\n${formatTable(SMALL, LARGE, rows)}\n`);
    console.log(`load rate: ${rateSmall.toFixed(0)} projects/s (first ${SMALL}), ${rateLarge.toFixed(0)} projects/s (next ${LARGE - SMALL})`);
    console.log(`${TIMING.count} sequential requests per operation and size, after ${TIMING.warmup} warm-up; ratio = ${LARGE}/${SMALL}`);
  } finally {
    await dynamo.stop();
  }
}

await main();
