/**
 * The benchmark's bulk load: every item of every project built up front by the same pure builders every writer
 * uses (projectItems: main item and index items), then written with BatchWriteItem, 25 items a request, from
 * several workers at once, retrying what DynamoDB hands back unprocessed with backoff; the oblast totals the
 * projects raise are added once at the end (as seedProjects does). Prints items/s while it loads.
 */
import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Project } from '@mekendesh/contracts';
import { addOblastStats, oblastContribution, projectItems, sumOblastDeltas, type Db } from '@mekendesh/db';

type Item = Record<string, unknown>;

/** Items a BatchWriteItem request carries at most. */
export const BATCH = 25;
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
    if (++attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB kept returning ${requests.length} unprocessed items after ${attempt} attempts`);
    await sleep(Math.min(2_000, 50 * 2 ** (attempt - 1)));
  }
}
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Writes `items` with `workers` BatchWriteItem requests in flight, each worker taking the next batch as soon as
 * its last one is done. `onProgress` is called at most every `everyMs` with the items written so far.
 */
export async function writeAll(
  db: Pick<Db, 'doc' | 'tableName'>,
  items: readonly Item[],
  options: { workers?: number; onProgress?: (written: number) => void; everyMs?: number } = {},
): Promise<{ retries: number }> {
  const queue = batches(items);
  let next = 0;
  let written = 0;
  let retries = 0;
  const timer = options.onProgress ? setInterval(() => options.onProgress!(written), options.everyMs ?? 1_000) : undefined;
  try {
    const worker = async () => {
      while (next < queue.length) {
        const batch = queue[next++]!;
        retries += await writeBatch(db, batch);
        written += batch.length;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.workers ?? 16) }, worker));
  } finally {
    if (timer) clearInterval(timer);
  }
  options.onProgress?.(written);
  return { retries };
}

/** Loads `projects` into `db`: every item up front, written by `workers` concurrent batch writers, then the oblast totals. */
export async function bulkLoad(db: Db, projects: readonly Project[], options: { workers?: number; label?: string } = {}): Promise<LoadResult> {
  const label = options.label ?? db.tableName;
  const items = projects.flatMap(projectItems);
  const start = performance.now();
  const tty = process.stdout.isTTY;
  const report = (written: number) => {
    const s = (performance.now() - start) / 1000;
    const line = `  ${label}: ${written} of ${items.length} items, ${(written / Math.max(s, 1e-3)).toFixed(0)} items/s, ${s.toFixed(0)} s`;
    if (tty) process.stdout.write(`\r${line}`);
    else console.log(line);
  };
  const { retries } = await writeAll(db, items, { workers: options.workers, onProgress: report, everyMs: tty ? 1_000 : 10_000 });
  await addOblastStats(db, sumOblastDeltas(projects.map(oblastContribution)));
  const seconds = (performance.now() - start) / 1000;
  if (tty) process.stdout.write('\n');
  if (retries) console.log(`  ${label}: ${retries} batches retried for unprocessed items`);
  return { projects: projects.length, items: items.length, seconds, itemsPerSecond: items.length / seconds, projectsPerSecond: projects.length / seconds };
}
