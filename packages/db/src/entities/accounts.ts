/** People and organisations: users, their sessions and pending applications, organisations, members, invitations. */
import { createHash } from 'node:crypto';
import { defineEntity } from './define.js';

/** A user's record (roles, profile, organisation); a tombstone after erasure. */
export const userEntity = defineEntity<{ id: string }>({
  name: 'User',
  table: { pk: (u) => `USER#${u.id}`, sk: () => 'USER', shape: ['USER#<id>', 'USER'] },
  example: { id: 'u-1' },
});

/** The ids of a user's pending organisation applications (a string set), beside the user item: counted by key. */
export const pendingApplicationsEntity = defineEntity<{ userId: string }>({
  name: 'PendingApplications',
  table: { pk: (u) => `USER#${u.userId}`, sk: () => 'PENDING_APPLICATIONS', shape: ['USER#<userId>', 'PENDING_APPLICATIONS'] },
  example: { userId: 'u-1' },
});

/** A refresh token's session, keyed by the token's SHA-256 only (the token itself is never stored); expires. */
export const sessionEntity = defineEntity<{ refreshToken: string }>({
  name: 'Session',
  table: {
    pk: (s) => `SESSION#${createHash('sha256').update(s.refreshToken).digest('base64url')}`,
    sk: () => 'SESSION',
    shape: ['SESSION#<sha256>', 'SESSION'],
  },
  example: { refreshToken: 'token' },
});

const byReviewStatus = (o: { status: string }) => `ORGSTATUS#${o.status}`;
/** The gsi1 partition of organisations in one review status. */
export const organisationsByStatus = (status: string) => byReviewStatus({ status });

/** An organisation; gsi1 is the review queue per status, oldest first. Its members share its partition. */
export const organisationEntity = defineEntity<{ id: string }, { id: string; status: string; createdAt: string }>({
  name: 'Organisation',
  table: { pk: (o) => `ORG#${o.id}`, sk: () => 'ORG', shape: ['ORG#<id>', 'ORG'] },
  indexes: {
    gsi1: {
      pk: byReviewStatus,
      sk: (o) => `${o.createdAt}#${o.id}`,
      shape: ['ORGSTATUS#<status>', '<createdAt>#<id>'],
      purpose: 'organisations by review status',
    },
  },
  example: { id: 'org-1', status: 'pending', createdAt: '2026-01-01T00:00:00.000Z' },
});

/** A member of an organisation, in the organisation's partition (read with it in one Query). */
export const memberEntity = defineEntity<{ organisationId: string; userId: string }>({
  name: 'Member',
  table: { pk: (m) => `ORG#${m.organisationId}`, sk: (m) => `MEMBER#${m.userId}`, shape: ['ORG#<organisationId>', 'MEMBER#<userId>'] },
  example: { organisationId: 'org-1', userId: 'u-1' },
});
/** Sort-key prefix of the members in an organisation's partition. */
export const MEMBERS_PREFIX = 'MEMBER#';

/** An invitation to join an organisation, keyed by its secret token. */
export const invitationEntity = defineEntity<{ token: string }>({
  name: 'Invitation',
  table: { pk: (i) => `INVITE#${i.token}`, sk: () => 'INVITE', shape: ['INVITE#<token>', 'INVITE'] },
  example: { token: 'tok-1' },
});

/**
 * One cell of a territory's demand signals (issue 11): how many consenting investors from the rayon or oblast
 * `soate` are counted in `<dimension>#<value>` (total#all, sector#water, amount#10k_50k, country#RU,
 * country#none), in attribute `n`. Kept with ADD in the profile's own write; a territory reads its partition
 * with one Query (at most 1 + 11 sectors + 6 ranges + the countries).
 */
export const demandCellEntity = defineEntity<{ soate: string; dimension: string; value: string }>({
  name: 'DemandCell',
  table: { pk: (d) => `DEMAND#${d.soate}`, sk: (d) => `${d.dimension}#${d.value}`, shape: ['DEMAND#<soate:n>', '<dimension>#<value>'] },
  example: { soate: '41704220000000', dimension: 'sector', value: 'water' },
});
