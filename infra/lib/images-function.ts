import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BUNDLING, REPO_ROOT } from './api-stack.js';

/** The image function's entry (exports `handler`): functions/images, the domain's upload checks with sharp. */
const IMAGES_ENTRY = resolve(REPO_ROOT, 'functions/images/src/handler.ts');

/** Where uploads land (packages/domain `uploadedKey`): only objects created here trigger the function. */
const UPLOAD_PREFIX = 'incoming/';
/** What the function writes: public photos (CloudFront `/media/*`), private documents, and result markers (upload-checks.ts). */
const WRITTEN_PREFIXES = ['media/', 'projects/', 'checked/'] as const;

/**
 * At most this many run at once: each decodes up to 40 megapixels in 1.5-2 GB, and a burst of uploads must not take the
 * account's concurrency from the API. Uploads beyond it wait in Lambda's asynchronous queue (retried for up to 6 hours).
 */
const IMAGES_RESERVED_CONCURRENCY = 5;
/** libvips decodes a 40-megapixel photo in ~160 MB per copy; 1769 MB is one full vCPU on Lambda, so sharp runs at full speed. */
const IMAGES_MEMORY_MB = 1769;

/**
 * sharp and what it loads at run time, for Lambda's linux-arm64 (glibc): its JS (ESM dist), its JS dependencies, the
 * native binding and libvips. pnpm installs the arm64 packages on any machine (pnpm-workspace.yaml `supportedArchitectures`),
 * so synth copies them from node_modules, offline. Paths are the packages' real directories in pnpm's store.
 */
function sharpPackageDirs(): Record<string, string> {
  const sharp = realpathSync(resolve(REPO_ROOT, 'functions/images/node_modules/sharp'));
  const beside = dirname(sharp); // pnpm links a package's dependencies beside it
  const binding = realpathSync(join(beside, '@img/sharp-linux-arm64'));
  const dirs: Record<string, string> = {
    sharp,
    '@img/colour': realpathSync(join(beside, '@img/colour')),
    'detect-libc': realpathSync(join(beside, 'detect-libc')),
    semver: realpathSync(join(beside, 'semver')),
    '@img/sharp-linux-arm64': binding,
    '@img/sharp-libvips-linux-arm64': realpathSync(join(dirname(binding), 'sharp-libvips-linux-arm64')),
  };
  const missing = Object.entries(dirs).filter(([, dir]) => !existsSync(join(dir, 'package.json')));
  if (missing.length) throw new Error(`sharp for linux-arm64 is not installed (${missing.map(([n]) => n).join(', ')}): run pnpm install`);
  return dirs;
}

/** Shell commands that copy {@link sharpPackageDirs} into the bundle's node_modules, where the bundle's `import('sharp')` finds them. */
function copySharp(outputDir: string): string[] {
  return Object.entries(sharpPackageDirs()).flatMap(([name, dir]) => {
    const target = join(outputDir, 'node_modules', name);
    // -L: pnpm's links become files; sharp's own node_modules holds only links to what is copied beside it.
    return [`mkdir -p "${dirname(target)}"`, `cp -RL "${dir}" "${target}"`, `rm -rf "${join(target, 'node_modules')}"`];
  });
}

export interface ImagesFunctionProps {
  /** The media bucket: uploads land under `incoming/`, checked files are written beside them. */
  readonly bucket: Bucket;
  /** The one topic every alarm notifies (AlertsStack); the alarms are made without an action when absent. */
  readonly alarmTopic?: ITopic | undefined;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * The image function (issue 14, "Uploads and media"): S3 invokes it for every object created under `incoming/` of the
 * media bucket; it checks the upload by the domain's rules (packages/domain upload-checks.ts), writes the served
 * copies (photos re-encoded by sharp, with WebP copies) and a result marker, and deletes the upload. The API's
 * completion (IMAGE_PIPELINE=function) reads the marker. Failed invocations are retried twice, then dead-lettered.
 */
export class ImagesFunction extends Construct {
  readonly fn: NodejsFunction;
  /** Events the function failed on after Lambda's retries, kept 14 days (the upload stays under incoming/ for a day). */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: ImagesFunctionProps) {
    super(scope, id);
    const { bucket } = props;
    this.deadLetters = new Queue(this, 'DeadLetters', { retentionPeriod: Duration.days(14), enforceSSL: true });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: IMAGES_ENTRY,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: IMAGES_MEMORY_MB,
      timeout: Duration.seconds(60),
      reservedConcurrentExecutions: IMAGES_RESERVED_CONCURRENCY,
      deadLetterQueue: this.deadLetters,
      retryAttempts: 2,
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: props.removalPolicy }),
      environment: { MEDIA_BUCKET: bucket.bucketName, NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        ...BUNDLING,
        // Native: never bundled, copied beside the bundle for linux-arm64 instead.
        externalModules: ['sharp'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => copySharp(outputDir),
        },
      },
    });
    bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.fn), { prefix: UPLOAD_PREFIX });
    this.grantObjects(bucket);
    this.addAlarms(props.alarmTopic);
  }

  /** Only the object actions the checks use, each on its own prefixes (never the whole bucket's objects). */
  private grantObjects(bucket: Bucket): void {
    const under = (...prefixes: string[]) => prefixes.map((p) => bucket.arnForObjects(`${p}*`));
    // Read (and head) the upload and the marker; delete the upload once its marker is written.
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: under(UPLOAD_PREFIX, 'checked/') }));
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:DeleteObject'], resources: under(UPLOAD_PREFIX, 'media/', 'projects/') }));
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: under(...WRITTEN_PREFIXES) }));
    // Without ListBucket, S3 answers 403 instead of 404 for a missing key, and "no marker yet" would read as a failure.
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
  }

  /** Any failed invocation, and any event given up on, is an upload its owner waits for in vain. */
  private addAlarms(topic: ITopic | undefined): void {
    const alarms = [
      new Alarm(this, 'Errors', {
        alarmDescription: 'Mekendesh: the image function failed (an upload was not checked; Lambda retries it twice)',
        metric: this.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'DeadLettersWaiting', {
        alarmDescription: 'Mekendesh: uploads were given up on by the image function (dead-letter queue)',
        metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    if (topic) for (const alarm of alarms) alarm.addAlarmAction(new SnsAction(topic));
  }
}
