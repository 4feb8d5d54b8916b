/**
 * Compatibility names for callers not yet moved to the entity modules (entities/*.ts), which alone build keys.
 * Prefer importing the entity (e.g. projectEntity.key({ id })).
 */
import type { Project, ProjectStatus } from '@mekendesh/contracts';
import { invitationEntity, memberEntity, organisationEntity, organisationsByStatus, pendingApplicationsEntity, userEntity } from './entities/accounts.js';
import { projectEntity, projectPartitions } from './entities/catalogue.js';
import { auditEntity, outboxEntity, rateBackoffEntity, rateWindowEntity } from './entities/ops.js';

export const keys = {
  project: (id: string) => projectEntity.key({ id }),
  organisation: (id: string) => organisationEntity.key({ id }),
  member: (organisationId: string, userId: string) => memberEntity.key({ organisationId, userId }),
  user: (id: string) => userEntity.key({ id }),
  pendingApplications: (userId: string) => pendingApplicationsEntity.key({ userId }),
  invitation: (token: string) => invitationEntity.key({ token }),
  audit: (at: string, id: string) => auditEntity.key({ at, id }),
  rate: (key: string, windowStart: number) => rateWindowEntity.key({ key, windowStart }),
  rateBackoff: (key: string) => rateBackoffEntity.key({ key }),
  outbox: (at: string, id: string) => outboxEntity.key({ at, id }),
  organisationByStatus: organisationsByStatus,
  projectByStatus: (status: ProjectStatus) => projectPartitions.byStatus(status),
};

export function projectIndexKeys(p: Pick<Project, 'id' | 'status' | 'organisationId' | 'publishedAt' | 'createdAt' | 'statusChangedAt'>) {
  return projectEntity.indexKeys(p);
}

export const ENTITY = {
  project: projectEntity.name, organisation: organisationEntity.name, member: memberEntity.name, user: userEntity.name,
  invitation: invitationEntity.name, pendingApplications: pendingApplicationsEntity.name, audit: auditEntity.name,
  rate: rateWindowEntity.name, rateBackoff: rateBackoffEntity.name, outbox: outboxEntity.name,
} as const;
