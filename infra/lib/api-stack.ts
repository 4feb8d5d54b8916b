import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArnFormat, CfnOutput, Duration, SecretValue, Stack, type StackProps } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Architecture, Runtime, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { addApiAlarms } from './api-alarms.js';
import type { StageConfig } from './stage.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The platform's sender (SES identity) unless a stack is given another. */
export const DEFAULT_MAIL_FROM = 'no-reply@mekendesh.kg';
const SWAGGER_UI_DIR = dirname(createRequire(resolve(here, '../../functions/api/package.json')).resolve('swagger-ui-dist/package.json'));

/** Workspace root: holds pnpm-lock.yaml, which NodejsFunction needs to find the project. */
export const REPO_ROOT = resolve(here, '../..');
/** The API's Lambda entry point (exports `handler = handle(app)`). */
const API_ENTRY = resolve(REPO_ROOT, 'functions/api/src/lambda.ts');

// esbuild's ESM output has no `require`; some bundled CommonJS dependencies still call it.
const ESM_REQUIRE_SHIM =
  "import { createRequire as __mkCreateRequire } from 'node:module';" + 'const require = __mkCreateRequire(import.meta.url);';

/** How every function of ours is bundled: one ESM file per entry, minified, with the AWS SDK inside. */
export const BUNDLING = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_SHIM,
  minify: true,
  sourceMap: true,
  // Stack traces need file and line only; leaving out the sources keeps the zip small.
  sourcesContent: false,
  target: 'node22',
  // The runtime ships an SDK v3, but not the version we pin and test against: bundle it all.
  // sharp is native (libvips): left out of the bundle. Without it the API takes no photo (409): photos are never served
  // unprocessed (packages/domain image-intake). Taking photos in the cloud needs sharp for linux-arm64 beside the bundle.
  externalModules: ['sharp'],
};

export interface ApiStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly table: ITable;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  /** Project photos and documents; without it the upload routes answer 409. */
  readonly mediaBucket?: IBucket;
  /** Sender of the platform's own emails (SES identity); Cognito sends its codes itself. */
  readonly mailFrom?: string;
  /** The web app's origin (links in emails) and the API's public origin (List-Unsubscribe, RFC 8058); production's unless given. */
  readonly webOrigin?: string;
  readonly apiOrigin?: string;
  /** Overrides the Lambda entry file (experiments only); defaults to {@link API_ENTRY}. */
  readonly entry?: string;
  /** Application log level passed to the function as LOG_LEVEL. */
  readonly logLevel?: string;
  /** The SES configuration set every email is sent with (bounce and complaint events; alerts-stack.ts). */
  readonly mailConfigurationSet?: string;
  /** Steady requests per second and burst the HTTP API's default route takes before answering 429 ({@link API_THROTTLE}). */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

/**
 * The name of the SSM String parameter holding the site's origin (`https://<domain or distribution>`), written by the
 * web stack once the distribution exists; functions read it at cold start (WEB_ORIGIN_PARAMETER → WEB_ORIGIN). A name,
 * not a reference, so the API does not depend on the distribution that depends on it.
 */
export function webOriginParameterName(stageName: string): string {
  return `/mekendesh/${stageName}/web-origin`;
}

/**
 * The HTTP API's default-route throttle. Each request is one API function invocation of ~100 ms at 1024 MB, so
 * 100 requests/s hold ~10 concurrent executions, a hundredth of a standard account's 1,000, leaving the rest to the
 * web function and the jobs; the burst of 200 absorbs a page's parallel calls from many visitors at once. Above it
 * API Gateway answers 429 before a function or the table is touched (the WAF stops single abusive addresses earlier).
 */
export const API_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * One JSON line per request in the access log. status and latency are numbers (metric filters compare them); path is
 * there so the webhook's failures can be counted (api-alarms.ts).
 */
export const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  time: '$context.requestTime',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  responseLength: '$context.responseLength',
  userAgent: '$context.identity.userAgent',
})
  // Unquoted, so the line has numbers: "status":200, "latency":12.
  .replace('"$context.status"', '$context.status')
  .replace('"$context.responseLatency"', '$context.responseLatency');

