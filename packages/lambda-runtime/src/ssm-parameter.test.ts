import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSsmParameter } from './ssm-parameter.js';

/** A fake SSM endpoint: records each request and answers as SSM's JSON 1.1 protocol does. */
const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    requests.push({ headers: req.headers, body });
    const { Name } = JSON.parse(body) as { Name: string };
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (Name === '/mekendesh/prod/web-origin') {
      res.end(JSON.stringify({ Parameter: { Name, Type: 'String', Value: 'https://mekendesh.kg', Version: 1 } }));
    } else {
      res.statusCode = 400;
      res.end(JSON.stringify({ __type: 'com.amazonaws.ssm#ParameterNotFound', message: 'not found' }));
    }
  });
});
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env = {
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_SESSION_TOKEN: 'session-token',
    AWS_ENDPOINT_URL_SSM: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('getSsmParameter', () => {
  it('posts one SigV4-signed AmazonSSM.GetParameter with the session token and returns the value', async () => {
    expect(await getSsmParameter('/mekendesh/prod/web-origin', env)).toBe('https://mekendesh.kg');
    const [request] = requests;
    expect(JSON.parse(request!.body)).toEqual({ Name: '/mekendesh/prod/web-origin' });
    expect(request!.headers['x-amz-target']).toBe('AmazonSSM.GetParameter');
    expect(request!.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(request!.headers['x-amz-security-token']).toBe('session-token');
    expect(request!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE\/\d{8}\/eu-central-1\/ssm\/aws4_request, SignedHeaders=[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
  });

  it("fails with SSM's error type and status, and without credentials", async () => {
    await expect(getSsmParameter('/missing', env)).rejects.toThrow('SSM GetParameter /missing: ParameterNotFound (HTTP 400): not found');
    await expect(getSsmParameter('/x', { AWS_REGION: 'eu-central-1' })).rejects.toThrow(/needs AWS_REGION and the function credentials/);
  });
});
