import { describe, expect, it } from 'vitest';
import { loadColdStartEnv, readColdStartEnv, type ColdStartClients } from './cold-start-env.js';

const CURSOR_ARN = 'arn:aws:secretsmanager:eu-central-1:111111111111:secret:CursorSecret-abc123';
const PROXY_ARN = 'arn:aws:secretsmanager:eu-central-1:111111111111:secret:ProxySecret-def456';
const STRIPE_ARN = 'arn:aws:secretsmanager:eu-central-1:111111111111:secret:StripeSecret-ghi789';
const PARAMETER = '/mekendesh/prod/web-origin';

/** Fake SDK clients at the send() level: they record every command's input and answer from `secrets`/`parameter`. */
function fakeAws(secrets: Record<string, string | undefined>, parameter: string | null = 'https://d111.cloudfront.net') {
  const sent: { secrets: string[][]; parameters: string[] } = { secrets: [], parameters: [] };
  let failNext = false;
  const clients: ColdStartClients = {
    secrets: async () => ({
      command: (ids) => (ids.length === 1 ? { input: { SecretId: ids[0] } } : { input: { SecretIdList: ids } }),
      client: {
        async send(command) {
          const ids = command.input.SecretIdList ?? [command.input.SecretId!];
          sent.secrets.push(ids);
          if (failNext) {
            failNext = false;
            throw new Error('network down');
          }
          if (command.input.SecretId !== undefined) {
            // GetSecretValue: one secret, or ResourceNotFoundException.
            const id = command.input.SecretId;
            if (!(id in secrets)) throw Object.assign(new Error(`Secrets Manager can't find ${id}`), { name: 'ResourceNotFoundException' });
            return { ARN: id, SecretString: secrets[id] };
          }
          // Answers in reverse order, as the API may: the loader must match them by ARN.
          const known = ids.filter((id) => id in secrets).reverse();
          return {
            SecretValues: known.map((ARN) => ({ ARN, Name: ARN.split(':').pop(), SecretString: secrets[ARN] })),
            Errors: ids.filter((id) => !(id in secrets)).map((SecretId) => ({ SecretId, ErrorCode: 'ResourceNotFoundException' })),
          };
        },
      },
    }),
    parameters: async () => ({
      command: (name) => ({ input: { Name: name } }),
      client: {
        async send(command) {
          sent.parameters.push(command.input.Name!);
          return { Parameter: parameter === null ? undefined : { Value: parameter } };
        },
      },
    }),
  };
  return { clients, sent, failOnce: () => (failNext = true) };
}

const STRIPE_JSON = JSON.stringify({ secretKey: 'sk_test_1', webhookSecret: 'whsec_1' });

