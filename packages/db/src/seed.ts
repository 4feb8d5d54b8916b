import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation, Project } from '@mekendesh/contracts';
import type { Db } from './client.js';
import { addOblastStats, sumOblastDeltas } from './oblast-stats.js';
import { organisationItem } from './organisation-repository.js';
import { oblastContribution, projectItems } from './project-index.js';

async function writeBatch(db: Db, items: Record<string, unknown>[]): Promise<void> {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed items');
    const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }));
    requests = (out.UnprocessedItems?.[db.tableName] ?? []) as typeof requests;
    if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
}

/**
 * Writes items in batches of 25, `concurrency` batches in flight, retrying what DynamoDB hands back unprocessed.
 * @example await batchPut(db, items, { concurrency: 16 }); // bulk loads
 */
export async function batchPut(db: Db, items: Record<string, unknown>[], options: { concurrency?: number } = {}): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const start = next;
      next += 25;
      await writeBatch(db, items.slice(start, start + 25));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
}

/**
 * Loads organisations and projects (demo data, fixtures, benchmarks): every project with its index items
 * (projectItems), then the oblast totals raised by what was loaded. Meant for new projects: loading one
 * twice counts it twice in the totals (the demo loader guards with a marker).
 */
export async function seedProjects(
  db: Db,
  data: { organisations: readonly Organisation[]; projects: readonly Project[] },
  options: { concurrency?: number } = {},
): Promise<void> {
  await batchPut(db, [...data.organisations.map((o) => organisationItem(o)), ...data.projects.flatMap(projectItems)], options);
  await addOblastStats(db, sumOblastDeltas(data.projects.map(oblastContribution)));
}
