import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, Profile } from '@mekendesh/contracts';
import type { UserRecord, UserRepository } from '@mekendesh/domain';
import { DomainError } from '@mekendesh/domain';
import type { Db } from './client.js';
import { memberEntity, userEntity } from './entities/accounts.js';
import { auditPut, transact } from './transact.js';

/** A user item as the platform's record; a deleted account's item is none. */
export function userFromItem(item: Record<string, unknown>): UserRecord | undefined {
  if (item.deletedAt) return undefined;
  const { pk: _p, sk: _s, entity: _e, ...rest } = item;
  return rest as unknown as UserRecord;
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

  async updateProfile(id: string, profile: Profile): Promise<void> {
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: userEntity.key({ id }),
        UpdateExpression: 'SET profile = :p',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: { ':p': profile },
      }),
    );
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

  /** Replaces the record by a tombstone and removes the membership, in one transaction with the audit entry. */
  async erase(input: { id: string; audit: AuditEntry }): Promise<void> {
    const user = await this.get(input.id);
    const membership = user?.organisationId
      ? [{ Delete: { TableName: this.db.tableName, Key: memberEntity.key({ organisationId: user.organisationId, userId: input.id }) } }]
      : [];
    await transact(this.db, [
      {
        Put: {
          TableName: this.db.tableName,
          Item: userEntity.item(
            { id: input.id },
            { id: input.id, deletedAt: input.audit.at, revokedBefore: Date.parse(input.audit.at) + 1000 },
          ),
        },
      },
      ...membership,
      auditPut(this.db, input.audit),
    ]);
  }
}
