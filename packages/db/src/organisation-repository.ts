import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type {
  AuditEntry,
  Invitation,
  Member,
  Organisation,
  OrganisationApplication,
  OrganisationDetail,
  OrganisationStatus,
} from '@mekendesh/contracts';
import type { OrganisationStore } from '@mekendesh/domain/account-ports';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { pagedQuery, queryOnce } from './dynamo/paged-query.js';
import {
  invitationEntity,
  memberEntity,
  MEMBERS_PREFIX,
  organisationEntity,
  organisationsByStatus,
  pendingApplicationsEntity,
  userEntity,
} from './entities/accounts.js';
import { stripKeys as strip } from './entities/define.js';
import { auditPut, transact } from './transact.js';

const DETAIL_DEFAULTS = {
  applicantId: null,
  applicantPosition: null,
  contactPhone: null,
  contactEmail: null,
  reviewReason: null,
  reviewedAt: null,
};

/** An organisation item: the public fields, the application's contacts, the review outcome. */
export function organisationItem(org: Organisation, detail: Partial<Omit<OrganisationDetail, keyof Organisation | 'members'>> = {}) {
  return organisationEntity.item(org, { ...DETAIL_DEFAULTS, ...detail, ...org });
}

export function memberItem(organisationId: string, member: Member) {
  return memberEntity.item({ organisationId, userId: member.userId }, member);
}

export class DynamoOrganisationStore implements OrganisationStore {
  constructor(private readonly db: Db) {}

  /** The organisation and its members: one query on its partition. */
  async get(id: string): Promise<OrganisationDetail | undefined> {
    const key = organisationEntity.key({ id });
    const out = await queryOnce(this.db, { partition: key.pk, forward: true }, 200);
    const items = out.Items ?? [];
    const org = items.find((i) => i.sk === key.sk);
    if (!org) return undefined;
    const members = items.filter((i) => String(i.sk).startsWith(MEMBERS_PREFIX)).map((m) => strip<Member>(m));
    return { ...strip<Omit<OrganisationDetail, 'members'>>(org), members };
  }

  async listByStatus(input: { status: OrganisationStatus; limit: number; cursor?: string }): Promise<Page<OrganisationDetail>> {
    // The review queue is oldest first: whoever waited longest is served first.
    const page = await pagedQuery(this.db, { index: 'gsi1', partition: organisationsByStatus(input.status), forward: true }, input);
    const items = page.items.map((i) => ({ ...strip<Omit<OrganisationDetail, 'members'>>(i), members: [] }));
    return { items, nextCursor: page.nextCursor };
  }

