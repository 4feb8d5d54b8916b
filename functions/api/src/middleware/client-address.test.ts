import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiEnv } from '../env.js';
import { clientAddress } from './auth.js';

function appWith(secret: string | undefined) {
  const app = new Hono<ApiEnv>();
  app.use('*', clientAddress(secret));
  app.get('/ip', (c) => c.text(c.var.clientIp));
  return app;
}
// A Lambda event's source address, as hono/aws-lambda passes it.
const lambdaEnv = { event: { requestContext: { http: { sourceIp: '10.0.0.7' } } } };

describe('the client address used for rate limits', () => {
  it('is the connection source by default', async () => {
    expect(await (await appWith(undefined).request('/ip', {}, lambdaEnv)).text()).toBe('10.0.0.7');
  });

  it('is the forwarded visitor address only when the web server proves itself with the shared secret', async () => {
    const app = appWith('s3cret-value');
    const ask = async (headers: Record<string, string>) => (await app.request('/ip', { headers }, lambdaEnv)).text();
    expect(await ask({ 'x-mekendesh-client-ip': '203.0.113.9', 'x-mekendesh-proxy-secret': 's3cret-value' })).toBe('203.0.113.9');
    expect(await ask({ 'x-mekendesh-client-ip': '203.0.113.9', 'x-mekendesh-proxy-secret': 'guess' })).toBe('10.0.0.7');
    expect(await ask({ 'x-mekendesh-client-ip': '203.0.113.9' })).toBe('10.0.0.7');
    expect(await ask({ 'x-mekendesh-client-ip': 'not-an-ip', 'x-mekendesh-proxy-secret': 's3cret-value' })).toBe('10.0.0.7');
  });
});
