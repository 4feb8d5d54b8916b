import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ClubMember, ClubPledge } from '@mekendesh/contracts';
import type { ClubCreation, ClubMembership, ClubRecord, ClubStore } from '@mekendesh/domain/club-ports';
import type { Page } from '@mekendesh/domain/ports';
import type { RateWindow } from '@mekendesh/domain/account-ports';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
import { pagedQuery, queryOnce } from './dynamo/paged-query.js';
import {
  clubEntity,
  clubMemberEntity,
  clubMembersByJoiningPartition,
  clubNameEntity,
  clubShownMembersPartition,
  clubPledgeEntity,
  clubPledgesPartition,
  memberClubsPartition,
  oblastClubsPartition,
  projectClubsPartition,
  rayonClubsPartition,
} from './entities/clubs.js';
import { stripKeys } from './entities/define.js';
import { windowCount } from './rate-limiter.js';
import { sendTransaction } from './transact.js';

/** The membership as the store keeps it (keys stripped). */
const membershipOf = (item: Record<string, unknown>): ClubMembership => stripKeys<ClubMembership>(item);

/**
 * Hometown clubs on DynamoDB (entities/clubs.ts). Members are counted with ADD in the same transaction as their
 * membership's Put or Delete, so `members` always equals the memberships; every read is by key or one index partition.
 */
export class DynamoClubStore implements ClubStore {
  constructor(private readonly db: Db) {}

