import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyResource, SYNTH_TIMEOUT_MS, synthesize, type CfnResource, type Synthesized } from './support.js';

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

function statementsOf(policy: CfnResource): Statement[] {
  const document = policy.Properties?.['PolicyDocument'] as { Statement: Statement[] };
  return document.Statement;
}

function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

describe('ApiStack', () => {
  let dev: Synthesized;
  let functionId: string;
  let functionRoleId: string;

  beforeAll(() => {
    dev = synthesize('dev');
    const [id, fn] = onlyResource(dev.api, 'AWS::Lambda::Function');
    functionId = id;
    functionRoleId = (fn.Properties?.['Role'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => dev.dispose());

  describe('function', () => {
    it('runs nodejs22.x on arm64 with 1 GB and a 10 s timeout', () => {
      dev.api.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 1024,
        Timeout: 10,
        Handler: 'index.handler',
      });
    });

    it('gets the table name and a log level from its environment, and no --enable-source-maps (a cold-start cost; stacks are mapped when logged)', () => {
      dev.api.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: {
            TABLE_NAME: { 'Fn::ImportValue': Match.stringLikeRegexp('Mekendesh-dev-Data') },
            NODE_OPTIONS: Match.absent(),
            LOG_LEVEL: Match.anyValue(),
          },
        },
      });
    });

    it('logs to a log group kept for one month', () => {
      const logGroupId = Object.keys(dev.api.findResources('AWS::Logs::LogGroup')).find((id) => id.startsWith('ApiFunctionLogs'));
      dev.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
      dev.api.hasResourceProperties('AWS::Lambda::Function', {
        LoggingConfig: { LogGroup: { Ref: logGroupId } },
      });
    });

    it('is bundled as ESM with the require shim, the AWS SDK inside, and Stripe in a chunk parsed on first use', () => {
      // The code's S3 key is `<asset hash>.zip`; the bundle sits in `asset.<hash>` in the assembly.
      const [, fn] = onlyResource(dev.api, 'AWS::Lambda::Function');
      const s3Key = (fn.Properties?.['Code'] as { S3Key: string }).S3Key;
      const assetDir = join(dev.assembly.directory, `asset.${s3Key.replace(/\.zip$/, '')}`);
      const bundlePath = join(assetDir, 'index.mjs');
      expect(existsSync(bundlePath)).toBe(true);
      expect(existsSync(`${bundlePath}.map`)).toBe(true);
      const bundle = readFileSync(bundlePath, 'utf8');
      // Booleans, not string matchers: a failure must not print a megabyte of minified code.
      expect(bundle.startsWith("import { createRequire as __mkCreateRequire } from 'node:module';")).toBe(true);
      // Nothing left to load from the runtime's own SDK copy: no static or dynamic @aws-sdk imports.
      expect(/from\s*["']@aws-sdk\//.test(bundle)).toBe(false);
      expect(/import\(\s*["']@aws-sdk\//.test(bundle)).toBe(false);
      // functions/api/bundle.mjs (afterBundling) split it: Stripe's code is in a chunk under chunks/, not in the entry.
      const chunks = readdirSync(join(assetDir, 'chunks')).filter((f) => f.endsWith('.mjs'));
      const withStripe = chunks.filter((f) => readFileSync(join(assetDir, 'chunks', f), 'utf8').includes('api.stripe.com'));
      expect(withStripe.length).toBeGreaterThan(0);
      expect(bundle.includes('api.stripe.com')).toBe(false);
      // The API reference serves swagger-ui from beside the bundle, so it works without a CDN.
      expect(existsSync(join(assetDir, 'swagger-ui', 'swagger-ui-bundle.js'))).toBe(true);
      expect(existsSync(join(assetDir, 'swagger-ui', 'swagger-ui.css'))).toBe(true);
    });
  });

  describe('permissions', () => {
    it('lets only the API function read and write items, on the table and its indexes', () => {
      const policies = [dev.data, dev.api].flatMap((template) =>
        Object.values(template.findResources('AWS::IAM::Policy') as Record<string, CfnResource>),
      );
      const dynamoPolicies = policies.filter((policy) =>
        statementsOf(policy).some((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:'))),
      );
      expect(dynamoPolicies).toHaveLength(1);
      const policy = dynamoPolicies[0] as CfnResource;
      expect(policy.Properties?.['Roles']).toEqual([{ Ref: functionRoleId }]);

      const actions = statementsOf(policy).flatMap(actionsOf);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']));
      expect(actions).not.toContain('dynamodb:*');
      expect(actions.filter((a) => /Table$|Tables$|Backup/.test(a) && a !== 'dynamodb:DescribeTable')).toEqual([]);

      const itemStatement = statementsOf(policy).find((s) => actionsOf(s).includes('dynamodb:PutItem'));
      expect(itemStatement?.Resource).toEqual([
        { 'Fn::ImportValue': expect.stringMatching(/Arn/) },
        { 'Fn::Join': ['', [{ 'Fn::ImportValue': expect.stringMatching(/Arn/) }, '/index/*']] },
      ]);
    });
  });

  describe('cursor secret', () => {
    it('is one generated secret (48 characters, no punctuation) whose ARN, not value, the function gets', () => {
      const secretId = cursorSecretId(dev.api);
      dev.api.hasResourceProperties('AWS::SecretsManager::Secret', {
        GenerateSecretString: { ExcludePunctuation: true, PasswordLength: 48 },
        SecretString: Match.absent(),
      });
      dev.api.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ CURSOR_SECRET_ARN: { Ref: secretId }, CURSOR_SECRET: Match.absent() }) },
      });
    });

    it('may be read by the API function and the jobs that sign unsubscribe links (digests, deadlines, home notices), changed by nobody', () => {
      const secretId = cursorSecretId(dev.api);
      const secretStatements = (template: typeof dev.api) =>
        Object.values(template.findResources('AWS::IAM::Policy') as Record<string, CfnResource>).flatMap((policy) =>
          statementsOf(policy)
            .filter((s) => actionsOf(s).some((a) => a.startsWith('secretsmanager:')))
            .map((s) => ({ policy, s })),
        );
      expect([dev.data, dev.identity].flatMap(secretStatements)).toEqual([]);
      // The proxy and Stripe secrets are read by the API too (their own statements): only the cursor secret's here.
      const inApi = secretStatements(dev.api).filter(({ s }) => JSON.stringify(s.Resource).includes(secretId));
      expect(inApi).toHaveLength(1);
      const { policy, s } = inApi[0]!;
      expect(policy.Properties?.['Roles']).toEqual([{ Ref: functionRoleId }]);
      // One statement may name the API's other secrets too (read at cold start together): the cursor secret is among them.
      expect([s.Resource].flat()).toContainEqual({ Ref: secretId });
      // The jobs' links must verify at the API, so they read the same secret, and only read it.
      const inJobs = secretStatements(dev.jobs);
      expect(inJobs).toHaveLength(3);
      for (const { s: statement } of [...inApi, ...inJobs]) {
        expect(actionsOf(statement).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
      }
    });
  });

  describe('HTTP API', () => {
    it('is an HTTP API without CORS (same-origin through CloudFront)', () => {
      dev.api.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
        CorsConfiguration: Match.absent(),
      });
    });

    it('sends ANY /v1 and ANY /v1/{proxy+} to the function', () => {
      const [integrationId] = onlyResource(dev.api, 'AWS::ApiGatewayV2::Integration');
      dev.api.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        IntegrationUri: { 'Fn::GetAtt': [functionId, 'Arn'] },
        PayloadFormatVersion: '2.0',
      });
      const routes = Object.values(dev.api.findResources('AWS::ApiGatewayV2::Route') as Record<string, CfnResource>);
      expect(routes.map((r) => r.Properties?.['RouteKey']).sort()).toEqual(['ANY /v1', 'ANY /v1/{proxy+}']);
      for (const route of routes) {
        expect(route.Properties?.['Target']).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] });
      }
    });

    it('outputs the API URL', () => {
      dev.api.hasOutput('ApiUrl', { Value: { 'Fn::GetAtt': [Match.anyValue(), 'ApiEndpoint'] } });
    });
  });

  describe('alarms', () => {
    it('alarms on function errors', () => {
      dev.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: functionId } }],
        AlarmActions: [Match.anyValue()],
      });
    });

    it('alarms on API 5xx responses', () => {
      const [apiId] = onlyResource(dev.api, 'AWS::ApiGatewayV2::Api');
      dev.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Metrics: Match.arrayWith([
          Match.objectLike({
            MetricStat: Match.objectLike({
              Metric: Match.objectLike({ MetricName: '5xx', Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }] }),
            }),
          }),
        ]),
        AlarmActions: [Match.anyValue()],
      });
    });
  });
});

/** The API stack holds three secrets (cursor, proxy, Stripe): the cursor secret's logical id. */
function cursorSecretId(api: Template): string {
  const id = Object.keys(api.findResources('AWS::SecretsManager::Secret')).find((k) => k.startsWith('CursorSecret'));
  if (!id) throw new Error('no cursor secret');
  return id;
}
