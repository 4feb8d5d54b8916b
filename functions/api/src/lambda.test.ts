import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fake Secrets Manager: the SDK module as the cold-start loader imports it, answering `secretString` and counting reads. */
const secrets = vi.hoisted(() => ({ reads: [] as string[], secretString: 'cursor-secret-from-secrets-manager' as string | undefined }));
vi.mock('@aws-sdk/client-secrets-manager', () => ({
  BatchGetSecretValueCommand: class {
    constructor(readonly input: { SecretIdList: string[] }) {}
  },
  GetSecretValueCommand: class {
    constructor(readonly input: { SecretId: string }) {}
  },
  SecretsManagerClient: class {
    async send(command: { input: { SecretId?: string; SecretIdList?: string[] } }) {
      const ids = command.input.SecretIdList ?? [command.input.SecretId!];
      secrets.reads.push(...ids);
      if (command.input.SecretId) return { ARN: command.input.SecretId, SecretString: secrets.secretString };
      return { SecretValues: ids.map((ARN) => ({ ARN, SecretString: secrets.secretString })) };
    }
  },
}));

const ARN = 'arn:aws:secretsmanager:eu-central-1:111111111111:secret:CursorSecret-abc123';

/** An API Gateway HTTP API (payload 2.0) GET of `path`. */
function httpEvent(path: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.mekendesh.kg' },
    requestContext: {
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 't' },
      domainName: 'api.mekendesh.kg',
      requestId: 'r',
      stage: '$default',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  };
}

// The first import of the whole API (every adapter and route) took over 5 s on a loaded machine.
describe('the Lambda entry point', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    secrets.reads.length = 0;
    secrets.secretString = 'cursor-secret-from-secrets-manager';
  });

  it('never mounts the dev outbox, even with DEV_OUTBOX=1 in its environment', async () => {
    vi.stubEnv('DEV_OUTBOX', '1');
    const { handler } = await import('./lambda.js');
    const { createLambdaApp } = await import('./lambda-app.js');
    expect(typeof handler).toBe('function');
    for (const app of [createLambdaApp(), createLambdaApp({ DEV_OUTBOX: '1' })]) {
      const res = await app.request('/v1/dev/outbox');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const doc = (await (await app.request('/v1/openapi.json')).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).not.toContain('/v1/dev/outbox');
    }
  });

  it('answers the outbox through the Lambda handler 404 as well', async () => {
    vi.stubEnv('DEV_OUTBOX', '1');
    const { handler } = await import('./lambda.js');
    const event = {
      version: '2.0',
      routeKey: '$default',
      rawPath: '/v1/dev/outbox',
      rawQueryString: '',
      headers: { host: 'api.mekendesh.kg' },
      requestContext: {
        http: { method: 'GET', path: '/v1/dev/outbox', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 't' },
        domainName: 'api.mekendesh.kg',
        requestId: 'r',
        stage: '$default',
        timeEpoch: 0,
      },
      isBase64Encoded: false,
    };
    const res = (await handler(event as never, {} as never)) as { statusCode: number };
    expect(res.statusCode).toBe(404);
  });
});

describe('the Lambda entry point in the cloud (AWS_LAMBDA_FUNCTION_NAME set)', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.resetModules();
    secrets.reads.length = 0;
    secrets.secretString = 'cursor-secret-from-secrets-manager';
  });

  it('reads the cursor secret named by CURSOR_SECRET_ARN once, on the first invocation, and composes with it', async () => {
    const { lazyHandler } = await import('./lambda.js');
    const env: NodeJS.ProcessEnv = { AWS_LAMBDA_FUNCTION_NAME: 'mekendesh-test-api', CURSOR_SECRET_ARN: ARN };
    const handler = lazyHandler(env);
    expect(secrets.reads).toEqual([]);
    const first = await Promise.all([
      handler(httpEvent('/v1/dev/outbox') as never, {} as never),
      handler(httpEvent('/v1/dev/outbox') as never, {} as never),
    ]);
    const second = (await handler(httpEvent('/v1/dev/outbox') as never, {} as never)) as { statusCode: number };
    expect(secrets.reads).toEqual([ARN]);
    expect(env.CURSOR_SECRET).toBe('cursor-secret-from-secrets-manager');
    expect([...first.map((r) => (r as { statusCode: number }).statusCode), second.statusCode]).toEqual([404, 404, 404]);
  });

  it('fails its start with a message naming CURSOR_SECRET when there is no secret, and reads nothing', async () => {
    const { lazyHandler } = await import('./lambda.js');
    const { createLambdaApp } = await import('./lambda-app.js');
    await expect(
      lazyHandler({ AWS_LAMBDA_FUNCTION_NAME: 'mekendesh-test-api' })(httpEvent('/v1/health') as never, {} as never),
    ).rejects.toThrow(/CURSOR_SECRET is not set/);
    expect(() => createLambdaApp({ AWS_LAMBDA_FUNCTION_NAME: 'mekendesh-test-api' })).toThrow(/CURSOR_SECRET is not set/);
    expect(secrets.reads).toEqual([]);
  });

  it('fails its start when the secret has no string value, and tries again on the next invocation', async () => {
    const { lazyHandler } = await import('./lambda.js');
    secrets.secretString = undefined;
    const handler = lazyHandler({ AWS_LAMBDA_FUNCTION_NAME: 'mekendesh-test-api', CURSOR_SECRET_ARN: ARN });
    await expect(handler(httpEvent('/v1/dev/outbox') as never, {} as never)).rejects.toThrow(/CURSOR_SECRET_ARN .* without a string value/);
    secrets.secretString = 'now-set';
    expect(((await handler(httpEvent('/v1/dev/outbox') as never, {} as never)) as { statusCode: number }).statusCode).toBe(404);
    expect(secrets.reads).toEqual([ARN, ARN]);
  });
});
