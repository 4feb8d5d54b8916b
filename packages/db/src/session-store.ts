import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SessionStore } from '@mekendesh/domain/account-ports';
import type { Db } from './client.js';
import { sessionEntity } from './entities/accounts.js';

const THIRTY_DAYS = 30 * 86_400;

/** Refresh tokens are stored as SHA-256 hashes only; DynamoDB's TTL drops them when they expire. */
export class DynamoSessionStore implements SessionStore {
  constructor(private readonly db: Db) {}

  async remember(refreshToken: string, session: { userId: string; issuedAt: number }) {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: { ...sessionEntity.item({ refreshToken }, session), expiresAt: Math.floor(session.issuedAt / 1000) + THIRTY_DAYS },
      }),
    );
  }

  async find(refreshToken: string) {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: sessionEntity.key({ refreshToken }) }));
    return out.Item ? { userId: String(out.Item.userId), issuedAt: Number(out.Item.issuedAt) } : undefined;
  }

  async forget(refreshToken: string) {
    await this.db.doc.send(new DeleteCommand({ TableName: this.db.tableName, Key: sessionEntity.key({ refreshToken }) }));
  }
}