  private async get_(key: { pk: string; sk: string }) {
    return (await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: key, ConsistentRead: true }))).Item;
  }

  async create(input: { club: ClubRecord; organiser: ClubMembership; nameKey: string; window: RateWindow }): Promise<ClubCreation> {
    const t = this.db.tableName;
    const { club } = input;
    // The founder's count in their window (the limiter's own item), the name's claim, the club and its first member:
    // one transaction, so a refused club counts nothing and two founded at once cannot both take one name.
    const count = windowCount(t, input.window, Math.floor(Date.parse(club.createdAt) / 1000));
    const name = clubNameEntity.item({ homeRayon: club.homeRayon, nameKey: input.nameKey }, { clubId: club.id, at: club.createdAt });
    const out = await sendTransaction(this.db, [
      { tag: 'club', action: { Put: { TableName: t, Item: clubEntity.item(club), ConditionExpression: 'attribute_not_exists(pk)' } } },
      { tag: 'name', action: { Put: { TableName: t, Item: name, ConditionExpression: 'attribute_not_exists(pk)' } } },
      { tag: 'limit', action: { Update: count.update } },
      { tag: 'member', action: { Put: { TableName: t, Item: clubMemberEntity.item(input.organiser) } } },
    ]);
    if (out.kind === 'committed') return { kind: 'created' };
    if (out.tags.includes('name')) return { kind: 'duplicate' };
    if (out.tags.includes('limit')) return { kind: 'limited', retryAfterSeconds: count.retryAfterSeconds };
    throw new Error(`club ${club.id} exists`);
  }

  async get(id: string): Promise<ClubRecord | undefined> {
    const item = await this.get_(clubEntity.key({ id }));
    return item ? stripKeys<ClubRecord>(item) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<ClubRecord[]> {
    const items = await batchGet(
      this.db,
      ids.map((id) => clubEntity.key({ id })),
    );
    return items.map((i) => stripKeys<ClubRecord>(i));
  }

  async list(input: { rayon?: string; oblast?: string; limit: number; cursor?: string }): Promise<Page<ClubRecord>> {
    const q = input.rayon
      ? { index: 'gsi1' as const, partition: rayonClubsPartition(input.rayon), forward: true }
      : { index: 'gsi2' as const, partition: oblastClubsPartition(input.oblast!), forward: true };
    const page = await pagedQuery(this.db, q, input);
    return { items: page.items.map((i) => stripKeys<ClubRecord>(i)), nextCursor: page.nextCursor };
  }

  async membership(clubId: string, userId: string): Promise<ClubMembership | undefined> {
    const item = await this.get_(clubMemberEntity.key({ clubId, userId }));
    return item ? membershipOf(item) : undefined;
  }

  async join(m: ClubMembership): Promise<'joined' | 'changed'> {
    const t = this.db.tableName;
    const club = clubEntity.key({ id: m.clubId });
    for (;;) {
      const existing = await this.membership(m.clubId, m.userId);
      if (existing) {
        // Already a member: only the name choice changes; the joining day and the count stay.
        const item = clubMemberEntity.item({ ...m, joinedAt: existing.joinedAt });
        await this.db.doc
          .send(new PutCommand({ TableName: t, Item: item, ConditionExpression: 'attribute_exists(pk)' }))
          .catch(swallowCondition);
        return 'changed';
      }
      const out = await sendTransaction(this.db, [
        {
          tag: 'member',
          action: { Put: { TableName: t, Item: clubMemberEntity.item(m), ConditionExpression: 'attribute_not_exists(pk)' } },
        },
        {
          tag: 'club',
          action: {
            Update: {
              TableName: t,
              Key: club,
              UpdateExpression: 'ADD members :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        },
      ]);
      if (out.kind === 'committed') return 'joined';
      // Joined at the same moment by another request: read again and only rewrite the choice.
      if (!out.tags.includes('member')) throw new Error(`club ${m.clubId} is gone`);
    }
  }

  async leave(clubId: string, userId: string): Promise<boolean> {
    const t = this.db.tableName;
    const out = await sendTransaction(this.db, [
      {
        tag: 'member',
        action: { Delete: { TableName: t, Key: clubMemberEntity.key({ clubId, userId }), ConditionExpression: 'attribute_exists(pk)' } },
      },
      {
        tag: 'club',
        action: {
          Update: {
            TableName: t,
            Key: clubEntity.key({ id: clubId }),
            UpdateExpression: 'ADD members :less',
            ExpressionAttributeValues: { ':less': -1 },
          },
        },
      },
    ]);
    return out.kind === 'committed';
  }

  async shownMembers(clubId: string, page: { limit: number; cursor?: string }): Promise<Page<ClubMember>> {
    // The sparse index holds shown members only: a page is full of names however many members hide.
    const out = await pagedQuery(this.db, { index: 'gsi3', partition: clubShownMembersPartition(clubId), forward: true }, page);
    return {
      items: out.items.map((i) => ({ displayName: String(i.displayName), joinedAt: String(i.joinedAt) })),
      nextCursor: out.nextCursor,
    };
  }

  async longestStanding(clubId: string, except: string): Promise<string | null> {
    // Two suffice: `except` (the organiser) can be at most one of them.
    const out = await queryOnce(this.db, { index: 'gsi2', partition: clubMembersByJoiningPartition(clubId), forward: true }, 2);
    const next = (out.Items ?? []).find((i) => i.userId !== except);
    return next ? String(next.userId) : null;
  }

  async departOrganiser(input: { clubId: string; organiserId: string; successorId: string | null }): Promise<'done' | 'gone' | 'again'> {
    const t = this.db.tableName;
    const { clubId, organiserId, successorId } = input;
    const club = successorId
      ? {
          UpdateExpression: 'SET organiserId = :s ADD members :less',
          ConditionExpression: 'organiserId = :o',
          values: { ':s': successorId },
        }
      : // Closed only while the organiser is the one member: one who joins meanwhile makes it `again` (and the successor).
        {
          UpdateExpression: 'SET closed = :t ADD members :less',
          ConditionExpression: 'organiserId = :o AND members = :one',
          values: { ':t': true, ':one': 1 },
        };
    const out = await sendTransaction(this.db, [
      {
        tag: 'member',
        action: {
          Delete: { TableName: t, Key: clubMemberEntity.key({ clubId, userId: organiserId }), ConditionExpression: 'attribute_exists(pk)' },
        },
      },
      {
        tag: 'club',
        action: {
          Update: {
            TableName: t,
            Key: clubEntity.key({ id: clubId }),
            UpdateExpression: club.UpdateExpression,
            ConditionExpression: club.ConditionExpression,
            ExpressionAttributeValues: { ...club.values, ':o': organiserId, ':less': -1 },
          },
        },
      },
      ...(successorId
        ? [
            {
              tag: 'successor',
              action: {
                ConditionCheck: {
                  TableName: t,
                  Key: clubMemberEntity.key({ clubId, userId: successorId }),
                  ConditionExpression: 'attribute_exists(pk)',
                },
              },
            },
          ]
        : []),
    ]);
    if (out.kind === 'committed') return 'done';
    return out.tags.includes('member') ? 'gone' : 'again';
  }

  async clubsOf(userId: string, input: { limit: number; cursor?: string }): Promise<Page<string>> {
    const page = await pagedQuery(this.db, { index: 'gsi1', partition: memberClubsPartition(userId), forward: true }, input);
    return { items: page.items.map((i) => String(i.clubId)), nextCursor: page.nextCursor };
  }

  async openPledge(pledge: ClubPledge): Promise<boolean> {
    try {
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: clubPledgeEntity.item(pledge),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  }

  async getPledge(id: string): Promise<ClubPledge | undefined> {
    const item = await this.get_(clubPledgeEntity.key({ id }));
    return item ? stripKeys<ClubPledge>(item) : undefined;
  }

  async pledgesOfClub(clubId: string, limit: number): Promise<ClubPledge[]> {
    const out = await queryOnce(this.db, { index: 'gsi1', partition: clubPledgesPartition(clubId), forward: false }, limit);
    return (out.Items ?? []).map((i) => stripKeys<ClubPledge>(i));
  }

  async pledgesOnProject(projectId: string, limit: number): Promise<ClubPledge[]> {
    const out = await queryOnce(this.db, { index: 'gsi2', partition: projectClubsPartition(projectId), forward: true }, limit);
    return (out.Items ?? []).map((i) => stripKeys<ClubPledge>(i));
  }
}

function swallowCondition(e: Error): void {
  if (e.name !== 'ConditionalCheckFailedException') throw e;
}
