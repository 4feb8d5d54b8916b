import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '@mekendesh/contracts';
import type { Mailer } from '@mekendesh/domain';
import type { Db } from './client.js';
import { ENTITY, keys } from './keys.js';

const WEEK = 7 * 86_400;

/**
 * The local stand-in for email: messages the platform (and cognito-local) would send, kept for a week
 * and shown on the web app's outbox page. The cloud sends through SES/Cognito instead.
 */
export class DynamoOutbox implements Mailer {
  constructor(
    private readonly db: Db,
    private readonly newId: () => string,
  ) {}

  async send(message: { to: string; subject: string; text: string }, source: OutboxMessage['source'] = 'platform'): Promise<void> {
    const at = new Date().toISOString();
    const id = this.newId();
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: { ...keys.outbox(at, id), entity: ENTITY.outbox, id, at, source, ...message, expiresAt: Math.floor(Date.now() / 1000) + WEEK },
      }),
    );
  }

  async latest(limit = 50): Promise<OutboxMessage[]> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'OUTBOX' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map(({ id, at, to, subject, text, source }) => ({ id, at, to, subject, text, source }) as OutboxMessage);
  }
}
