/** The table the money commands work on: TABLE_NAME and DYNAMODB_ENDPOINT, the local stack's by default. */
import { createDb, DEFAULT_TABLE_NAME, OFFLINE_TIMEOUTS, type Db } from '@mekendesh/db';

export function moneyDb(env: NodeJS.ProcessEnv = process.env): Db {
  const cloud = env.DYNAMODB_ENDPOINT === 'aws';
  return createDb({
    tableName: env.TABLE_NAME ?? DEFAULT_TABLE_NAME,
    timeouts: OFFLINE_TIMEOUTS,
    ...(cloud ? {} : { endpoint: env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000', region: env.AWS_REGION ?? 'local' }),
  });
}
