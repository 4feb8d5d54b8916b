import { Tags, type App, type Environment } from 'aws-cdk-lib';
import { AlertsStack } from './alerts-stack.js';
import { ApiStack } from './api-stack.js';
import { DataStack } from './data-stack.js';
import { EdgeStack } from './edge-stack.js';
import { IdentityStack } from './identity-stack.js';
import { JobsStack } from './jobs-stack.js';
import { MediaStack } from './media-stack.js';
import { stageConfig } from './stage.js';
import { WebStack } from './web-stack.js';

export interface CreateAppOptions {
  readonly stage: string;
  readonly alarmEmail?: string | undefined;
  /** Overrides the API Lambda entry file (experiments only). */
  readonly apiEntry?: string;
  /** Origins allowed to upload to the media bucket; defaults to the production site (and localhost outside prod). */
  readonly webOrigins?: readonly string[];
  /** The site's own domain (`-c domain=mekendesh.kg`): its certificate is made in us-east-1; without it, cloudfront.net. */
  readonly domain?: string | undefined;
}

/** Where a stage lives unless the CLI says otherwise (CDK_DEFAULT_REGION): Frankfurt, the nearest region with every service used. */
export const DEFAULT_REGION = 'eu-central-1';

export interface MekendeshStacks {
  readonly data: DataStack;
  readonly api: ApiStack;
  readonly identity: IdentityStack;
  readonly media: MediaStack;
  readonly jobs: JobsStack;
  readonly alerts: AlertsStack;
  readonly edge: EdgeStack;
  readonly web: WebStack;
}

/**
 * Adds every Mekendesh stack for one stage to `app`. Shared by bin/app.ts and the tests, so the
 * tests assert on exactly what `cdk synth` produces.
 */
export function createApp(app: App, options: CreateAppOptions): MekendeshStacks {
  const stage = stageConfig(options.stage);
  // The region is explicit (CloudFront's web ACL and certificate live in us-east-1 and reach the web stack by CDK's
  // cross-region references, which need both regions known); the account comes from the CLI. Nothing is looked up at synth.
  const env: Environment = {
    account: process.env['CDK_DEFAULT_ACCOUNT'],
    region: process.env['CDK_DEFAULT_REGION'] ?? DEFAULT_REGION,
  };
  const prefix = `Mekendesh-${stage.name}`;

  const alerts = new AlertsStack(app, `${prefix}-Alerts`, {
    env,
    stage,
    alarmEmail: options.alarmEmail,
    description: `Mekendesh ${stage.name}: the alarm topic`,
  });
  const edge = new EdgeStack(app, `${prefix}-Edge`, {
    env: { account: env.account, region: 'us-east-1' },
    stage,
    domain: options.domain,
    crossRegionReferences: true,
    description: `Mekendesh ${stage.name}: CloudFront's web ACL and certificate (us-east-1)`,
    terminationProtection: stage.isProd,
  });

  const data = new DataStack(app, `${prefix}-Data`, {
    env,
    stage,
    description: `Mekendesh ${stage.name}: DynamoDB table`,
    terminationProtection: stage.isProd,
  });
  const identity = new IdentityStack(app, `${prefix}-Identity`, {
    env,
    stage,
    description: `Mekendesh ${stage.name}: Cognito user pool, groups and web client`,
    terminationProtection: stage.isProd,
  });
  const media = new MediaStack(app, `${prefix}-Media`, {
    env,
    stage,
    webOrigins: options.webOrigins ?? (stage.isProd ? ['https://mekendesh.kg'] : ['https://mekendesh.kg', 'http://localhost:5173']),
    description: `Mekendesh ${stage.name}: project photos and documents`,
    terminationProtection: stage.isProd,
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    env,
    stage,
    table: data.table,
    userPool: identity.userPool,
    userPoolClient: identity.client,
    mediaBucket: media.bucket,
    description: `Mekendesh ${stage.name}: HTTP API and its Lambda`,
    terminationProtection: stage.isProd,
    ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
    ...(options.apiEntry ? { entry: options.apiEntry } : {}),
  });

  const jobs = new JobsStack(app, `${prefix}-Jobs`, {
    env,
    stage,
    table: data.table,
    cursorSecret: api.cursorSecret,
    description: `Mekendesh ${stage.name}: scheduled functions (exchange rates, deadlines, weekly digests)`,
    terminationProtection: stage.isProd,
    ...(options.alarmEmail ? { alarmEmail: options.alarmEmail } : {}),
  });

  const web = new WebStack(app, `${prefix}-Web`, {
    env,
    stage,
    edge,
    httpApi: api.httpApi,
    mediaBucket: media.bucket,
    alarmTopic: alerts.topic,
    proxySecret: api.proxySecret,
    domain: options.domain,
    crossRegionReferences: true,
    description: `Mekendesh ${stage.name}: the web app (SSR function, assets, CloudFront)`,
    terminationProtection: stage.isProd,
  });

  Tags.of(app).add('project', 'mekendesh');
  Tags.of(app).add('stage', stage.name);
  return { data, api, identity, media, jobs, alerts, edge, web };
}
