import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { HealthProbe } from '@mekendesh/domain/ports';
import type { Db } from './client.js';

export function dynamoHealthProbe(db: Db): HealthProbe {
  return {
    async ping() {
      await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    },
  };
}
