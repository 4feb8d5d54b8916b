import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation, Project } from '@mekendesh/contracts';
import type { Db } from './client.js';
import { organisationItem } from './organisation-repository.js';
import { projectItem } from './project-repository.js';

/** Writes items in batches of 25, retrying what DynamoDB hands back unprocessed. */
export async function batchPut(db: Db, items: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed items');
      const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: requests } }));
      requests = (out.UnprocessedItems?.[db.tableName] ?? []) as typeof requests;
      if (requests.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}

/** Loads organisations and projects (demo data, fixtures, benchmarks). */
export async function seedProjects(db: Db, data: { organisations: readonly Organisation[]; projects: readonly Project[] }) {
  await batchPut(db, [...data.organisations.map((o) => organisationItem(o)), ...data.projects.map(projectItem)]);
}
