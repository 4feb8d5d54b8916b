/**
 * `pnpm bench` (step `dashboard`), or alone `tsx tests/bench/dashboard.ts [--dashboard-entries N]`: GET
 * /v1/staff/dashboard in-process (the Hono app, a staff token) against DynamoDB Local, at 1,000 and at N ledger
 * entries (default 1,000,000), timed side by side, and their ratio (goal <= 1.5: the dashboard reads cells, never
 * entries). Each table gets the entries and the cells they add (entryCellAdds, summed here and written once, as the
 * bookings would have ADDed them), written with BatchWriteItem by several workers; the load's time is printed.
 */
import { randomUUID } from 'node:crypto';
import {
  createDb,
  dashCellEntity,
  DynamoUserRepository,
  ensureTable,
  entryCellAdds,
  ledgerEntryEntity,
  OFFLINE_TIMEOUTS,
  seedDemoRates,
  seedProjects,
  type CellAdds,
  type Db,
} from '@mekendesh/db';
import { startDynamoLocal } from '@mekendesh/db/local';
import { bishkekDay, ZERO_DELTAS, type LedgerEntry, type TokenVerifier } from '@mekendesh/domain';
import { ProfileSchema, SECTORS } from '@mekendesh/contracts';
import { OBLASTS } from '@mekendesh/territories';
import { noIdentity } from '../fixtures/identity.js';
import { makeProject } from '../fixtures/projects.js';
import { disableStream, writeAll } from './bulk-load.js';
import { isMain, sampleInterleaved, type Sample } from './measure.js';

process.env.LOG_LEVEL ??= 'warn';
const { createApp } = await import('@mekendesh/api/app');
const { composeWithDb } = await import('@mekendesh/api/composition');

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
};
const SMALL = 1_000;
const LARGE = arg('dashboard-entries', 1_000_000);
const WORKERS = 16;
const TIMING = { count: 200, warmup: 50 };
const JVM_ARGS = ['-Xms1g', '-Xmx6g'];
const STAFF = 'bench-staff';
const COUNTRIES = ['RU', 'KZ', 'TR', 'US', 'KR', 'DE', null] as const;
const CURRENCIES = ['KGS', 'USD', 'RUB', 'KZT'] as const;
/** Two years of months: the default period (12 months) and the 60-month one read at most 24 of them. */
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
/** The filters the timed requests cycle through: every scope kind, two periods. */
const QUERIES = [
  '',
  `?oblast=${OBLASTS[3]!.soate}`,
  '?sector=water',
  `?oblast=${OBLASTS[1]!.soate}&sector=education`,
  '?from=2022-01&to=2026-12',
];

const staffVerifier: TokenVerifier = { verify: async () => ({ userId: STAFF, roles: ['staff'], issuedAt: Math.floor(Date.now() / 1000) }) };

/** Entry n of a synthetic ledger: spread over the 9 oblasts, 11 sectors, 24 months, 7 corridors and 4 currencies. */
function entry(n: number): LedgerEntry & { sector: string } {
  const oblast = OBLASTS[n % OBLASTS.length]!.soate;
  const sector = SECTORS[Math.floor(n / 9) % SECTORS.length]!;
  const month = MONTHS[Math.floor(n / 99) % MONTHS.length]!;
  const currency = CURRENCIES[n % CURRENCIES.length]!;
  const kind = (['pledged', 'received', 'matched', 'disbursed'] as const)[Math.floor(n / 7) % 4]!;
  const amount = 10_000 + (n % 997) * 100;
  const deltas = {
    ...ZERO_DELTAS,
    ...(kind === 'pledged'
      ? { pledged: amount }
      : kind === 'received'
        ? { raised: amount }
        : kind === 'matched'
          ? { matched: amount }
          : { disbursed: amount, spentDiaspora: amount }),
  };
  return {
    id: `e-${String(n).padStart(8, '0')}`,
    at: `${month}-${String((n % 28) + 1).padStart(2, '0')}T06:00:00.000Z`,
    kind,
    projectId: `bench-p-${n % 99}`,
    oblastSoate: oblast,
    pledgeId: kind === 'disbursed' ? null : `pl-${n}`,
    receiptId: null,
    programmeId: kind === 'matched' ? 'bench-programme' : null,
    funder: kind === 'matched' ? 'programme' : 'diaspora',
    country: kind === 'disbursed' ? null : (COUNTRIES[n % COUNTRIES.length] ?? null),
    original: currency === 'KGS' ? null : { amount: Math.round(amount / 80), currency },
    publicName: null,
    deltas,
    sector,
  } as LedgerEntry & { sector: string };
}

