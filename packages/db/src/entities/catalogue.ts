/**
 * Projects and what discovery reads of them: the project item, its facet items (one per list it appears
 * in, three sorts each), its search words, and the oblast aggregate. The project summary's field list
 * lives here once.
 */
import type { Project, ProjectStatus, ProjectSummary, Sector } from '@mekendesh/contracts';
import type { QueuedProject } from '@mekendesh/domain/project-ports';
import { defineEntity } from './define.js';

const EXAMPLE_PROJECT = {
  id: 'prj-1',
  status: 'published' as ProjectStatus,
  organisationId: 'org-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  publishedAt: '2026-01-02T00:00:00.000Z',
  statusChangedAt: '2026-01-02T00:00:00.000Z',
};

type ProjectKeyInput = Pick<Project, 'id'>;
type ProjectIndexInput = Pick<Project, 'id' | 'status' | 'organisationId' | 'publishedAt' | 'createdAt' | 'statusChangedAt'>;

const byStatus = (p: Pick<Project, 'status'>) => `STATUS#${p.status}`;
const byOrganisation = (p: Pick<Project, 'organisationId'>) => `ORG#${p.organisationId}`;

/** A project: one item with its totals and version; listed by status (gsi1) and by organisation (gsi2). */
export const projectEntity = defineEntity<ProjectKeyInput, ProjectIndexInput>({
  name: 'Project',
  table: { pk: (p) => `PROJECT#${p.id}`, sk: () => 'PROJECT', shape: ['PROJECT#<id>', 'PROJECT'] },
  indexes: {
    gsi1: {
      pk: byStatus,
      // Before publication, the time the project entered its status: review queues read it oldest first.
      sk: (p) => `${p.publishedAt ?? p.statusChangedAt ?? p.createdAt}#${p.id}`,
      shape: ['STATUS#<status>', '<time>#<id>'],
      purpose: 'projects by status: published ones by publication time, others by when they entered it',
    },
    gsi2: {
      pk: byOrganisation,
      sk: (p) => `PROJECT#${p.createdAt}#${p.id}`,
      shape: ['ORG#<organisationId>', 'PROJECT#<createdAt>#<id>'],
      purpose: "an organisation's projects by creation",
    },
  },
  example: EXAMPLE_PROJECT,
});

/** The partitions projects are listed by: gsi1 per status, gsi2 per organisation (sort keys from PROJECTS_OF_ORGANISATION). */
export const projectPartitions = {
  byStatus: (status: ProjectStatus) => byStatus({ status }),
  byOrganisation: (organisationId: string) => byOrganisation({ organisationId }),
};
/** Sort-key prefix of an organisation's projects in gsi2. */
export const ORGANISATION_PROJECTS_PREFIX = 'PROJECT#';

/**
 * Letters of a word's skeleton in its search partition key. Two, not three: a three-letter word as typed can
 * fold to two letters (`суу` → `su`), and a prefix query must find all its words in one partition.
 */
export const SEARCH_PARTITION_LETTERS = 2;

/** Partition keys of the facet index: one per public status and filter combination that gets its own list. */
export const facetPartitions = {
  all: (status: ProjectStatus) => `PX#${status}`,
  oblast: (status: ProjectStatus, soate: string) => `PX#${status}#ob#${soate}`,
  rayon: (status: ProjectStatus, soate: string) => `PX#${status}#ry#${soate}`,
  sector: (status: ProjectStatus, sector: Sector) => `PX#${status}#se#${sector}`,
  oblastSector: (status: ProjectStatus, soate: string, sector: Sector) => `PX#${status}#ob#${soate}#se#${sector}`,
};

const INVERT_FROM = 9_999_999_999_999;
/** Milliseconds counted down, so an ascending read of search items gives the newest first within a word. */
export function invertedTime(iso: string): string {
  return String(INVERT_FROM - Date.parse(iso)).padStart(13, '0');
}

/** Funded share in basis points, fixed width so that strings sort as numbers (capped at 999.99 %). */
export function percentKey(raised: number, goal: number): string {
  const bp = (BigInt(raised) * 10_000n) / BigInt(goal);
  return String(bp > 99_999n ? 99_999n : bp).padStart(5, '0');
}

type FacetInput = Pick<Project, 'id' | 'publishedAt' | 'createdAt' | 'deadline' | 'raised' | 'goal'> & { partition: string };

/**
 * A facet item: a public project in one list (all, oblast, rayon, sector, oblast+sector of its status).
 * Newest on the table's sort key, closing soon on gsi3, percent funded on gsi4; all three share the partition.
 * Items carry no `entity` attribute: a project has up to five, kept short so that 100,000 projects fit.
 */
