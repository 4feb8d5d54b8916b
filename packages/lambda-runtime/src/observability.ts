/**
 * Logs and metrics of a deployed function through Powertools for AWS Lambda: JSON log lines carrying the request id
 * (`function_request_id`) and the cold-start flag (`cold_start`) of the invocation, and CloudWatch metrics as EMF
 * lines (no SDK call, no permission). Without middy: the handler calls {@link startInvocation} itself.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { withSourceMappedStacks } from './source-mapped-stack.js';

/** The log levels the code uses (the API's middleware/logger.ts and the jobs' logJob). */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The Lambda context fields Powertools reads (a subset of aws-lambda's `Context`). */
export interface InvocationContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  getRemainingTimeInMillis(): number;
}

/** One function's logger and metrics. */
export interface Observability {
  logger: Logger;
  metrics: Metrics;
  /** Writes one log line with `fields` beside the message (the shape of the local JSON lines, plus the Lambda context). */
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger (level from LOG_LEVEL, as locally) and metrics under `namespace` for `service`; the metrics carry the one
 * dimension `Function` (the function's name), so alarms that name `Function` alone keep matching (infra jobs-stack).
 * @example const o = observability({ service: 'api', namespace: 'Mekendesh/Api' }); o.log('info', 'started', { port: 1 })
 */
export function observability(options: { service: string; namespace: string; env?: NodeJS.ProcessEnv }): Observability {
  const env = options.env ?? process.env;
  const logger = new Logger({ serviceName: options.service, logLevel: (env.LOG_LEVEL ?? 'info').toUpperCase() as 'INFO' });
  const metrics = new Metrics({ namespace: options.namespace, serviceName: options.service });
  // Powertools adds a `service` dimension by default; the alarms are on `Function` alone (one dimension set).
  metrics.clearDefaultDimensions();
  metrics.setDefaultDimensions({ Function: env.AWS_LAMBDA_FUNCTION_NAME ?? options.service });
  return {
    logger,
    metrics,
    // Stacks are source-mapped here, when logged, not by --enable-source-maps on every cold start (source-mapped-stack.ts).
    log: (level, message, fields = {}) => logger[level](message, withSourceMappedStacks(fields)),
  };
}

/**
 * Called first in each invocation: puts the request id and cold-start flag on every log line of it, and on the
 * first (cold) invocation of the instance publishes `ColdStart` = 1 (Count) at once.
 */
export function startInvocation(o: Observability, context: InvocationContext): void {
  o.logger.addContext(context as Parameters<Logger['addContext']>[0]);
  o.metrics.captureColdStartMetric(context.functionName);
}

/**
 * Publishes `values` (Count) as one EMF line with the instance's dimension `Function`.
 * @example publishCounts(o, { DigestsFailed: 0, DigestsSent: 12 })
 */
export function publishCounts(o: Observability, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) o.metrics.addMetric(name, MetricUnit.Count, value);
  o.metrics.publishStoredMetrics();
}
