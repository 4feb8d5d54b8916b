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
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
    unmarshallOptions: { wrapNumbers: readNumber },
  });
  return { doc, raw, tableName: config.tableName };
}

/**
 * How every number read from the table becomes a JavaScript number. The SDK's default turns an integer past
 * 2^53 into a BigInt (which no JSON response can carry: a 500 on every page showing it) and throws on a
 * huge decimal. Writes keep totals within MAX_TOTAL_MINOR (contracts money-limits.ts), so an unsafe number
 * means an item written before the limits or by hand: it is logged and read as the nearest number, never thrown.
 * @example readNumber('18014398509481982') // 18014398509481982 (inexact; logged once per value)
 */
export function readNumber(value: string): number {
  const n = Number(value);
  if (Number.isFinite(n) && (Number.isSafeInteger(n) || !Number.isInteger(n))) return n;
  if (!reported.has(value) && reported.size < 1000) {
    reported.add(value);
    console.error(JSON.stringify({ level: 'error', msg: 'unsafe number read from DynamoDB', value }));
  }
  return Number.isFinite(n) ? n : 0;
}
const reported = new Set<string>();