export const projectFacetEntity = defineEntity<FacetInput>({
  name: 'ProjectFacet',
  untagged: true,
  table: { pk: (f) => f.partition, sk: (f) => `${f.publishedAt ?? f.createdAt}#${f.id}`, shape: ['PX#<facet*>', '<time>#<id>'] },
  indexes: {
    gsi3: {
      pk: (f) => f.partition,
      sk: (f) => `${f.deadline}#${f.id}`,
      shape: ['PX#<facet*>', '<deadline>#<id>'],
      purpose: 'a facet list, closing soon',
    },
    gsi4: {
      pk: (f) => f.partition,
      sk: (f) => `${percentKey(f.raised, f.goal)}#${f.id}`,
      shape: ['PX#<facet*>', '<basisPoints:n>#<id>'],
      purpose: 'a facet list, percent funded',
    },
  },
  example: { ...EXAMPLE_PROJECT, deadline: '2026-06-30', raised: 5, goal: 10, partition: facetPartitions.oblast('published', '41704') },
});

/** The facet partitions a public project is listed in. */
export function facetPartitionsOf(p: Pick<Project, 'status' | 'oblastSoate' | 'sector' | 'rayonSoate'>): string[] {
  const s = p.status;
  return [
    facetPartitions.all(s),
    facetPartitions.oblast(s, p.oblastSoate),
    facetPartitions.sector(s, p.sector),
    facetPartitions.oblastSector(s, p.oblastSoate, p.sector),
    ...(p.rayonSoate ? [facetPartitions.rayon(s, p.rayonSoate)] : []),
  ];
}

/** The search partition a word (or a typed prefix of at least two letters) lives in. */
export const searchPartition = (word: string) => `PQ#${word.slice(0, SEARCH_PARTITION_LETTERS)}`;

/** A search word of a public project: partitions per two-letter start, sorted by word, then newest. Untagged, like facets. */
export const searchWordEntity = defineEntity<{ word: string; id: string; publishedAt: string | null; createdAt: string }>({
  name: 'SearchWord',
  untagged: true,
  table: {
    pk: (w) => searchPartition(w.word),
    sk: (w) => `${w.word}#${invertedTime(w.publishedAt ?? w.createdAt)}#${w.id}`,
    shape: ['PQ#<letters>', '<word>#<invertedTime:n>#<id>'],
  },
  example: { word: 'suu', ...EXAMPLE_PROJECT },
});

/** The word a search item's sort key holds. */
export const wordOfSearchItem = (sk: string) => sk.split('#')[0]!;

/** One oblast's running totals of public projects (projects, raising, raised); all nine in one partition. */
export const oblastStatsEntity = defineEntity<{ soate: string }>({
  name: 'OblastStats',
  untagged: true,
  table: { pk: () => 'STATS#oblast', sk: (o) => o.soate, shape: ['STATS#oblast', '<soate:n>'] },
  example: { soate: '41704' },
});

/**
 * An organisation's track record for matchmaking: `completed`, its projects that reached completed, kept with ADD
 * in the transaction of the project write that moves one in or out of that status (projectWrites).
 */
export const organisationTrackRecordEntity = defineEntity<{ organisationId: string }>({
  name: 'OrganisationTrackRecord',
  table: { pk: (o) => `ORGRECORD#${o.organisationId}`, sk: () => 'COMPLETED', shape: ['ORGRECORD#<organisationId>', 'COMPLETED'] },
  example: { organisationId: 'org-1' },
});

/** The fields of a project summary (lists, search results): the one list of them. */
export const SUMMARY_FIELDS = [
  'id',
  'slug',
  'status',
  'organisationId',
  'organisationName',
  'oblastSoate',
  'rayonSoate',
  'settlement',
  'title',
  'summary',
  'languages',
  'sector',
  'kind',
  'goal',
  'raised',
  'pledged',
  'supporters',
  'deadline',
  'publishedAt',
  'coverUrl',
] as const satisfies readonly (keyof ProjectSummary)[];

/** A summary plus where the project stands in its lifecycle (owners' and staff queues). */
export const QUEUED_FIELDS = [
  ...SUMMARY_FIELDS,
  'statusChangedAt',
  'statusReason',
  'submittedAt',
] as const satisfies readonly (keyof QueuedProject)[];

/** Picks `fields` from a stored item, null where absent. */
export function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  return Object.fromEntries(fields.map((f) => [f, item[f] ?? null])) as T;
}

/** A ProjectionExpression of `fields` with its attribute names (some are reserved words). */
export function projectionOf(fields: readonly string[]) {
  const names = Object.fromEntries(fields.map((f, i) => [`#f${i}`, f]));
  return { ProjectionExpression: Object.keys(names).join(','), ExpressionAttributeNames: names };
}