/** Loads `count` entries and the cells they add into a fresh table; returns how long it took (s). */
async function load(db: Db, count: number): Promise<{ seconds: number; cells: number }> {
  const start = performance.now();
  const cells = new Map<string, CellAdds>();
  function* items() {
    for (let n = 0; n < count; n++) {
      const e = entry(n);
      entryCellAdds(e, e.sector, cells);
      yield { ...ledgerEntryEntity.item(e), sector: e.sector };
    }
  }
  const tty = process.stdout.isTTY;
  await writeAll(db, items(), {
    workers: WORKERS,
    everyMs: tty ? 1_000 : 30_000,
    onProgress: (w) => {
      const line = `  ${db.tableName}: ${w} of ${count} entries, ${(w / Math.max((performance.now() - start) / 1000, 1e-3)).toFixed(0)}/s`;
      if (tty) process.stdout.write(`\r${line}`);
      else console.log(line);
    },
  });
  if (tty) process.stdout.write('\n');
  // The cells as the bookings would have left them: one item per scope and month (shard 0), written once.
  const cellItems = [...cells].map(([key, adds]) => {
    const [scope, month] = key.split('|') as [string, string];
    return { ...dashCellEntity.key({ scope, month, shard: 0 }), entity: dashCellEntity.name, ...Object.fromEntries(adds) };
  });
  await writeAll(db, cellItems, { workers: WORKERS });
  return { seconds: (performance.now() - start) / 1000, cells: cellItems.length };
}

/** What the dashboard benchmark measured (ms, s). */
export interface DashboardResult {
  entries: { small: number; large: number };
  load: { small: number; large: number };
  cells: { small: number; large: number };
  small: Sample;
  large: Sample;
  ratio: { median: number; p95: number };
}

async function table(endpoint: string, name: string) {
  const loader = createDb({ tableName: name, endpoint, region: 'local', timeouts: OFFLINE_TIMEOUTS });
  await ensureTable(loader.raw, name);
  await disableStream(loader);
  const projects = Array.from({ length: 99 }, (_, i) =>
    makeProject({
      id: `bench-p-${i}`,
      oblastSoate: OBLASTS[i % 9]!.soate,
      rayonSoate: null,
      sector: SECTORS[Math.floor(i / 9) % 11]!,
      status: i % 5 === 0 ? 'submitted' : 'published',
    }),
  );
  await seedProjects(loader, { organisations: [], projects });
  await seedDemoRates(loader, bishkekDay(new Date()));
  await new DynamoUserRepository(loader).ensure({
    id: STAFF,
    email: 'bench-staff@example.kg',
    profile: ProfileSchema.parse({ displayName: 'Bench staff', locale: 'en' }),
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  // Staff powers need a passed two-step sign-in (issue 14): the bench's staff account has one.
  await new DynamoUserRepository(loader).setTwoStep({ id: STAFF, at: Math.floor(Date.now() / 1000) });
  const db = createDb({ tableName: name, endpoint, region: 'local' });
  return { loader, app: createApp(composeWithDb(db, { ...noIdentity(), verifier: staffVerifier })) };
}

/** Loads both sizes, times the dashboard interleaved, prints the figures; stops DynamoDB Local whatever happens. */
export async function runDashboard(): Promise<DashboardResult> {
  const dynamo = await startDynamoLocal({ port: 0, jvmArgs: JVM_ARGS });
  try {
    console.log(`\nDashboard\nDynamoDB Local in memory; ${SMALL} and ${LARGE} ledger entries with their cells (${WORKERS} batch writers)`);
    const small = await table(dynamo.endpoint, `dash-${randomUUID().slice(0, 4)}-small`);
    const large = await table(dynamo.endpoint, `dash-${randomUUID().slice(0, 4)}-large`);
    const loaded = { small: await load(small.loader, SMALL), large: await load(large.loader, LARGE) };
    console.log(`load: ${SMALL} entries in ${loaded.small.seconds.toFixed(1)} s; ${LARGE} entries in ${loaded.large.seconds.toFixed(1)} s`);
    const apps = { small: small.app, large: large.app };
    const times = await sampleInterleaved(
      ['small', 'large'] as const,
      async (i, size) => {
        const res = await apps[size].request(`/v1/staff/dashboard${QUERIES[i % QUERIES.length]}`, {
          headers: { authorization: 'Bearer bench-staff-access-token' },
        });
        if (res.status !== 200) throw new Error(`dashboard answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      },
      TIMING,
    );
    const ratio = { median: times.large.median / times.small.median, p95: times.large.p95 / times.small.p95 };
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(
      `GET /v1/staff/dashboard, ${TIMING.count} requests per size (${QUERIES.length} filter sets), after ${TIMING.warmup} warm-up pairs:\n` +
        `  median ${ms(times.small.median)} (${SMALL}) / ${ms(times.large.median)} (${LARGE}) = ${ratio.median.toFixed(2)} (goal <= 1.5)\n` +
        `  p95    ${ms(times.small.p95)} / ${ms(times.large.p95)} = ${ratio.p95.toFixed(2)}`,
    );
    return {
      entries: { small: SMALL, large: LARGE },
      load: { small: loaded.small.seconds, large: loaded.large.seconds },
      cells: { small: loaded.small.cells, large: loaded.large.cells },
      small: times.small,
      large: times.large,
      ratio,
    };
  } finally {
    await dynamo.stop();
  }
}

if (isMain(import.meta.url)) await runDashboard();
