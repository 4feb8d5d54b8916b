import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImagesFunction } from '../lib/images-function.js';
import { MediaStack } from '../lib/media-stack.js';
import { stageConfig } from '../lib/stage.js';
import { cdkJsonContext, onlyResource, SYNTH_TIMEOUT_MS, synthesize, type CfnResource, type Synthesized } from './support.js';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** The media stack alone with an alerts topic of another stack, as app.ts wires them (bundling skipped: properties only). */
function mediaStack(outdir: string): Template {
  const context = { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] };
  const app = new App({ outdir, context });
  const env = { account: '111111111111', region: 'eu-central-1' };
  const alerts = new Stack(app, 'Mekendesh-dev-Alerts', { env });
  const topic = new Topic(alerts, 'Topic');
  const media = new MediaStack(app, 'Mekendesh-dev-Media', {
    env,
    stage: stageConfig('dev'),
    webOrigins: ['https://mekendesh.kg'],
    alarmTopic: topic,
  });
  return Template.fromStack(media);
}

describe('the image function (MediaStack)', () => {
  let outdir: string;
  let media: Template;
  let fnId: string;
  let fn: CfnResource;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'mekendesh-media-'));
    media = mediaStack(outdir);
    const ours = Object.entries(media.findResources('AWS::Lambda::Function') as Record<string, CfnResource>).filter(([id]) =>
      id.startsWith('Images'),
    );
    expect(ours).toHaveLength(1);
    [fnId, fn] = ours[0]!;
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('runs on nodejs22.x arm64 with 1.5-2 GB, 60 s and at most 5 at once', () => {
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Timeout: 60,
      ReservedConcurrentExecutions: 5,
      Handler: 'index.handler',
    });
    const memory = fn.Properties!['MemorySize'] as number;
    expect(memory >= 1536 && memory <= 2048).toBe(true);
  });

  it('is invoked by the media bucket for objects created under incoming/ only', () => {
    media.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'incoming/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          },
        ],
      },
    });
  });

  it('may read and delete uploads, write media/, projects/ and checked/, and nothing else of the bucket', () => {
    const role = (fn.Properties!['Role'] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const policies = Object.values(media.findResources('AWS::IAM::Policy') as Record<string, CfnResource>).filter((p) =>
      JSON.stringify(p.Properties?.['Roles']).includes(role),
    );
    const statements = policies.flatMap((p) => (p.Properties!['PolicyDocument'] as { Statement: Statement[] }).Statement);
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    const prefixesOf = (action: string) =>
      s3
        .filter((s) => actionsOf(s).includes(action))
        .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]))
        .map((r) => JSON.stringify(r).match(/\/([a-z]+\/)\*/)?.[1] ?? 'bucket')
        .sort();
    expect(prefixesOf('s3:GetObject')).toEqual(['checked/', 'incoming/']);
    expect(prefixesOf('s3:PutObject')).toEqual(['checked/', 'media/', 'projects/']);
    expect(prefixesOf('s3:DeleteObject')).toEqual(['incoming/', 'media/', 'projects/']);
    expect(prefixesOf('s3:ListBucket')).toEqual(['bucket']);
    expect(s3.flatMap(actionsOf).sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']);
    // Failed events go to its dead-letter queue.
    expect(statements.some((s) => actionsOf(s).includes('sqs:SendMessage'))).toBe(true);
  });

  it('dead-letters failed events, and alarms on errors and dead letters to the alerts topic', () => {
    const [queueId] = onlyResource(media, 'AWS::SQS::Queue');
    expect(fn.Properties!['DeadLetterConfig']).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    media.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2 });
    const topic = Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('Mekendesh-dev-Alerts') });
    media.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
      AlarmActions: [topic],
    });
    media.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      AlarmActions: [topic],
    });
  });
});

describe('the API with the image function', () => {
  let dev: Synthesized | undefined;
  beforeAll(() => {
    dev = synthesize('dev', { bundle: false });
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => dev?.dispose());

  it('reads the markers (IMAGE_PIPELINE=function) and its alarms notify the alerts topic', () => {
    dev!.api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ IMAGE_PIPELINE: 'function', MEDIA_BUCKET: Match.anyValue() }) },
    });
    dev!.media.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      AlarmActions: [Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('Mekendesh-dev-Alerts') })],
    });
  });
});

describe('the image function bundle', () => {
  let outdir: string;
  let assetDir: string;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'mekendesh-images-'));
    const app = new App({ outdir, context: cdkJsonContext() });
    const stack = new Stack(app, 'Images', { env: { region: 'eu-central-1' } });
    new ImagesFunction(stack, 'Images', { bucket: new Bucket(stack, 'Bucket'), removalPolicy: RemovalPolicy.DESTROY });
    app.synth();
    const assets = readdirSync(outdir).filter((d) => d.startsWith('asset.') && existsSync(join(outdir, d, 'index.mjs')));
    expect(assets).toHaveLength(1);
    assetDir = join(outdir, assets[0]!);
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it("carries sharp's linux-arm64 binding and libvips beside the bundle, and leaves sharp out of it", () => {
    const modules = join(assetDir, 'node_modules');
    expect(existsSync(join(modules, '@img/sharp-linux-arm64/lib/sharp-linux-arm64-0.35.5.node'))).toBe(true);
    const libvips = readdirSync(join(modules, '@img/sharp-libvips-linux-arm64/lib'));
    expect(libvips.some((f) => f.startsWith('libvips-cpp.so'))).toBe(true);
    for (const dep of ['sharp/dist/index.mjs', 'detect-libc/package.json', 'semver/package.json', '@img/colour/package.json']) {
      expect(existsSync(join(modules, dep)), dep).toBe(true);
    }
    // The ELF header of the binding says AArch64 (e_machine 183), whatever machine synthesized it.
    const elf = readFileSync(join(modules, '@img/sharp-linux-arm64/lib/sharp-linux-arm64-0.35.5.node'));
    expect(elf.readUInt16LE(18)).toBe(183);
    const bundle = readFileSync(join(assetDir, 'index.mjs'), 'utf8');
    expect(bundle).toMatch(/import\(["']sharp["']\)/);
    expect(bundle).not.toContain('libvips.cjs');
  });
});
