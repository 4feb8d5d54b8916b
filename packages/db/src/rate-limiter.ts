import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '@mekendesh/domain';
import type { Db } from './client.js';
import { ENTITY, keys } from './keys.js';

/** Fixed windows counted with one atomic ADD each; DynamoDB's TTL removes old windows. */
export class DynamoRateLimiter implements RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(input: { key: string; limit: number; windowSeconds: number }) {
    const nowSeconds = Math.floor(this.now() / 1000);
    const windowStart = nowSeconds - (nowSeconds % input.windowSeconds);
    const out = await this.db.doc.send(
      new UpdateCommand({
        TableName: this.db.tableName,
        Key: keys.rate(input.key, windowStart),
        UpdateExpression: 'ADD hits :one SET entity = :e, expiresAt = :exp',
        ExpressionAttributeValues: { ':one': 1, ':e': ENTITY.rate, ':exp': windowStart + input.windowSeconds * 2 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const hits = Number(out.Attributes?.hits ?? 1);
    return { allowed: hits <= input.limit, retryAfterSeconds: windowStart + input.windowSeconds - nowSeconds };
  }
}