  /** The applicant's pending applications: one GetItem of their PENDING_APPLICATIONS item. */
  async pendingApplications(applicantId: string): Promise<number> {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: pendingApplicationsEntity.key({ userId: applicantId }), ConsistentRead: true }),
    );
    return (out.Item?.ids as Set<string> | undefined)?.size ?? 0;
  }

  async apply(input: {
    organisation: Organisation;
    application: OrganisationApplication;
    applicantId: string;
    maxPending: number;
    audit: AuditEntry;
  }) {
    const { applicantPosition, contactPhone, contactEmail } = input.application;
    await transact(this.db, [
      {
        // The pending count and the application in one write: a second concurrent application past the limit fails here.
        Update: {
          TableName: this.db.tableName,
          Key: pendingApplicationsEntity.key({ userId: input.applicantId }),
          UpdateExpression: 'SET entity = :e ADD ids :id',
          ConditionExpression: 'attribute_not_exists(ids) OR size(ids) < :max',
          ExpressionAttributeValues: {
            ':e': pendingApplicationsEntity.name,
            ':id': new Set([input.organisation.id]),
            ':max': input.maxPending,
          },
        },
      },
      {
        Put: {
          TableName: this.db.tableName,
          Item: organisationItem(input.organisation, { applicantId: input.applicantId, applicantPosition, contactPhone, contactEmail }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(this.db, input.audit),
    ]);
  }

  async review(input: {
    id: string;
    applicantId: string | null;
    status: 'approved' | 'rejected';
    reason: string | null;
    at: string;
    admin: Member | null;
    audit: AuditEntry;
  }) {
    const t = this.db.tableName;
    const admin = input.admin;
    await transact(
      this.db,
      [
        {
          Update: {
            TableName: t,
            Key: organisationEntity.key({ id: input.id }),
            UpdateExpression: 'SET #s = :s, verified = :v, reviewReason = :r, reviewedAt = :at, gsi1pk = :g',
            ConditionExpression: '#s = :pending',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: {
              ':s': input.status,
              ':v': input.status === 'approved',
              ':r': input.reason,
              ':at': input.at,
              ':g': organisationsByStatus(input.status),
              ':pending': 'pending',
            },
          },
        },
        // Reviewed, it no longer counts against its applicant (deleting an id the set lacks changes nothing).
        ...(input.applicantId
          ? [
              {
                Update: {
                  TableName: t,
                  Key: pendingApplicationsEntity.key({ userId: input.applicantId }),
                  UpdateExpression: 'SET entity = :e DELETE ids :id',
                  ExpressionAttributeValues: { ':e': pendingApplicationsEntity.name, ':id': new Set([input.id]) },
                },
              },
            ]
          : []),
        ...(admin
          ? [
              { Put: { TableName: t, Item: memberItem(input.id, admin) } },
              {
                Update: {
                  TableName: t,
                  Key: userEntity.key({ id: admin.userId }),
                  UpdateExpression: 'SET organisationId = :o, organisationRole = :r',
                  ConditionExpression:
                    'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND (attribute_not_exists(organisationId) OR organisationId = :null)',
                  ExpressionAttributeValues: { ':o': input.id, ':r': 'admin', ':null': null },
                },
              },
            ]
          : []),
        auditPut(this.db, input.audit),
      ],
      'the organisation was reviewed meanwhile, or the applicant already belongs to another one',
    );
  }

  async createInvitation(input: { invitation: Invitation; audit: AuditEntry }) {
    await transact(this.db, [
      {
        Put: {
          TableName: this.db.tableName,
          Item: invitationEntity.item(input.invitation, {
            ...input.invitation,
            expiresAtEpoch: Math.floor(Date.parse(input.invitation.expiresAt) / 1000),
          }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(this.db, input.audit),
    ]);
  }

  async getInvitation(token: string): Promise<Invitation | undefined> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: invitationEntity.key({ token }) }));
    if (!out.Item) return undefined;
    const { expiresAtEpoch: _x, ...rest } = strip<Record<string, unknown>>(out.Item);
    return rest as Invitation;
  }

  async acceptInvitation(input: { token: string; member: Member; at: string; audit: AuditEntry }) {
    const invitation = await this.getInvitation(input.token);
    if (!invitation) return;
    const t = this.db.tableName;
    await transact(
      this.db,
      [
        {
          Update: {
            TableName: t,
            Key: invitationEntity.key({ token: input.token }),
            UpdateExpression: 'SET acceptedAt = :at',
            ConditionExpression: 'acceptedAt = :null',
            ExpressionAttributeValues: { ':at': input.at, ':null': null },
          },
        },
        {
          Put: { TableName: t, Item: memberItem(invitation.organisationId, input.member), ConditionExpression: 'attribute_not_exists(pk)' },
        },
        {
          Update: {
            TableName: t,
            Key: userEntity.key({ id: input.member.userId }),
            UpdateExpression: 'SET organisationId = :o, organisationRole = :r',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(organisationId) OR organisationId = :null)',
            ExpressionAttributeValues: { ':o': invitation.organisationId, ':r': 'officer', ':null': null },
          },
        },
        auditPut(this.db, input.audit),
      ],
      'the invitation was used meanwhile',
    );
  }
}