describe('readColdStartEnv', () => {
  it('reads the three secrets in one batch and the web origin, and sets the plain variables', async () => {
    const aws = fakeAws({ [CURSOR_ARN]: 'cursor-1', [PROXY_ARN]: 'proxy-1', [STRIPE_ARN]: STRIPE_JSON });
    const env: NodeJS.ProcessEnv = {
      CURSOR_SECRET_ARN: CURSOR_ARN,
      PROXY_SECRET_ARN: PROXY_ARN,
      STRIPE_SECRET_ARN: STRIPE_ARN,
      WEB_ORIGIN_PARAMETER: PARAMETER,
    };
    const report = await readColdStartEnv(env, aws.clients);
    expect(aws.sent).toEqual({ secrets: [[CURSOR_ARN, PROXY_ARN, STRIPE_ARN]], parameters: [PARAMETER] });
    expect(env).toMatchObject({
      CURSOR_SECRET: 'cursor-1',
      PROXY_SECRET: 'proxy-1',
      STRIPE_SECRET_KEY: 'sk_test_1',
      STRIPE_WEBHOOK_SECRET: 'whsec_1',
      WEB_ORIGIN: 'https://d111.cloudfront.net',
      API_PUBLIC_URL: 'https://d111.cloudfront.net',
    });
    expect(report.warnings).toEqual([]);
  });

  it('leaves cards off with a warning when the Stripe secret is the {} placeholder or lacks a key', async () => {
    for (const value of ['{}', JSON.stringify({ secretKey: 'sk_test_1' }), 'not json']) {
      const aws = fakeAws({ [CURSOR_ARN]: 'cursor-1', [STRIPE_ARN]: value });
      const env: NodeJS.ProcessEnv = { CURSOR_SECRET_ARN: CURSOR_ARN, STRIPE_SECRET_ARN: STRIPE_ARN };
      const report = await readColdStartEnv(env, aws.clients);
      expect(env.CURSOR_SECRET).toBe('cursor-1');
      expect(env.STRIPE_SECRET_KEY).toBeUndefined();
      expect(env.STRIPE_WEBHOOK_SECRET).toBeUndefined();
      expect(report.warnings).toHaveLength(1);
      expect(report.warnings[0]).toMatch(/card payments are off/);
    }
  });

  it('keeps plain variables already set, reads nothing for them, and keeps a given API_PUBLIC_URL', async () => {
    const aws = fakeAws({ [CURSOR_ARN]: 'from-aws', [PROXY_ARN]: 'proxy-1' });
    const env: NodeJS.ProcessEnv = {
      CURSOR_SECRET: 'local',
      CURSOR_SECRET_ARN: CURSOR_ARN,
      PROXY_SECRET_ARN: PROXY_ARN,
      WEB_ORIGIN: 'http://localhost:5173',
      WEB_ORIGIN_PARAMETER: PARAMETER,
      API_PUBLIC_URL: 'http://localhost:8787',
    };
    await readColdStartEnv(env, aws.clients);
    expect(aws.sent).toEqual({ secrets: [[PROXY_ARN]], parameters: [] });
    expect(env).toMatchObject({ CURSOR_SECRET: 'local', PROXY_SECRET: 'proxy-1', WEB_ORIGIN: 'http://localhost:5173' });
    expect(env.API_PUBLIC_URL).toBe('http://localhost:8787');
  });

  it('makes no AWS call when the environment names nothing (the local stack)', async () => {
    const aws = fakeAws({});
    const env: NodeJS.ProcessEnv = { CURSOR_SECRET: 'local' };
    expect(await readColdStartEnv(env, aws.clients)).toEqual({ set: [], warnings: [] });
    expect(aws.sent).toEqual({ secrets: [], parameters: [] });
  });

  it('fails naming the variable when a secret is missing, empty, or the parameter has no value', async () => {
    await expect(
      readColdStartEnv({ PROXY_SECRET_ARN: PROXY_ARN, STRIPE_SECRET_ARN: STRIPE_ARN }, fakeAws({ [STRIPE_ARN]: '{}' }).clients),
    ).rejects.toThrow(/PROXY_SECRET_ARN \(ResourceNotFoundException\)/);
    await expect(readColdStartEnv({ PROXY_SECRET_ARN: PROXY_ARN }, fakeAws({}).clients)).rejects.toThrow(/can't find/);
    await expect(readColdStartEnv({ CURSOR_SECRET_ARN: CURSOR_ARN }, fakeAws({ [CURSOR_ARN]: undefined }).clients)).rejects.toThrow(
      /CURSOR_SECRET_ARN .* without a string value/,
    );
    await expect(readColdStartEnv({ WEB_ORIGIN_PARAMETER: PARAMETER }, fakeAws({}, null).clients)).rejects.toThrow(
      /WEB_ORIGIN_PARAMETER \(\/mekendesh\/prod\/web-origin\) names a parameter without a value/,
    );
  });
});

describe('loadColdStartEnv', () => {
  it('reads once for concurrent and later callers, and again after a failed read', async () => {
    const aws = fakeAws({ [CURSOR_ARN]: 'cursor-1' });
    const env: NodeJS.ProcessEnv = { CURSOR_SECRET_ARN: CURSOR_ARN };
    aws.failOnce();
    await expect(loadColdStartEnv(env, aws.clients)).rejects.toThrow('network down');
    await Promise.all([loadColdStartEnv(env, aws.clients), loadColdStartEnv(env, aws.clients)]);
    await loadColdStartEnv(env, aws.clients);
    expect(aws.sent.secrets).toEqual([[CURSOR_ARN], [CURSOR_ARN]]);
    expect(env.CURSOR_SECRET).toBe('cursor-1');
  });
});
