import { describe, expect, it } from 'vitest';
import { DIGEST_METRICS, digestMetricValues, emfLine, JOB_METRICS_NAMESPACE } from './job-metrics.js';

describe('the digest run’s metrics', () => {
  it('are an embedded-metric-format line CloudWatch reads: counts under the Function dimension, absent ones 0', () => {
    const line = emfLine(
      'prod-Jobs-DigestsFunction',
      digestMetricValues({ week: '2026-W10', subscribers: 4, sent: 2, failed: 1 }),
      new Date(0),
    );
    expect(line).toEqual({
      _aws: {
        Timestamp: 0,
        CloudWatchMetrics: [
          {
            Namespace: JOB_METRICS_NAMESPACE,
            Dimensions: [['Function']],
            Metrics: [
              { Name: DIGEST_METRICS.failed, Unit: 'Count' },
              { Name: DIGEST_METRICS.sent, Unit: 'Count' },
              { Name: DIGEST_METRICS.skippedSearches, Unit: 'Count' },
            ],
          },
        ],
      },
      Function: 'prod-Jobs-DigestsFunction',
      DigestsFailed: 1,
      DigestsSent: 2,
      DigestsSkippedSearches: 0,
    });
  });

  it('say 0 failed on a good run, so the alarm clears', () => {
    expect(digestMetricValues({ week: '2026-W10', subscribers: 3, sent: 3, skipped_searches: 2 })).toEqual({
      DigestsFailed: 0,
      DigestsSent: 3,
      DigestsSkippedSearches: 2,
    });
  });
});
