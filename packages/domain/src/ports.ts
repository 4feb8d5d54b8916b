import type { Project, ProjectSummary } from '@mekendesh/contracts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What the domain needs from project storage; packages/db implements it on DynamoDB. */
export interface ProjectRepository {
  get(id: string): Promise<Project | undefined>;
  /** Public projects in one status, newest first, one bounded page at a time. */
  listByStatus(input: { status: 'published'; limit: number; cursor?: string }): Promise<Page<ProjectSummary>>;
}

export interface HealthProbe {
  /** Resolves when the store answers; rejects otherwise. */
  ping(): Promise<void>;
}
