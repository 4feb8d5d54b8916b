import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, NotificationKind, Profile } from '@mekendesh/contracts';
import type { DemandChange } from '@mekendesh/domain/demand';
import type { UserRecord, UserRepository } from '@mekendesh/domain/account-ports';
import { DomainError } from '@mekendesh/domain/errors';
import type { Db } from './client.js';
import { memberEntity, userEntity } from './entities/accounts.js';
import { demandUpdate } from './demand-store.js';
import { auditPut, sendTransaction } from './transact.js';

/** A user item as the platform's record; a deleted account's item is none. */
export function userFromItem(item: Record<string, unknown>): UserRecord | undefined {
  if (item.deletedAt) return undefined;
  const { pk: _p, sk: _s, entity: _e, notificationsOff, ...rest } = item;
  // Kept as a string set (an unsubscribe ADDs one kind atomically); the record carries a plain array.
  const off = notificationsOff instanceof Set ? { notificationsOff: [...(notificationsOff as Set<string>)].sort() } : {};
  return { ...rest, ...off } as unknown as UserRecord;
}

export class DynamoUserRepository implements UserRepository {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<UserRecord | undefined> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: userEntity.key({ id }) }));
    return out.Item ? userFromItem(out.Item) : undefined;
  }

  async ensure(record: UserRecord): Promise<UserRecord> {
    try {
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: userEntity.item(record),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return record;
    } catch (e) {
      if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
      const existing = await this.get(record.id);
      if (!existing) throw new DomainError('not_found', 'account was deleted');
      return existing;
    }
  }

  /** The profile and its demand changes in one transaction, conditioned on the version read (see UserRepository). */
  async saveProfile(input: {
    id: string;
    profile: Profile;
    expectedVersion: number;
    demand: readonly DemandChange[];
  }): Promise<'saved' | 'changed'> {
    const version = versionCondition(input.expectedVersion);
    const out = await sendTransaction(this.db, [
      {
        tag: 'user',
        action: {
          Update: {
            TableName: this.db.tableName,
            Key: userEntity.key({ id: input.id }),
            UpdateExpression: 'SET profile = :p, profileVersion = :next',
            ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(deletedAt) AND ${version.expression}`,
            ExpressionAttributeValues: { ':p': input.profile, ':next': input.expectedVersion + 1, ...version.values },
          },
        },
      },
      ...input.demand.map((change) => ({ tag: 'demand', action: demandUpdate(this.db, change) })),
    ]);
    if (out.kind === 'committed') return 'saved';
    // A deleted or missing account fails the same condition: tell it apart by reading again.
    if (!(await this.get(input.id))) throw new DomainError('not_found', 'account was not found');
    return 'changed';
  }

  async revokeTokens(id: string, before: number): Promise<void> {
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: userEntity.key({ id }),
        UpdateExpression: 'SET revokedBefore = :t',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':t': before },
      }),
    );
  }

  /** Two-step sign-in's time on the live user item, or its removal (see UserRecord.twoStepAt); a missing account: nothing. */
  async setTwoStep(input: { id: string; at: number | null }): Promise<void> {
    await this.updateLive(input.id, {
      UpdateExpression: input.at === null ? 'REMOVE twoStepAt' : 'SET twoStepAt = :t',
      ...(input.at === null ? {} : { ExpressionAttributeValues: { ':t': input.at } }),
    });
  }

  /** The sealed secret of a started enrolment on the live user item (see UserRecord.totpPendingSealed). */
  async keepPendingTotp(input: { id: string; sealed: string }): Promise<void> {
    await this.updateLive(input.id, { UpdateExpression: 'SET totpPendingSealed = :s', ExpressionAttributeValues: { ':s': input.sealed } });
  }

  /** The pending sealed secret becomes the account's (UserRecord.totpSealed); none pending, or no live account: nothing. */
  async promotePendingTotp(id: string): Promise<void> {
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: userEntity.key({ id }),
          UpdateExpression: 'SET totpSealed = totpPendingSealed REMOVE totpPendingSealed',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND attribute_exists(totpPendingSealed)',
        }),
      );
    } catch (e) {
      if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
    }
  }

  /** The kinds turned off, as their own attribute (a string set; none: removed), never inside the versioned profile. */
  async setNotificationsOff(input: { id: string; off: readonly NotificationKind[] }): Promise<'saved' | 'not_found'> {
    const set = input.off.length > 0;
    return this.updateLive(input.id, {
      UpdateExpression: set ? 'SET notificationsOff = :off' : 'REMOVE notificationsOff',
      ...(set ? { ExpressionAttributeValues: { ':off': new Set(input.off) } } : {}),
    });
  }

  /** Adds one kind to the set turned off (ADD: atomic, and a second time changes nothing). */
  async turnNotificationOff(input: { id: string; kind: NotificationKind }): Promise<'saved' | 'not_found'> {
    return this.updateLive(input.id, {
      UpdateExpression: 'ADD notificationsOff :k',
      ExpressionAttributeValues: { ':k': new Set([input.kind]) },
    });
  }

  /** One update of a live (existing, not deleted) user item; 'not_found' when the condition fails. */
  private async updateLive(
    id: string,
    update: { UpdateExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
  ): Promise<'saved' | 'not_found'> {
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tableName,
          Key: userEntity.key({ id }),
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt)',
          ...update,
        }),
      );
      return 'saved';
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return 'not_found';
      throw e;
    }
  }

  /**
   * Replaces the record by a tombstone, removes the membership and the profile's demand contribution, in one
   * transaction with the audit entry; 'changed' (nothing written) when the profile was saved since `expectedVersion`.
   */
  async erase(input: {
    id: string;
    audit: AuditEntry;
    expectedVersion: number;
    demand: readonly DemandChange[];
  }): Promise<'erased' | 'changed'> {
    const user = await this.get(input.id);
    const membership = user?.organisationId
      ? [{ Delete: { TableName: this.db.tableName, Key: memberEntity.key({ organisationId: user.organisationId, userId: input.id }) } }]
      : [];
    const version = versionCondition(input.expectedVersion);
    const out = await sendTransaction(this.db, [
      {
        tag: 'user',
        action: {
          Put: {
            TableName: this.db.tableName,
            Item: userEntity.item(
              { id: input.id },
              { id: input.id, deletedAt: input.audit.at, revokedBefore: Date.parse(input.audit.at) + 1000 },
            ),
            ConditionExpression: version.expression,
            ...(version.values[':v'] === undefined ? {} : { ExpressionAttributeValues: version.values }),
          },
        },
      },
      ...membership.map((action) => ({ tag: 'membership', action })),
      ...input.demand.map((change) => ({ tag: 'demand', action: demandUpdate(this.db, change) })),
      { tag: 'audit', action: auditPut(this.db, input.audit) },
    ]);
    if (out.kind === 'committed') return 'erased';
    if (out.tags.includes('user')) return 'changed';
    throw new DomainError('conflict', 'the account changed meanwhile');
  }
}

/** The record is still at the profile version read: never saved (0) has no version attribute yet. */
function versionCondition(expected: number): { expression: string; values: Record<string, number> } {
  return expected === 0
    ? { expression: 'attribute_not_exists(profileVersion)', values: {} }
    : { expression: 'profileVersion = :v', values: { ':v': expected } };
}
