import { afterEach, describe, expect, it, vi } from 'vitest';

// The first import of the whole API (every adapter and route) took over 5 s on a loaded machine.
describe('the Lambda entry point', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('never mounts the dev outbox, even with DEV_OUTBOX=1 in its environment', async () => {
    vi.stubEnv('DEV_OUTBOX', '1');
    const { createLambdaApp, handler } = await import('./lambda.js');
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
      version: '2.0', routeKey: '$default', rawPath: '/v1/dev/outbox', rawQueryString: '', headers: { host: 'api.mekendesh.kg' },
      requestContext: { http: { method: 'GET', path: '/v1/dev/outbox', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 't' }, domainName: 'api.mekendesh.kg', requestId: 'r', stage: '$default', timeEpoch: 0 },
      isBase64Encoded: false,
    };
    const res = (await handler(event as never, {} as never)) as { statusCode: number };
    expect(res.statusCode).toBe(404);
  });
});
