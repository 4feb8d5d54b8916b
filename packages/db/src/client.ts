import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DbConfig {
  tableName: string;
  /** Set locally (DynamoDB Local); unset in the cloud. */
  endpoint?: string;
  region?: string;
}

export interface Db {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  tableName: string;
}

/** One client per process: the SDK keeps connections alive across Lambda invocations. */
export function createDb(config: DbConfig): Db {
  const raw = new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? 'eu-central-1',
    ...(config.endpoint
      ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 4,
  });
  const doc = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return { doc, raw, tableName: config.tableName };
}
