import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { addApiAlarms } from './api-alarms.js';
import type { StageConfig } from './stage.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_MAIL_FROM = 'no-reply@mekendesh.kg';
const SWAGGER_UI_DIR = dirname(
  createRequire(resolve(here, '../../functions/api/package.json')).resolve('swagger-ui-dist/package.json'),
);

/** Workspace root: holds pnpm-lock.yaml, which NodejsFunction needs to find the project. */
export const REPO_ROOT = resolve(here, '../..');
/** The API's Lambda entry point (exports `handler = handle(app)`). */
const API_ENTRY = resolve(REPO_ROOT, 'functions/api/src/lambda.ts');

// esbuild's ESM output has no `require`; some bundled CommonJS dependencies still call it.
const ESM_REQUIRE_SHIM =
  "import { createRequire as __mkCreateRequire } from 'node:module';" +
  'const require = __mkCreateRequire(import.meta.url);';

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
  /** Overrides the Lambda entry file (experiments only); defaults to {@link API_ENTRY}. */
  readonly entry?: string;
  /** Application log level passed to the function as LOG_LEVEL. */
  readonly logLevel?: string;
  /** Optional address that receives alarm notifications. */
  readonly alarmEmail?: string;
}

/** The Hono API as one bundled Lambda behind an API Gateway HTTP API, with its alarms. */
export class ApiStack extends Stack {
  readonly apiFunction: NodejsFunction;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage, table } = props;

    const logGroup = new LogGroup(this, 'ApiFunctionLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: stage.removalPolicy,
    });

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
        ...(props.mediaBucket ? { MEDIA_BUCKET: props.mediaBucket.bucketName } : {}),
        NODE_OPTIONS: '--enable-source-maps',
        LOG_LEVEL: props.logLevel ?? (stage.isProd ? 'info' : 'debug'),
      },
      bundling: {
        ...BUNDLING,
        // The API reference page serves swagger-ui's two files from beside the bundle (no CDN).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            `mkdir -p "${outputDir}/swagger-ui"`,
            `cp "${SWAGGER_UI_DIR}/swagger-ui-bundle.js" "${SWAGGER_UI_DIR}/swagger-ui.css" "${outputDir}/swagger-ui/"`,
          ],
        },
      },
    });
    // Least privilege: only this function touches the table, and only with item-level actions.
    table.grantReadWriteData(this.apiFunction);
    // Uploads are presigned with the function's role: it may put, read (verify, resize) and delete (refused files) objects.
    if (props.mediaBucket) {
      props.mediaBucket.grantPut(this.apiFunction);
      props.mediaBucket.grantRead(this.apiFunction);
      props.mediaBucket.grantDelete(this.apiFunction);
    }
    // Sign-up, sign-in and the rest go through the public client API; only these need admin rights.
    props.userPool.grant(this.apiFunction, 'cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminDeleteUser');
    const mailDomain = (props.mailFrom ?? DEFAULT_MAIL_FROM).split('@')[1];
    this.apiFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: mailDomain })],
      }),
    );

    // CORS stays off: the web app reaches the API same-origin, through CloudFront.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `mekendesh-${stage.name}-api`,
      description: `Mekendesh API (${stage.name})`,
    });
    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction);
    for (const path of ['/v1', '/v1/{proxy+}']) {
      this.httpApi.addRoutes({ path, methods: [HttpMethod.ANY], integration });
    }

    addApiAlarms(this, {
      stageName: stage.name,
      apiFunction: this.apiFunction,
      httpApi: this.httpApi,
      alarmEmail: props.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.apiEndpoint });
  }
}
