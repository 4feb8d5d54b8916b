import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ProcessedEvents } from '@mekendesh/domain/card-checkout';
import type { Db } from './client.js';
import { processedEventEntity } from './entities/money.js';
import { TABLE } from './table.js';

const KEEP_SECONDS = 30 * 24 * 3600;

/** Webhook events handled already, one item each (entities/money.ts, processedEventEntity), removed by TTL after 30 days. */
export class DynamoProcessedEvents implements ProcessedEvents {
  constructor(
    private readonly db: Db,
    private readonly provider = 'stripe',
    private readonly now: () => Date = () => new Date(),
  ) {}

  async has(eventId: string): Promise<boolean> {
    const out = await this.db.doc.send(
      new GetCommand({
        TableName: this.db.tableName,
        Key: processedEventEntity.key({ provider: this.provider, id: eventId }),
        ConsistentRead: true,
      }),
    );
    return out.Item !== undefined;
  }

  async mark(eventId: string): Promise<void> {
    const at = this.now();
    await this.db.doc
      .send(
        new PutCommand({
          TableName: this.db.tableName,
          Item: {
            ...processedEventEntity.item({ provider: this.provider, id: eventId }, { at: at.toISOString() }),
            [TABLE.timeToLiveAttribute]: Math.floor(at.getTime() / 1000) + KEEP_SECONDS,
          },
          // The first mark stays: parallel deliveries that all got through write once.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((e: Error) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
      });
  }
}
