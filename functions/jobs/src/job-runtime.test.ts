import { afterEach, describe, expect, it, vi } from 'vitest';

const context = {
  functionName: 'mekendesh-prod-Digests',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:111111111111:function:mekendesh-prod-Digests',
  memoryLimitInMB: '512',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 1000,
};

describe('the job runtime', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('locally: writes the counts as one EMF line and reads nothing', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', undefined);
    const { jobObservability, publishJobCounts, startJob } = await import('./job-runtime.js');
    const writes: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((line: string | Uint8Array) => writes.push(String(line)) > 0);
    await startJob(context, { CURSOR_SECRET: 'local' });
    expect(jobObservability()).toBeUndefined();
    publishJobCounts({ DigestsFailed: 0 }, () => ({ line: 'emf', DigestsFailed: 0 }));
    expect(writes).toEqual(['{"line":"emf","DigestsFailed":0}\n']);
  });

  it('in Lambda: logs with the request id and cold start, publishes ColdStart and the counts under Mekendesh/Jobs and Function', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', context.functionName);
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const lines: Record<string, unknown>[] = [];
    for (const stream of [process.stdout, process.stderr])
      vi.spyOn(stream, 'write').mockImplementation(
        (line: string | Uint8Array) => lines.push(JSON.parse(String(line)) as Record<string, unknown>) > 0,
      );
    const { publishJobCounts, startJob } = await import('./job-runtime.js');
    const { logJob } = await import('./composition.js');
    await startJob(context, { AWS_LAMBDA_FUNCTION_NAME: context.functionName, CURSOR_SECRET: 'set' });
    logJob('info', 'digest job', { sent: 3 });
    publishJobCounts({ DigestsFailed: 1 }, () => ({}));
    expect(lines.find((l) => 'ColdStart' in l)).toMatchObject({ ColdStart: 1, function_name: context.functionName });
    expect(lines.find((l) => l.message === 'digest job')).toMatchObject({ sent: 3, cold_start: true, function_request_id: 'req-1' });
    const counts = lines.find((l) => 'DigestsFailed' in l) as {
      _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] };
    };
    expect(counts).toMatchObject({ DigestsFailed: 1, Function: context.functionName });
    expect(counts._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Mekendesh/Jobs', Dimensions: [['Function']] });
  });
});