/** The Hono API as one bundled Lambda behind an API Gateway HTTP API, with its alarms. */
export class ApiStack extends Stack {
  readonly apiFunction: NodejsFunction;
  /** Signs the API's list cursors (HMAC); one value for every instance, so a cursor works on any of them. */
  readonly cursorSecret: Secret;
  /** Shared by the web function and the API: the web server's requests may say which visitor they are for (rate limits). */
  readonly proxySecret: Secret;
  /**
   * Stripe's keys as JSON, `{"secretKey":"sk_…","webhookSecret":"whsec_…"}`, set by the operator (README, deployment);
   * created holding `{}`, which leaves card payments off (bank transfers work).
   */
  readonly stripeSecret: Secret;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage, table } = props;

    const logGroup = new LogGroup(this, 'ApiFunctionLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: stage.removalPolicy,
    });

    // Generated by Secrets Manager and never in the template; the function gets its ARN and reads it at start (lambda.ts).
    this.cursorSecret = new Secret(this, 'CursorSecret', {
      description: `Mekendesh ${stage.name}: HMAC key of the API's list cursors`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: stage.removalPolicy,
    });

    this.proxySecret = new Secret(this, 'ProxySecret', {
      description: `Mekendesh ${stage.name}: shared by the web function and the API (x-mekendesh-proxy)`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
      removalPolicy: stage.removalPolicy,
    });
    this.stripeSecret = new Secret(this, 'StripeSecret', {
      description: `Mekendesh ${stage.name}: Stripe secret key and webhook signing secret, JSON {"secretKey","webhookSecret"}`,
      // A fixed '{}' (no key yet) is the intended placeholder: nothing secret is in the template.
      secretStringValue: SecretValue.unsafePlainText('{}'),
      removalPolicy: stage.removalPolicy,
    });

    // No reserved concurrency: reserving takes from the account's pool even when idle, and a new account may have only
    // 10 concurrent executions in all (Lambda keeps 10 unreserved, so any reservation there fails the deploy). The API's
    // bursts are capped in front of it instead: the stage throttle (API_THROTTLE) and the WAF rate rules.
    this.apiFunction = new NodejsFunction(this, 'ApiFunction', {
      entry: props.entry ?? API_ENTRY,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(10),
      logGroup,
      environment: {
        TABLE_NAME: table.tableName,
        COGNITO_USER_POOL_ID: props.userPool.userPoolId,
        COGNITO_CLIENT_ID: props.userPoolClient.userPoolClientId,
        MAIL_FROM: props.mailFrom ?? DEFAULT_MAIL_FROM,
        // The request ends with its transaction: pledge emails are sent by the stream-triggered mail function (jobs-stack).
        MAIL_DELIVERY: 'stream',
        CURSOR_SECRET_ARN: this.cursorSecret.secretArn,
        PROXY_SECRET_ARN: this.proxySecret.secretArn,
        STRIPE_SECRET_ARN: this.stripeSecret.secretArn,
        // The site's origin is read at cold start from the parameter the web stack writes; a given origin wins (-c domain=).
        ...originEnvironment(stage.name, props),
        ...(props.mailConfigurationSet ? { SES_CONFIGURATION_SET: props.mailConfigurationSet } : {}),
        // Uploads are checked by the image function (MediaStack); completing reads its marker (packages/domain upload-checks.ts).
        ...(props.mediaBucket ? { MEDIA_BUCKET: props.mediaBucket.bucketName, IMAGE_PIPELINE: 'function' } : {}),
        // No --enable-source-maps: it reads every map on each cold start; a logged stack is mapped then (packages/lambda-runtime).
        LOG_LEVEL: props.logLevel ?? (stage.isProd ? 'info' : 'debug'),
      },
      bundling: {
        ...BUNDLING,
        // The API reference page serves swagger-ui's two files from beside the bundle (no CDN).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            // Re-bundled with code splitting (NodejsFunction's --outfile cannot split): Stripe, S3, SES and Secrets Manager
            // go to chunks parsed on first use, not at every cold start (functions/api/bundle.mjs; tests/bench/function-sizes.ts).
            `node "${resolve(REPO_ROOT, 'functions/api/bundle.mjs')}" "${props.entry ?? API_ENTRY}" "${outputDir}"`,
            `mkdir -p "${outputDir}/swagger-ui"`,
            `cp "${SWAGGER_UI_DIR}/swagger-ui-bundle.js" "${SWAGGER_UI_DIR}/swagger-ui.css" "${outputDir}/swagger-ui/"`,
          ],
        },
      },
    });
    // Least privilege: only this function touches the table, and only with item-level actions.
    table.grantReadWriteData(this.apiFunction);
    this.cursorSecret.grantRead(this.apiFunction);
    this.proxySecret.grantRead(this.apiFunction);
    this.stripeSecret.grantRead(this.apiFunction);
    // The cold-start loader reads the three in one BatchGetSecretValue (packages/lambda-runtime). That action has no
    // resource-level permission (Resource "*"), and Secrets Manager still checks GetSecretValue on each secret above.
    this.apiFunction.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:BatchGetSecretValue'], resources: ['*'] }));
    // Uploads are presigned with the function's role: it may put, read (verify, resize) and delete (refused files) objects.
    if (props.mediaBucket) {
      props.mediaBucket.grantPut(this.apiFunction);
      props.mediaBucket.grantRead(this.apiFunction);
      props.mediaBucket.grantDelete(this.apiFunction);
    }
    // Sign-up, sign-in and the rest go through the public client API; only these need admin rights.
    props.userPool.grant(this.apiFunction, 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminDeleteUser');
    this.apiFunction.addToRolePolicy(sendEmailStatement(this, props.mailFrom ?? DEFAULT_MAIL_FROM, props.mailConfigurationSet));
    grantWebOriginParameter(this.apiFunction, stage.name);

    // CORS stays off: the web app reaches the API same-origin, through CloudFront.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `mekendesh-${stage.name}-api`,
      description: `Mekendesh API (${stage.name})`,
    });
    const accessLogs = this.logRequests(stage, props.throttle ?? API_THROTTLE);
    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction);
    for (const path of ['/v1', '/v1/{proxy+}']) {
      this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration });
    }

    addApiAlarms(this, { stageName: stage.name, httpApi: this.httpApi, accessLogs });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
    // Read by `pnpm run deploy` (scripts/deploy/summary.ts): where the operator puts the Stripe keys, which function to restart.
    new CfnOutput(this, 'StripeSecretArn', { value: this.stripeSecret.secretArn });
    new CfnOutput(this, 'ApiFunctionName', { value: this.apiFunction.functionName });
  }

  /** Access logs (ACCESS_LOG_FORMAT) and the default-route throttle on the API's $default stage. */
  private logRequests(stage: StageConfig, throttle: { rateLimit: number; burstLimit: number }): LogGroup {
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: stage.removalPolicy });
    // The default stage is made by HttpApi (so httpApi.url keeps working); its two settings are set on the L1 resource.
    const cfnStage = this.httpApi.defaultStage?.node.defaultChild as CfnStage;
    cfnStage.accessLogSettings = { destinationArn: accessLogs.logGroupArn, format: ACCESS_LOG_FORMAT };
    cfnStage.defaultRouteSettings = { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit };
    return accessLogs;
  }
}

