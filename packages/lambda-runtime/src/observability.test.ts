import { afterEach, describe, expect, it, vi } from 'vitest';
import { observability, publishCounts, startInvocation } from './observability.js';

const context = {
  functionName: 'mekendesh-prod-Digests',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:111111111111:function:mekendesh-prod-Digests',
  memoryLimitInMB: '512',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e812345678',
  getRemainingTimeInMillis: () => 1000,
};

/** Every line Powertools writes (it logs and publishes through console methods), parsed. */
function captureLines() {
  const lines: Record<string, unknown>[] = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation((line: unknown) => void lines.push(JSON.parse(String(line)) as Record<string, unknown>));
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, 'write').mockImplementation((line: string | Uint8Array) => {
      lines.push(JSON.parse(String(line)) as Record<string, unknown>);
      return true;
    });
  return lines;
}

describe('observability', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('logs with the request id and cold start, publishes ColdStart once and counts under the one dimension Function', () => {
    // Before the logger and metrics exist: Powertools keeps its own console on the process's streams.
    const lines = captureLines();
    // As Lambda sets it in an on-demand instance; Powertools reports no cold start without it (provisioned, local).
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const o = observability({
      service: 'digests',
      namespace: 'Mekendesh/Jobs',
      env: { AWS_LAMBDA_FUNCTION_NAME: context.functionName, LOG_LEVEL: 'info' },
    });
    startInvocation(o, context);
    o.log('info', 'digest job', { sent: 2 });
    publishCounts(o, { DigestsFailed: 1, DigestsSent: 2 });
    startInvocation(o, { ...context, awsRequestId: 'second' });
    o.log('debug', 'left out below LOG_LEVEL');
    o.log('warn', 'warm');

    const coldStart = lines.find((l) => 'ColdStart' in l);
    expect(coldStart).toMatchObject({ ColdStart: 1, function_name: context.functionName });
    expect(lines.filter((l) => 'ColdStart' in l)).toHaveLength(1);
    const log = lines.find((l) => l.message === 'digest job');
    expect(log).toMatchObject({ level: 'INFO', sent: 2, cold_start: true, function_request_id: context.awsRequestId, service: 'digests' });
    expect(lines.find((l) => l.message === 'warm')).toMatchObject({ cold_start: false, function_request_id: 'second' });
    expect(lines.some((l) => l.message === 'left out below LOG_LEVEL')).toBe(false);
    const counts = lines.find((l) => 'DigestsFailed' in l) as { _aws: { CloudWatchMetrics: unknown[] } } & Record<string, unknown>;
    expect(counts.Function).toBe(context.functionName);
    expect(counts.DigestsSent).toBe(2);
    expect(counts._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Mekendesh/Jobs',
        Dimensions: [['Function']],
        Metrics: [
          { Name: 'DigestsFailed', Unit: 'Count' },
          { Name: 'DigestsSent', Unit: 'Count' },
        ],
      },
    ]);
  });
});
