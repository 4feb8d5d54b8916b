import type { Project, ProjectStatus } from '@mekendesh/contracts';

/** Key builders: the only place that knows how entities map onto the table's keys and indexes. */
export const keys = {
  project: (id: string) => ({ pk: `PROJECT#${id}`, sk: 'PROJECT' }),
  organisation: (id: string) => ({ pk: `ORG#${id}`, sk: 'ORG' }),
  member: (organisationId: string, userId: string) => ({ pk: `ORG#${organisationId}`, sk: `MEMBER#${userId}` }),
  user: (id: string) => ({ pk: `USER#${id}`, sk: 'USER' }),
  /** The ids of a user's pending organisation applications (a string set), beside the user item: counted by key. */
  pendingApplications: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PENDING_APPLICATIONS' }),
  invitation: (token: string) => ({ pk: `INVITE#${token}`, sk: 'INVITE' }),
  audit: (at: string, id: string) => ({ pk: 'AUDIT', sk: `${at}#${id}` }),
  rate: (key: string, windowStart: number) => ({ pk: `RATE#${key}`, sk: String(windowStart) }),
  /** A key's growing-delay counter, beside its fixed windows. */
  rateBackoff: (key: string) => ({ pk: `RATE#${key}`, sk: 'BACKOFF' }),
  outbox: (at: string, id: string) => ({ pk: 'OUTBOX', sk: `${at}#${id}` }),
  /** gsi1: organisations by review status, oldest first. */
  organisationByStatus: (status: string) => `ORGSTATUS#${status}`,
  /** gsi1: projects by status; published ones sort by publication time, others by when they entered it. */
  projectByStatus: (status: ProjectStatus) => `STATUS#${status}`,
};

export function projectIndexKeys(p: Pick<Project, 'id' | 'status' | 'organisationId' | 'publishedAt' | 'createdAt' | 'statusChangedAt'>) {
  return {
    gsi1pk: keys.projectByStatus(p.status),
    // Before publication, the time the project entered its status: review queues read it oldest first.
    gsi1sk: `${p.publishedAt ?? p.statusChangedAt ?? p.createdAt}#${p.id}`,
    gsi2pk: `ORG#${p.organisationId}`,
    gsi2sk: `PROJECT#${p.createdAt}#${p.id}`,
  };
}

export const ENTITY = {
  project: 'Project', organisation: 'Organisation', member: 'Member', user: 'User', invitation: 'Invitation', pendingApplications: 'PendingApplications',
  audit: 'Audit', rate: 'RateWindow', rateBackoff: 'RateBackoff', outbox: 'Outbox',
} as const;
