/**
 * The jobs' CloudWatch metrics as embedded-metric-format (EMF) log lines: CloudWatch Logs turns such a line of a
 * Lambda's output into metric values, no SDK call, no extra permission (AWS docs, "Specification: Embedded metric
 * format"). No imports: infra/lib/jobs-stack.ts reads the names below to alarm on them.
 */

/** The namespace of every job metric; each value carries the dimension `Function` (the Lambda's name). */
export const JOB_METRICS_NAMESPACE = 'Mekendesh/Jobs';

/** The digest run's counts as metrics: an alarm fires on DigestsFailed >= 1 (infra/lib/jobs-stack.ts). */
export const DIGEST_METRICS = {
  failed: 'DigestsFailed',
  sent: 'DigestsSent',
  skippedSearches: 'DigestsSkippedSearches',
} as const;

/**
 * One EMF log line (a JSON object) for `values` under JOB_METRICS_NAMESPACE, dimension `Function` = `functionName`.
 * @example emfLine('prod-Digests', { DigestsFailed: 1 }, new Date(0))
 * // { _aws: { Timestamp: 0, CloudWatchMetrics: [{ Namespace: 'Mekendesh/Jobs', Dimensions: [['Function']], Metrics: [{ Name: 'DigestsFailed', Unit: 'Count' }] }] }, Function: 'prod-Digests', DigestsFailed: 1 }
 */
export function emfLine(functionName: string, values: Record<string, number>, at: Date): Record<string, unknown> {
  return {
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: JOB_METRICS_NAMESPACE,
          Dimensions: [['Function']],
          Metrics: Object.keys(values).map((Name) => ({ Name, Unit: 'Count' })),
        },
      ],
    },
    Function: functionName,
    ...values,
  };
}

/** The EMF values of a digest run's counts (`{ sent: 2, failed: 1, skipped_searches: 3 }`); absent counts are 0. */
export function digestMetricValues(counts: Record<string, number | string>): Record<string, number> {
  const n = (k: string) => (typeof counts[k] === 'number' ? counts[k] : 0);
  return {
    [DIGEST_METRICS.failed]: n('failed'),
    [DIGEST_METRICS.sent]: n('sent'),
    [DIGEST_METRICS.skippedSearches]: n('skipped_searches'),
  };
}
