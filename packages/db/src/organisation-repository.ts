import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, Invitation, Member, Organisation, OrganisationApplication, OrganisationDetail, OrganisationStatus } from '@mekendesh/contracts';
import type { OrganisationStore, Page } from '@mekendesh/domain';
import type { Db } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ENTITY, keys } from './keys.js';
import { auditPut, transact } from './transact.js';

const DETAIL_DEFAULTS = { applicantId: null, applicantPosition: null, contactPhone: null, contactEmail: null, reviewReason: null, reviewedAt: null };
const STORAGE = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'entity']);

/** An organisation item: the public fields, the application's contacts, the review outcome. */
export function organisationItem(org: Organisation, detail: Partial<Omit<OrganisationDetail, keyof Organisation | 'members'>> = {}) {
  return {
    ...keys.organisation(org.id),
    entity: ENTITY.organisation,
    gsi1pk: keys.organisationByStatus(org.status),
    gsi1sk: `${org.createdAt}#${org.id}`,
    ...DETAIL_DEFAULTS,
    ...detail,
    ...org,
  };
}

export function memberItem(organisationId: string, member: Member) {
  return { ...keys.member(organisationId, member.userId), entity: ENTITY.member, ...member };
}

function strip(item: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.has(k)));
}

export class DynamoOrganisationStore implements OrganisationStore {
  constructor(private readonly db: Db) {}

  /** The organisation and its members: one query on its partition. */
  async get(id: string): Promise<OrganisationDetail | undefined> {
    const out = await this.db.doc.send(
      new QueryCommand({ TableName: this.db.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `ORG#${id}` }, Limit: 200 }),
    );
    const items = out.Items ?? [];
    const org = items.find((i) => i.sk === 'ORG');
    if (!org) return undefined;
    const members = items.filter((i) => String(i.sk).startsWith('MEMBER#')).map((m) => strip(m) as Member);
    return { ...(strip(org) as Omit<OrganisationDetail, 'members'>), members };
  }

  async listByStatus(input: { status: OrganisationStatus; limit: number; cursor?: string }): Promise<Page<OrganisationDetail>> {
    const partition = keys.organisationByStatus(input.status);
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        // The review queue is oldest first: whoever waited longest is served first.
        ScanIndexForward: true,
        Limit: input.limit,
        ExclusiveStartKey: decodeCursor(input.cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk'], { gsi1pk: partition }),
      }),
    );
    const items = (out.Items ?? []).map((i) => ({ ...(strip(i) as Omit<OrganisationDetail, 'members'>), members: [] }));
    return { items, nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /** The applicant's pending applications: one GetItem of their PENDING_APPLICATIONS item. */
  async pendingApplications(applicantId: string): Promise<number> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: keys.pendingApplications(applicantId), ConsistentRead: true }));
    return (out.Item?.ids as Set<string> | undefined)?.size ?? 0;
  }

  async apply(input: { organisation: Organisation; application: OrganisationApplication; applicantId: string; maxPending: number; audit: AuditEntry }) {
    const { applicantPosition, contactPhone, contactEmail } = input.application;
    await transact(this.db, [
      {
        // The pending count and the application in one write: a second concurrent application past the limit fails here.
        Update: {
          TableName: this.db.tableName,
          Key: keys.pendingApplications(input.applicantId),
          UpdateExpression: 'SET entity = :e ADD ids :id',
          ConditionExpression: 'attribute_not_exists(ids) OR size(ids) < :max',
          ExpressionAttributeValues: { ':e': ENTITY.pendingApplications, ':id': new Set([input.organisation.id]), ':max': input.maxPending },
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

  async review(input: { id: string; applicantId: string | null; status: 'approved' | 'rejected'; reason: string | null; at: string; admin: Member | null; audit: AuditEntry }) {
    const t = this.db.tableName;
    const admin = input.admin;
    await transact(
      this.db,
      [
        {
          Update: {
            TableName: t,
            Key: keys.organisation(input.id),
            UpdateExpression: 'SET #s = :s, verified = :v, reviewReason = :r, reviewedAt = :at, gsi1pk = :g',
            ConditionExpression: '#s = :pending',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: {
              ':s': input.status, ':v': input.status === 'approved', ':r': input.reason, ':at': input.at,
              ':g': keys.organisationByStatus(input.status), ':pending': 'pending',
            },
          },
        },
        // Reviewed, it no longer counts against its applicant (deleting an id the set lacks changes nothing).
        ...(input.applicantId
          ? [{
              Update: {
                TableName: t, Key: keys.pendingApplications(input.applicantId), UpdateExpression: 'SET entity = :e DELETE ids :id',
                ExpressionAttributeValues: { ':e': ENTITY.pendingApplications, ':id': new Set([input.id]) },
              },
            }]
          : []),
        ...(admin
          ? [
              { Put: { TableName: t, Item: memberItem(input.id, admin) } },
              {
                Update: {
                  TableName: t,
                  Key: keys.user(admin.userId),
                  UpdateExpression: 'SET organisationId = :o, organisationRole = :r',
                  ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND (attribute_not_exists(organisationId) OR organisationId = :null)',
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
          Item: { ...keys.invitation(input.invitation.token), entity: ENTITY.invitation, ...input.invitation, expiresAtEpoch: Math.floor(Date.parse(input.invitation.expiresAt) / 1000) },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(this.db, input.audit),
    ]);
  }

  async getInvitation(token: string): Promise<Invitation | undefined> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: keys.invitation(token) }));
    if (!out.Item) return undefined;
    const { expiresAtEpoch: _x, ...rest } = strip(out.Item);
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
            Key: keys.invitation(input.token),
            UpdateExpression: 'SET acceptedAt = :at',
            ConditionExpression: 'acceptedAt = :null',
            ExpressionAttributeValues: { ':at': input.at, ':null': null },
          },
        },
        { Put: { TableName: t, Item: memberItem(invitation.organisationId, input.member), ConditionExpression: 'attribute_not_exists(pk)' } },
        {
          Update: {
            TableName: t,
            Key: keys.user(input.member.userId),
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
