/**
 * What every job function does first in Lambda: its log lines carry the request id and cold-start flag (Powertools),
 * the first invocation publishes ColdStart (namespace Mekendesh/Jobs, dimension Function), and the cold-start loader
 * sets the plain variables its environment names (CURSOR_SECRET from CURSOR_SECRET_ARN, WEB_ORIGIN from
 * WEB_ORIGIN_PARAMETER; packages/lambda-runtime). Locally (no AWS_LAMBDA_FUNCTION_NAME) logs stay plain JSON lines.
 */
import {
  loadColdStartEnv,
  observability,
  publishCounts,
  startInvocation,
  type InvocationContext,
  type Observability,
} from '@mekendesh/lambda-runtime';
import { JOB_METRICS_NAMESPACE } from './job-metrics.js';

let current: Observability | undefined;

/** The function's logger and metrics, made on first use; undefined outside Lambda (logJob then writes its own lines). */
export function jobObservability(env: NodeJS.ProcessEnv = process.env): Observability | undefined {
  if (!env.AWS_LAMBDA_FUNCTION_NAME) return undefined;
  return (current ??= observability({ service: env.AWS_LAMBDA_FUNCTION_NAME, namespace: JOB_METRICS_NAMESPACE, env }));
}

/**
 * Called first by each job handler with what Lambda passed as its context (anything else, e.g. from a script, is
 * ignored). Reads the secrets and parameter the environment names, once per process.
 * @throws Error naming the variable when a secret or the parameter cannot be read (the run fails; Lambda retries or alarms).
 */
export async function startJob(context?: unknown, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const o = jobObservability(env);
  if (o && (context as Partial<InvocationContext> | undefined)?.awsRequestId) startInvocation(o, context as InvocationContext);
  const report = await loadColdStartEnv(env);
  for (const warning of report.warnings) o?.log('warn', warning);
}

/** Publishes `values` (Count) as job metrics through Powertools in Lambda; elsewhere as one EMF line on stdout (`line`). */
export function publishJobCounts(values: Record<string, number>, line: () => Record<string, unknown>): void {
  const o = jobObservability();
  if (o) publishCounts(o, values);
  else process.stdout.write(`${JSON.stringify(line())}\n`);
}
