import { Tags, type App, type Environment } from 'aws-cdk-lib';
import { AlertsStack } from './alerts-stack.js';
import { ApiStack, DEFAULT_MAIL_FROM } from './api-stack.js';
import { DataStack } from './data-stack.js';
import { EdgeStack } from './edge-stack.js';
import { IdentityStack } from './identity-stack.js';
import { JobsStack } from './jobs-stack.js';
import { MediaStack } from './media-stack.js';
import { alarmEveryDeadLetterQueue, alarmEveryFunction, notifyOneTopic } from './monitoring.js';
import { acknowledgeNagFindings } from './nag-suppressions.js';
import { OpsStack } from './ops-stack.js';
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
  /** The platform's sender (`-c mailFrom=no-reply@example.org`); its domain becomes the SES identity. */
  readonly mailFrom?: string | undefined;
  /**
   * Reserved concurrency for the scheduled jobs (1) and the mail function (2); true unless the account's Lambda quota is
   * still a new account's 10, where Lambda refuses any reservation (it keeps 10 unreserved).
   */
  readonly reserveConcurrency?: boolean | undefined;
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
  readonly ops: OpsStack;
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
  const mailFrom = options.mailFrom ?? DEFAULT_MAIL_FROM;
  // With a custom domain the site's origin is known at synth; without one functions read it from the web stack's parameter.
  const origins = options.domain ? { webOrigin: `https://${options.domain}` } : {};

  const alerts = new AlertsStack(app, `${prefix}-Alerts`, {
    env,
    stage,
    alarmEmail: options.alarmEmail,
    mailFrom,
    description: `Mekendesh ${stage.name}: the alarm topic and the sender's SES identity`,
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
    alarmTopic: alerts.topic,
    accessLogs: alerts.accessLogs,
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
    mailFrom,
    mailConfigurationSet: alerts.mail.configurationSetName,
    ...origins,
    description: `Mekendesh ${stage.name}: HTTP API and its Lambda`,
    terminationProtection: stage.isProd,
    ...(options.apiEntry ? { entry: options.apiEntry } : {}),
  });

  const jobs = new JobsStack(app, `${prefix}-Jobs`, {
    env,
    stage,
    table: data.table,
    cursorSecret: api.cursorSecret,
    mailFrom,
    reserveConcurrency: options.reserveConcurrency ?? true,
    mailConfigurationSet: alerts.mail.configurationSetName,
    ...origins,
    description: `Mekendesh ${stage.name}: scheduled functions (exchange rates, deadlines, weekly digests)`,
    terminationProtection: stage.isProd,
  });

  const web = new WebStack(app, `${prefix}-Web`, {
    env,
    stage,
    edge,
    httpApi: api.httpApi,
    mediaBucket: media.bucket,
    alarmTopic: alerts.topic,
    proxySecret: api.proxySecret,
    accessLogs: alerts.accessLogs,
    domain: options.domain,
    crossRegionReferences: true,
    description: `Mekendesh ${stage.name}: the web app (SSR function, assets, CloudFront)`,
    terminationProtection: stage.isProd,
  });

  const regional = [alerts, data, identity, media, api, jobs, web];
  // Every function gets error and throttle alarms, every dead-letter queue one, and every alarm the one topic.
  alarmEveryFunction(regional);
  alarmEveryDeadLetterQueue(regional);
  const ops = new OpsStack(app, `${prefix}-Ops`, {
    env,
    stage,
    httpApi: api.httpApi,
    table: data.table,
    mailConfigurationSet: alerts.mail.configurationSetName,
    watched: regional,
    description: `Mekendesh ${stage.name}: the CloudWatch dashboard`,
  });
  notifyOneTopic([...regional, ops], alerts.topic);
  // The AWS Solutions findings we accept, with their reasons (the nag test applies the checks to exactly this app).
  acknowledgeNagFindings([...regional, edge, ops]);

  Tags.of(app).add('project', 'mekendesh');
  Tags.of(app).add('stage', stage.name);
  return { data, api, identity, media, jobs, alerts, edge, web, ops };
}
