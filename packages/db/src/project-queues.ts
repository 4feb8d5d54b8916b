/**
 * Lists of projects in any status, for their owners and for staff: each reads one index partition by key
 * (gsi2 per organisation, gsi1 per status, the closing-soon facet for deadlines), a page at a time.
 */
import type { ProjectStatus } from '@mekendesh/contracts';
import type { Page } from '@mekendesh/domain/ports';
import type { QueuedProject } from '@mekendesh/domain/project-ports';
import type { Db } from './client.js';
import { pagedQuery, queryOnce } from './dynamo/paged-query.js';
import { facetPartitions, ORGANISATION_PROJECTS_PREFIX, pick, projectPartitions, QUEUED_FIELDS } from './entities/catalogue.js';

async function queryIndex(
  db: Db,
  input: { index: 'gsi1' | 'gsi2'; pk: string; skPrefix?: string; forward: boolean; limit: number; cursor?: string | undefined },
) {
  const page = await pagedQuery(
    db,
    {
      index: input.index,
      partition: input.pk,
      ...(input.skPrefix ? { skPrefix: input.skPrefix } : {}),
      forward: input.forward,
      fields: QUEUED_FIELDS,
    },
    input,
  );
  return { items: page.items.map((i) => pick<QueuedProject>(i, QUEUED_FIELDS)), nextCursor: page.nextCursor };
}

/** An organisation's projects in every status, newest first. */
export function listByOrganisation(
  db: Db,
  input: { organisationId: string; limit: number; cursor?: string },
): Promise<Page<QueuedProject>> {
  return queryIndex(db, {
    index: 'gsi2',
    pk: projectPartitions.byOrganisation(input.organisationId),
    skPrefix: ORGANISATION_PROJECTS_PREFIX,
    forward: false,
    limit: input.limit,
    cursor: input.cursor,
  });
}

/** Projects in one status, the longest in it first. */
export function listOldestInStatus(db: Db, input: { status: ProjectStatus; limit: number; cursor?: string }): Promise<Page<QueuedProject>> {
  return queryIndex(db, {
    index: 'gsi1',
    pk: projectPartitions.byStatus(input.status),
    forward: true,
    limit: input.limit,
    cursor: input.cursor,
  });
}

/** Ids of published projects whose deadline is before `today`, from the closing-soon order of the facet index. */
export async function listPublishedPastDeadline(db: Db, input: { today: string; limit: number }): Promise<string[]> {
  const out = await queryOnce(
    db,
    {
      index: 'gsi3',
      partition: facetPartitions.all('published'),
      skBefore: input.today,
      forward: true,
      fields: ['id'],
    },
    input.limit,
  );
  return (out.Items ?? []).map((i) => String(i.id));
}
