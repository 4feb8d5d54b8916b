import type { Project, ProjectStatus } from '@mekendesh/contracts';

/** Key builders: the only place that knows how entities map onto the table's keys and indexes. */
export const keys = {
  project: (id: string) => ({ pk: `PROJECT#${id}`, sk: 'PROJECT' }),
  organisation: (id: string) => ({ pk: `ORG#${id}`, sk: 'ORG' }),
  /** gsi1: projects by status; published ones sort by publication time, others by creation. */
  projectByStatus: (status: ProjectStatus) => `STATUS#${status}`,
};

export function projectIndexKeys(p: Pick<Project, 'id' | 'status' | 'organisationId' | 'publishedAt' | 'createdAt'>) {
  return {
    gsi1pk: keys.projectByStatus(p.status),
    gsi1sk: `${p.publishedAt ?? p.createdAt}#${p.id}`,
    gsi2pk: `ORG#${p.organisationId}`,
    gsi2sk: `PROJECT#${p.createdAt}#${p.id}`,
  };
}

export const ENTITY = { project: 'Project', organisation: 'Organisation' } as const;
