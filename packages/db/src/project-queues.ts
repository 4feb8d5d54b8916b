/**
 * Lists of projects in any status, for their owners and for staff: each reads one index partition by key
 * (gsi2 per organisation, gsi1 per status, the closing-soon facet for deadlines), a page at a time.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ProjectStatus } from '@mekendesh/contracts';
import type { Page, QueuedProject } from '@mekendesh/domain';
import type { Db } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { keys } from './keys.js';
import { facetKeys } from './project-index.js';

const FIELDS = [
  'id', 'slug', 'status', 'organisationId', 'organisationName', 'oblastSoate', 'rayonSoate', 'settlement',
  'title', 'summary', 'languages', 'sector', 'kind', 'goal', 'raised', 'pledged', 'supporters', 'deadline',
  'publishedAt', 'coverUrl', 'statusChangedAt', 'statusReason', 'submittedAt',
] as const satisfies readonly (keyof QueuedProject)[];

const names = Object.fromEntries(FIELDS.map((f, i) => [`#f${i}`, f]));
const projection = Object.keys(names).join(',');

function toQueued(item: Record<string, unknown>): QueuedProject {
  return Object.fromEntries(FIELDS.map((f) => [f, item[f] ?? null])) as QueuedProject;
}

async function queryIndex(db: Db, input: { index: 'gsi1' | 'gsi2'; pk: string; skPrefix?: string; forward: boolean; limit: number; cursor?: string | undefined }) {
  const pkName = `${input.index}pk`;
  const skName = `${input.index}sk`;
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: input.index,
      KeyConditionExpression: `#pk = :pk${input.skPrefix ? ' AND begins_with(#sk, :prefix)' : ''}`,
      ExpressionAttributeNames: { '#pk': pkName, ...(input.skPrefix ? { '#sk': skName } : {}), ...names },
      ExpressionAttributeValues: { ':pk': input.pk, ...(input.skPrefix ? { ':prefix': input.skPrefix } : {}) },
      ProjectionExpression: projection,
      ScanIndexForward: input.forward,
      Limit: input.limit,
      ExclusiveStartKey: decodeCursor(input.cursor, ['pk', 'sk', pkName, skName], { [pkName]: input.pk }),
    }),
  );
  return { items: (out.Items ?? []).map(toQueued), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}

/** An organisation's projects in every status, newest first. */
export function listByOrganisation(db: Db, input: { organisationId: string; limit: number; cursor?: string }): Promise<Page<QueuedProject>> {
  return queryIndex(db, { index: 'gsi2', pk: `ORG#${input.organisationId}`, skPrefix: 'PROJECT#', forward: false, limit: input.limit, cursor: input.cursor });
}

/** Projects in one status, the longest in it first. */
export function listOldestInStatus(db: Db, input: { status: ProjectStatus; limit: number; cursor?: string }): Promise<Page<QueuedProject>> {
  return queryIndex(db, { index: 'gsi1', pk: keys.projectByStatus(input.status), forward: true, limit: input.limit, cursor: input.cursor });
}

/** Ids of published projects whose deadline is before `today`, from the closing-soon order of the facet index. */
export async function listPublishedPastDeadline(db: Db, input: { today: string; limit: number }): Promise<string[]> {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :today',
      ExpressionAttributeValues: { ':pk': facetKeys.all('published'), ':today': input.today },
      ProjectionExpression: 'id',
      ScanIndexForward: true,
      Limit: input.limit,
    }),
  );
  return (out.Items ?? []).map((i) => String(i.id));
}
