/**
 * The benchmark's bulk load: every item of every project built by the same pure builder every writer uses
 * (projectItems: main item and index items, the stored shape in full), then written with BatchWriteItem, 25 items a request, from
 * several workers at once, retrying what DynamoDB hands back unprocessed with backoff; the oblast totals the
 * projects raise are added once at the end (as seedProjects does). Prints items/s while it loads.
 */
import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Project } from '@mekendesh/contracts';
import { addOblastStats, oblastContribution, projectItems, sumOblastDeltas, type Db } from '@mekendesh/db';

type Item = Record<string, unknown>;

/** Items a BatchWriteItem request carries at most. */
const BATCH = 25;
/** Attempts of one batch's unprocessed items before the load fails (backoff 50 ms doubling, capped at 2 s). */
const MAX_ATTEMPTS = 12;

export interface LoadResult {
  projects: number;
  items: number;
  seconds: number;
  itemsPerSecond: number;
  projectsPerSecond: number;
}

/**
 * Turns off the table's stream (ensureTable enables one, as in the cloud). In DynamoDB Local every write also
 * looks up the stream's description, a lookup that grows with the stream records of every table of the
 * database: the second bench table loaded at 40 items/s (its SQLite thread busy in getStreamDescription)
 * against 2,500 items/s without a stream. Discovery reads never touch the stream.
 */
export async function disableStream(db: Pick<Db, 'raw' | 'tableName'>): Promise<void> {
  await db.raw.send(new UpdateTableCommand({ TableName: db.tableName, StreamSpecification: { StreamEnabled: false } }));
}

/** Splits items into BatchWriteItem requests of at most BATCH items, in order. */
export function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Writes one batch, retrying its unprocessed items with backoff; returns how many retries it took. */
export async function writeBatch(db: Pick<Db, 'doc' | 'tableName'>, items: readonly Item[], sleep = defaultSleep): Promise<number> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  let attempt = 0;
  for (;;) {
    const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }));
    requests = (out.UnprocessedItems?.[db.tableName] ?? []) as typeof requests;
    if (!requests.length) return attempt;
    if (++attempt >= MAX_ATTEMPTS)
      throw new Error(`DynamoDB kept returning ${requests.length} unprocessed items after ${attempt} attempts`);
    await sleep(Math.min(2_000, 50 * 2 ** (attempt - 1)));
  }
}
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Writes `items` with `workers` BatchWriteItem requests in flight, each worker taking the next batch of BATCH items
 * from the iterable as soon as its last one is done: items are pulled as they are written, so a generator of
 * millions of items never holds them all in memory. `onProgress` is called at most every `everyMs` with the items
 * written so far.
 */
export async function writeAll(
  db: Pick<Db, 'doc' | 'tableName'>,
  items: Iterable<Item>,
  options: { workers?: number; onProgress?: (written: number) => void; everyMs?: number } = {},
): Promise<{ retries: number; written: number }> {
  const source = items[Symbol.iterator]();
  const nextBatch = (): Item[] => {
    const batch: Item[] = [];
    for (let r = source.next(); !r.done; r = source.next()) if (batch.push(r.value) === BATCH) break;
    return batch;
  };
  let written = 0;
  let retries = 0;
  const timer = options.onProgress ? setInterval(() => options.onProgress!(written), options.everyMs ?? 1_000) : undefined;
  try {
    const worker = async () => {
      for (let batch = nextBatch(); batch.length; batch = nextBatch()) {
        retries += await writeBatch(db, batch);
        written += batch.length;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.workers ?? 16) }, worker));
  } finally {
    if (timer) clearInterval(timer);
  }
  options.onProgress?.(written);
  return { retries, written };
}

/**
 * Loads `projects` into `db`: each project's items built as the writers need them (projectItems, the builder every
 * writer uses), written by `workers` concurrent batch writers, then the oblast totals. `projects` may be a
 * generator: 100,000 projects are 4.5 M items, more than a Node heap should hold at once.
 */
export async function bulkLoad(
  db: Db,
  projects: Iterable<Project>,
  options: { workers?: number; label?: string; total?: number } = {},
): Promise<LoadResult> {
  const label = options.label ?? db.tableName;
  const contributions: Array<ReturnType<typeof oblastContribution>> = [];
  function* items(): Generator<Item> {
    for (const p of projects) {
      contributions.push(oblastContribution(p));
      yield* projectItems(p);
    }
  }
  const start = performance.now();
  const tty = process.stdout.isTTY;
  const of = options.total ? ` (${options.total} projects)` : '';
  const report = (written: number) => {
    const s = (performance.now() - start) / 1000;
    const line = `  ${label}: ${written} items${of}, ${(written / Math.max(s, 1e-3)).toFixed(0)} items/s, ${s.toFixed(0)} s`;
    if (tty) process.stdout.write(`\r${line}`);
    else console.log(line);
  };
  const { retries, written } = await writeAll(db, items(), { workers: options.workers, onProgress: report, everyMs: tty ? 1_000 : 30_000 });
  await addOblastStats(db, sumOblastDeltas(contributions));
  const seconds = (performance.now() - start) / 1000;
  if (tty) process.stdout.write('\n');
  if (retries) console.log(`  ${label}: ${retries} batches retried for unprocessed items`);
  const count = contributions.length;
  return { projects: count, items: written, seconds, itemsPerSecond: written / seconds, projectsPerSecond: count / seconds };
}
