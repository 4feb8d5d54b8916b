import { Tags, type App, type Environment } from 'aws-cdk-lib';
import { ApiStack } from './api-stack.js';
import { DataStack } from './data-stack.js';
import { IdentityStack } from './identity-stack.js';
import { JobsStack } from './jobs-stack.js';
import { MediaStack } from './media-stack.js';
import { stageConfig } from './stage.js';

export interface CreateAppOptions {
  readonly stage: string;
  readonly alarmEmail?: string | undefined;
  /** Overrides the API Lambda entry file (experiments only). */
  readonly apiEntry?: string;
  /** Origins allowed to upload to the media bucket; defaults to the production site (and localhost outside prod). */
  readonly webOrigins?: readonly string[];
}

export interface MekendeshStacks {
  readonly data: DataStack;
  readonly api: ApiStack;
  readonly identity: IdentityStack;
  readonly media: MediaStack;
  readonly jobs: JobsStack;
}

/**
 * Adds every Mekendesh stack for one stage to `app`. Shared by bin/app.ts and the tests, so the
 * tests assert on exactly what `cdk synth` produces.
 */
export function createApp(app: App, options: CreateAppOptions): MekendeshStacks {
  const stage = stageConfig(options.stage);
  // Environment-agnostic unless the CLI supplies an account/region; nothing is looked up at synth.
  const env: Environment = {
    account: process.env['CDK_DEFAULT_ACCOUNT'],
    region: process.env['CDK_DEFAULT_REGION'],
  };
  const prefix = `Mekendesh-${stage.name}`;

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

  Tags.of(app).add('project', 'mekendesh');
  Tags.of(app).add('stage', stage.name);
  return { data, api, identity, media, jobs };
}
