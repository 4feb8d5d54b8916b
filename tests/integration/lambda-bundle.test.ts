/**
 * The API function as deployed: the bundle infra builds (functions/api/bundle.mjs, code splitting), loaded in a fresh
 * Node process with a Lambda environment that names its secrets and web origin (never their values), invoked with API
 * Gateway HTTP API (payload 2.0) events. The real SDK Secrets Manager client and the signed SSM request talk to a fake
 * AWS endpoint (AWS_ENDPOINT_URL_SECRETS_MANAGER / AWS_ENDPOINT_URL_SSM), the table is DynamoDB Local.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleFunction, type FunctionBundle } from '../bench/function-sizes.js';
import { freshTable } from '../fixtures/db.js';

const ARN = (name: string) => `arn:aws:secretsmanager:eu-central-1:111111111111:secret:${name}-abc123`;
const SECRETS: Record<string, string> = {
  [ARN('CursorSecret')]: 'cursor-secret-of-the-stage-0123456789abcdef',
  [ARN('ProxySecret')]: 'proxy-secret-of-the-stage',
  [ARN('StripeSecret')]: JSON.stringify({ secretKey: 'sk_test_bundle', webhookSecret: 'whsec_bundle' }),
};
const PARAMETER = '/mekendesh/it/web-origin';

/** Every call the fake AWS endpoint answered: its X-Amz-Target and JSON body. */
const calls: { target: string; body: Record<string, unknown> }[] = [];
const aws = createServer((req, res) => {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c.toString()));
  req.on('end', () => {
    const target = String(req.headers['x-amz-target']);
    const body = JSON.parse(raw || '{}') as Record<string, unknown>;
    calls.push({ target, body });
    res.setHeader('content-type', 'application/x-amz-json-1.1');
    if (target === 'secretsmanager.BatchGetSecretValue') {
      const ids = body.SecretIdList as string[];
      res.end(
        JSON.stringify({ SecretValues: ids.map((ARN) => ({ ARN, Name: ARN.split(':').pop(), SecretString: SECRETS[ARN] })), Errors: [] }),
      );
    } else if (target === 'AmazonSSM.GetParameter') {
      res.end(JSON.stringify({ Parameter: { Name: body.Name, Type: 'String', Value: 'https://d111.cloudfront.net', Version: 1 } }));
    } else {
      res.statusCode = 400;
      res.end(JSON.stringify({ __type: 'UnknownOperationException' }));
    }
  });
});

let bundle: FunctionBundle;
let drop: () => Promise<void>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await new Promise<void>((resolve) => aws.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(aws.address() as AddressInfo).port}`;
  const table = await freshTable(inject('dynamoEndpoint'));
  drop = table.drop;
  bundle = await bundleFunction('api');
  env = {
    PATH: process.env.PATH,
    AWS_LAMBDA_FUNCTION_NAME: 'mekendesh-it-api',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_SESSION_TOKEN: 'token',
    AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
    AWS_ENDPOINT_URL_SSM: endpoint,
    TABLE_NAME: table.db.tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    CURSOR_SECRET_ARN: ARN('CursorSecret'),
    PROXY_SECRET_ARN: ARN('ProxySecret'),
    STRIPE_SECRET_ARN: ARN('StripeSecret'),
    WEB_ORIGIN_PARAMETER: PARAMETER,
    MAIL_DELIVERY: 'stream',
    LOG_LEVEL: 'info',
  };
}, 120_000);
afterAll(async () => {
  aws.close();
  rmSync(bundle.dir, { recursive: true, force: true });
  await drop();
});

/** An HTTP API (payload 2.0) event. */
function httpEvent(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example', ...headers },
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 't' },
      domainName: 'api.example',
      requestId: `apigw-${path}`,
      stage: '$default',
      timeEpoch: Date.now(),
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  };
}

/**
 * Loads the bundle in a fresh process and invokes its handler with each event in turn, as one Lambda instance would.
 * Asynchronous: the fake AWS endpoint answers from this process's event loop.
 */
async function invokeInFreshProcess(
  events: unknown[],
): Promise<{ results: { statusCode: number; body: string }[]; lines: Record<string, unknown>[] }> {
  const program = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(join(bundle.dir, 'index.mjs')).href)});
    const events = JSON.parse(process.argv[1]);
    const results = [];
    for (const [i, event] of events.entries()) {
      const context = { functionName: 'mekendesh-it-api', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:eu-central-1:111111111111:function:mekendesh-it-api', memoryLimitInMB: '1024', awsRequestId: 'req-' + i, getRemainingTimeInMillis: () => 10000 };
      results.push(await handler(event, context));
    }
    process.stdout.write('RESULTS ' + JSON.stringify(results) + '\\n');`;
  const run = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', program, JSON.stringify(events)], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const out = run.stdout.split('\n').filter(Boolean);
  const results = JSON.parse(out.find((l) => l.startsWith('RESULTS '))!.slice('RESULTS '.length)) as { statusCode: number; body: string }[];
  const lines = out.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { results, lines };
}

describe('the bundled API function', () => {
  it('reads its three secrets in one batch and the web origin once, then serves from DynamoDB Local with cards on', async () => {
    const payload = JSON.stringify({ id: 'evt_bundle_1', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } });
    const t = Math.floor(Date.now() / 1000);
    const signature = `t=${t},v1=${createHmac('sha256', 'whsec_bundle').update(`${t}.${payload}`).digest('hex')}`;
    const { results, lines } = await invokeInFreshProcess([
      httpEvent('GET', '/v1/health'),
      httpEvent('GET', '/v1/payments/options'),
      httpEvent('POST', '/v1/webhooks/stripe', payload, { 'content-type': 'application/json', 'stripe-signature': signature }),
    ]);

    // In parallel, so in either order.
    expect([...calls].sort((a, b) => b.target.localeCompare(a.target))).toEqual([
      {
        target: 'secretsmanager.BatchGetSecretValue',
        body: { SecretIdList: [ARN('CursorSecret'), ARN('ProxySecret'), ARN('StripeSecret')] },
      },
      { target: 'AmazonSSM.GetParameter', body: { Name: PARAMETER } },
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(JSON.parse(results[0]!.body)).toEqual({ status: 'ok', database: 'ok' });
    // The Stripe JSON secret turned cards on; the webhook's signature verified with its webhook secret (Stripe's lazy chunk).
    expect(JSON.parse(results[1]!.body)).toEqual({ cardPayments: { enabled: true, currencies: ['KGS', 'USD', 'EUR', 'KZT'] } });
    expect(JSON.parse(results[2]!.body)).toMatchObject({ received: true });

    // Powertools: the first invocation's lines are a cold start with its request id, the later ones warm; one ColdStart metric.
    const webhookLog = lines.find((l) => l.message === 'stripe webhook');
    expect(webhookLog).toMatchObject({ function_request_id: 'req-2', cold_start: false, service: 'api', event: 'evt_bundle_1' });
    const coldStarts = lines.filter((l) => 'ColdStart' in l);
    expect(coldStarts).toHaveLength(1);
    expect(coldStarts[0]).toMatchObject({ ColdStart: 1, function_name: 'mekendesh-it-api' });
  }, 120_000);
});
