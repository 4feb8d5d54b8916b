import type {
  OblastStats,
  PledgeType,
  Project,
  ProjectKind,
  ProjectSort,
  ProjectStatus,
  ProjectSummary,
  Sector,
} from '@mekendesh/contracts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What the domain needs from project storage; packages/db implements it on DynamoDB. */
export interface ProjectRepository {
  get(id: string): Promise<Project | undefined>;
  /** Public projects in one status, newest first, one bounded page at a time. */
  listByStatus(input: { status: 'published'; limit: number; cursor?: string }): Promise<Page<ProjectSummary>>;
  /** Browse or search public projects through precomputed index items; reads a bounded number per call. */
  discover(query: DiscoveryQuery): Promise<Page<DiscoveredProject>>;
  /** Running totals per oblast-level unit, as stored (units without a public project may be missing). */
  oblastStats(): Promise<OblastStats[]>;
}

/** A project as discovery reads it: its summary, and the pledge types it takes (co-financing follows them). */
export type DiscoveredProject = ProjectSummary & { pledgeTypes: PledgeType[] };

/** A validated discovery query, as the domain hands it to storage. */
export interface DiscoveryQuery {
  /** A public lifecycle status. */
  status: ProjectStatus;
  oblast?: string;
  rayon?: string;
  sector?: Sector;
  kind?: ProjectKind;
  pledgeType?: PledgeType;
  sort: ProjectSort;
  limit: number;
  cursor?: string;
  /** Search skeletons (see search-text.ts); when present the search index is read instead of the browse one. */
  words?: string[];
}

export interface HealthProbe {
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
}
