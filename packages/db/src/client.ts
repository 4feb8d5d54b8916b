import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isTransientError } from '@smithy/core/retry';
import { UnavailableError } from '@mekendesh/domain/errors';
import { cursorSecretOr } from './dynamo/cursor.js';

export interface DbConfig {
  tableName: string;
  /** Set locally (DynamoDB Local); unset in the cloud. */
  endpoint?: string;
  region?: string;
  /** How long one request may take: REQUEST_PATH_TIMEOUTS, or EMULATOR_TIMEOUTS with an endpoint, unless given. */
  timeouts?: Partial<DbTimeouts>;
  /** Secret list cursors are signed with (HMAC-SHA256); unset: a random one per process (local runs, tests). */
  cursorSecret?: string;
}

export interface DbTimeouts {
  /** Milliseconds to open a connection. */
  connectMs: number;
  /** Milliseconds for one attempt, from sending to the whole answer (the SDK's requestTimeout, thrown). */
  requestMs: number;
  /** Attempts in all, the first included (the SDK's standard retry with backoff between them). */
  maxAttempts: number;
}

/**
 * The budget of one DynamoDB call on a request path: a stopped or hung database fails the call within about
 * 3 × 4 s plus backoff (well inside API Gateway's 29 s), never hangs it. A single item read or write takes
 * milliseconds in DynamoDB and well under a second in DynamoDB Local on a loaded machine, so 4 s means down.
 * Source: issue 9 fault injection (tests/integration/faults.test.ts); AWS's advice to set request timeouts
 * on latency-sensitive SDK clients.
 */
export const REQUEST_PATH_TIMEOUTS: DbTimeouts = { connectMs: 2_000, requestMs: 4_000, maxAttempts: 3 };

/**
 * DynamoDB Local (an `endpoint` is set) on a developer's or CI's two cores: one process serves every request
 * of one Node process, whose 50 sockets queue a burst (200 pledges at once in the concurrency test), and the
 * SDK's connection and request timeouts count that queue: 2 s there means load, not an outage (seen: 52 "timeouts"). A
 * stopped emulator still fails at once (connection refused); only a hung one waits out this budget. The
 * fault-injection test passes REQUEST_PATH_TIMEOUTS explicitly to prove the cloud budget. (On Lambda one
 * invocation runs one request, so nothing queues behind it.)
 */
export const EMULATOR_TIMEOUTS: DbTimeouts = { connectMs: 60_000, requestMs: 60_000, maxAttempts: 6 };

/** Offline work (ledger check, seeding, scheduled jobs): whole-table pages may take longer, and nobody waits on a page. */
export const OFFLINE_TIMEOUTS: DbTimeouts = { connectMs: 5_000, requestMs: 60_000, maxAttempts: 5 };

export interface Db {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  tableName: string;
  /** Secret list cursors are signed with (dynamo/cursor.ts). */
  cursorSecret: string;
}

/**
 * One client per process: the SDK keeps connections alive across Lambda invocations. Calls are bounded by
 * `config.timeouts` (REQUEST_PATH_TIMEOUTS in the cloud, EMULATOR_TIMEOUTS with an endpoint, unless given); a
 * call that still fails because DynamoDB is
 * unreachable, timed out or answered 5xx throws UnavailableError('database') (the API's 503 with Retry-After),
 * while DynamoDB's own answers (conditions, cancelled transactions, throttling) reach the caller unchanged.
 */
export function createDb(config: DbConfig): Db {
  const t = { ...(config.endpoint ? EMULATOR_TIMEOUTS : REQUEST_PATH_TIMEOUTS), ...config.timeouts };
  const raw = new DynamoDBClient({
    region: config.region ?? process.env.AWS_REGION ?? 'eu-central-1',
    ...(config.endpoint ? { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    maxAttempts: t.maxAttempts,
    requestHandler: { connectionTimeout: t.connectMs, requestTimeout: t.requestMs, throwOnRequestTimeout: true },
  });
  raw.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        throw isTransientError(e as Parameters<typeof isTransientError>[0])
          ? new UnavailableError(
              'database',
              `DynamoDB did not answer: ${(e as Error).name} ${(e as { code?: string }).code ?? ''}`.trim(),
              { cause: e },
            )
          : e;
      }
    },
    { step: 'initialize', name: 'mekendeshUnavailable', priority: 'high' },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
    unmarshallOptions: { wrapNumbers: readNumber },
  });
  return { doc, raw, tableName: config.tableName, cursorSecret: cursorSecretOr(config.cursorSecret) };
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
