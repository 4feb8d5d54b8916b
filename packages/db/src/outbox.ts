import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '@mekendesh/contracts';
import type { Mailer } from '@mekendesh/domain/account-ports';
import type { Db } from './client.js';
import { queryOnce } from './dynamo/paged-query.js';
import { outboxEntity } from './entities/ops.js';

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

  async send(
    message: { to: string; subject: string; text: string; headers?: Readonly<Record<string, string>> },
    source: OutboxMessage['source'] = 'platform',
  ): Promise<void> {
    const at = new Date().toISOString();
    const id = this.newId();
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: { ...outboxEntity.item({ at, id }, { id, at, source, ...message }), expiresAt: Math.floor(Date.now() / 1000) + WEEK },
      }),
    );
  }

  async latest(limit = 50): Promise<OutboxMessage[]> {
    const out = await queryOnce(this.db, { partition: outboxEntity.pk({ at: '', id: '' }), forward: false }, limit);
    return (out.Items ?? []).map(
      ({ id, at, to, subject, text, source, headers }) =>
        ({ id, at, to, subject, text, source, ...(headers ? { headers } : {}) }) as OutboxMessage,
    );
  }
}
