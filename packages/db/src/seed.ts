import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { PUBLIC_STATUSES, type Organisation, type Project } from '@mekendesh/contracts';
import type { Db } from './client.js';
import { addOblastStats, sumOblastDeltas } from './oblast-stats.js';
import { organisationItem } from './organisation-repository.js';
import { batchGet } from './dynamo/batch-get.js';
import { queryOnce } from './dynamo/paged-query.js';
import { facetPartitions, projectEntity } from './entities/catalogue.js';
import { stripKeys } from './entities/define.js';
import { oblastContribution, projectIndexItems, projectItems } from './project-index.js';
import { addTrackRecords } from './match-candidates.js';
import { addPipelineCells } from './pipeline-cells.js';

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
 * (projectItems), then the oblast totals and the pipeline cells (issue 13) raised by what was loaded. Meant for new projects: loading one
 * twice counts it twice in the totals (the demo loader guards with a marker).
 */
export async function seedProjects(
  db: Db,
  data: { organisations: readonly Organisation[]; projects: readonly Project[] },
  options: { concurrency?: number } = {},
): Promise<void> {
  await batchPut(db, [...data.organisations.map((o) => organisationItem(o)), ...data.projects.flatMap(projectItems)], options);
  await addOblastStats(db, sumOblastDeltas(data.projects.map(oblastContribution)));
  await addTrackRecords(db, data.projects);
  await addPipelineCells(db, data.projects);
}

/**
 * Writes again the index items of every public project, as the current code computes them: after a change of
 * what is indexed (SEARCH_INDEX_VERSION), for data loaded before it. Finds the projects through the facet
 * lists of each public status (facetPartitions.all: keys, never a scan), 50 at a time; reads each page's projects with one BatchGet.
 * Items of an older layout stay behind unread (their partitions are no longer queried). Returns the count.
 * @example if (marker.searchIndex !== SEARCH_INDEX_VERSION) await reindexPublicProjects(db)
 */
export async function reindexPublicProjects(db: Db): Promise<number> {
  let count = 0;
  for (const status of PUBLIC_STATUSES) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await queryOnce(db, { partition: facetPartitions.all(status), forward: true, fields: ['id'] }, 50, start);
      const ids = (page.Items ?? []).map((i) => String(i.id));
      const projects = (await storedProjects(db, ids)).filter((p) => p.status === status);
      await batchPut(db, projects.flatMap(projectIndexItems));
      count += projects.length;
      start = page.LastEvaluatedKey;
    } while (start);
  }
  return count;
}

/** Whole stored projects by id (one BatchGet per 100). */
async function storedProjects(db: Db, ids: string[]): Promise<Project[]> {
  return (
    await batchGet(
      db,
      ids.map((id) => projectEntity.key({ id })),
    )
  ).map((i) => stripKeys<Project>(i));
}