/**
 * WEB_ORIGIN_PARAMETER for a function (the site's origin read at cold start), or, when the operator gives origins
 * (a custom domain), the plain WEB_ORIGIN/API_PUBLIC_URL, which win over the parameter (runtime contract, base14).
 */
export function originEnvironment(stageName: string, origins: { webOrigin?: string; apiOrigin?: string }): Record<string, string> {
  return {
    WEB_ORIGIN_PARAMETER: webOriginParameterName(stageName),
    ...(origins.webOrigin ? { WEB_ORIGIN: origins.webOrigin } : {}),
    ...(origins.apiOrigin ? { API_PUBLIC_URL: origins.apiOrigin } : {}),
  };
}

/** ssm:GetParameter on the one web-origin parameter of the stage, nothing else. */
export function grantWebOriginParameter(fn: IFunction, stageName: string): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['ssm:GetParameter'],
      resources: [
        // The name starts with '/', which formatArn's 'parameter' + '/' separator would double.
        Stack.of(fn).formatArn({ service: 'ssm', resource: 'parameter', resourceName: webOriginParameterName(stageName).slice(1) }),
      ],
    }),
  );
}

/**
 * ses:SendEmail from the sender's domain identity and, when mail goes out with a configuration set, on that set too
 * (SES authorizes both resources of a send).
 */
export function sendEmailStatement(scope: Construct, mailFrom: string, configurationSet?: string): PolicyStatement {
  const stack = Stack.of(scope);
  return new PolicyStatement({
    actions: ['ses:SendEmail'],
    resources: [
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: mailFrom.split('@')[1] }),
      ...(configurationSet
        ? [
            stack.formatArn({
              service: 'ses',
              resource: 'configuration-set',
              resourceName: configurationSet,
              arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
            }),
          ]
        : []),
    ],
  });
}
