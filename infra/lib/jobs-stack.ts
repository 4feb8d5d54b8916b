import { resolve } from 'node:path';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { mailEntity } from '@mekendesh/db/entities';
// Names only (the file has no imports): the metric the digest function writes is the one alarmed on here.
import { DIGEST_METRICS, JOB_METRICS_NAMESPACE } from '../../functions/jobs/src/job-metrics.js';
import { alarmOnAny } from './api-alarms.js';
import { BUNDLING, grantWebOriginParameter, originEnvironment, REPO_ROOT } from './api-stack.js';
import { HomeNoticesFunction } from './home-notices-function.js';
import { MailFunction } from './mail-function.js';
import type { StageConfig } from './stage.js';

/**
 * The scheduled functions' entry points, one bundle each (functions/jobs: its own small composition, so neither
 * bundle carries the API's routes nor its identity, payment and storage adapters).
 */
export const JOB_ENTRIES = {
  /** Exports ratesHandler. */
  rates: resolve(REPO_ROOT, 'functions/jobs/src/rates.ts'),
  /** Exports deadlinesHandler. */
  deadlines: resolve(REPO_ROOT, 'functions/jobs/src/deadlines.ts'),
  /** Exports digestsHandler. */
  digests: resolve(REPO_ROOT, 'functions/jobs/src/digests.ts'),
  /** Exports mailSweepHandler. */
  mailSweep: resolve(REPO_ROOT, 'functions/jobs/src/mail-sweep.ts'),
} as const;

/**
 * Bishkek's offset from UTC, hours: +6 all year, no daylight saving since 12 August 2005 (IANA tz database,
 * zone Asia/Bishkek; the domain's calendar, packages/domain/src/bishkek-calendar.ts, rests on the same fact).
 */
const BISHKEK_UTC_OFFSET_HOURS = 6;

/**
 * An every-day EventBridge schedule at a Bishkek wall-clock time. EventBridge rules read cron in UTC, so
 * the hour is moved back six hours (into the day before for Bishkek times before 06:00).
 * @example dailyAtBishkekTime({ hour: 0, minute: 5 }) // cron(5 18 * * ? *): 00:05 in Bishkek
 */
export function dailyAtBishkekTime(at: { hour: number; minute: number }): Schedule {
  if (!Number.isInteger(at.hour) || at.hour < 0 || at.hour > 23 || !Number.isInteger(at.minute) || at.minute < 0 || at.minute > 59) {
    throw new RangeError(`not a time of day: ${at.hour}:${at.minute}`);
  }
  return Schedule.cron({ minute: String(at.minute), hour: String((at.hour - BISHKEK_UTC_OFFSET_HOURS + 24) % 24) });
}

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/**
 * A weekly EventBridge schedule at a Bishkek weekday and wall-clock time, moved to UTC (the day before for Bishkek
 * times before 06:00).
 * @example weeklyAtBishkekTime({ weekday: 'MON', hour: 8, minute: 0 }) // cron(0 2 ? * MON *)
 */
export function weeklyAtBishkekTime(at: { weekday: (typeof WEEKDAYS)[number]; hour: number; minute: number }): Schedule {
  dailyAtBishkekTime(at); // throws a RangeError for what is not a time of day
  const day = WEEKDAYS.indexOf(at.weekday);
  const utcDay = at.hour < BISHKEK_UTC_OFFSET_HOURS ? (day + 6) % 7 : day;
  return Schedule.cron({
    minute: String(at.minute),
    hour: String((at.hour - BISHKEK_UTC_OFFSET_HOURS + 24) % 24),
    weekDay: WEEKDAYS[utcDay]!,
  });
}

export interface JobsStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly table: ITable;
  /** The sender of the mail function's emails (SES identity); the API's default sender unless given. */
  readonly mailFrom?: string;
  /** The API's cursor secret: the digest signs its unsubscribe links with a key derived from it, as the API checks them. */
  readonly cursorSecret?: ISecret;
  /**
   * The web app's origin (links in the digest) and the API's (List-Unsubscribe) when a custom domain fixes them; otherwise
   * read at cold start from the web stack's parameter (WEB_ORIGIN_PARAMETER).
   */
  readonly webOrigin?: string;
  readonly apiOrigin?: string;
  /** The SES configuration set the mail function sends with (alerts-stack.ts, mail-identity.ts). */
  readonly mailConfigurationSet?: string;
  /** Reserve concurrency for the jobs and the mail function (JOB_RESERVED_CONCURRENCY, MAIL_RESERVED_CONCURRENCY); default true. */
  readonly reserveConcurrency?: boolean;
}

/**
 * How a scheduled run is retried. EventBridge invokes asynchronously: a run that throws is retried twice by Lambda
 * (the function's retryAttempts/maxEventAge), one EventBridge could not deliver is retried by the rule target; either
 * way the event then lands in the job's one dead-letter queue (alarmed). A day's run older than 6 h is better rerun by hand.
 */
const JOB_RETRY = { retryAttempts: 2, maxEventAge: Duration.hours(6) } as const;

/**
 * Scheduled jobs run one at a time (reserved concurrency 1): a retry or a manual run never overlaps a running one, and a
 * burst of them cannot take the account's concurrency from the API.
 */
export const JOB_RESERVED_CONCURRENCY = 1;

/**
 * Scheduled functions: the National Bank's exchange rates every morning (Bishkek time), and the deadline job
 * just after Bishkek midnight (projects whose deadline day is over settle; pledges of expired ones go back); and, on the
 * table's stream, the mail function, which sends the emails the API writes pending (mail-function.ts), and the
 * home-notice function, which tells home followers of a newly published project (home-notices-function.ts).
 */
export class JobsStack extends Stack {
  readonly ratesFunction: NodejsFunction;
  readonly deadlinesFunction: NodejsFunction;
  readonly digestsFunction: NodejsFunction;
  readonly mailSweepFunction: NodejsFunction;
  readonly mail: MailFunction;
  readonly homeNotices: HomeNoticesFunction;
  /** Each scheduled job's dead-letter queue (events EventBridge gave up on), by job name. */
  readonly deadLetters: Record<string, Queue> = {};

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    // 09:00 in Bishkek (03:00 UTC), every day: the NBKR sets its rates at 15:00-15:30 Bishkek time, in force from the
    // next calendar day (weekend days included), so by morning the feed holds the rate of the day.
    this.ratesFunction = this.job(
      { name: 'Rates', entry: JOB_ENTRIES.rates, handler: 'ratesHandler', schedule: dailyAtBishkekTime({ hour: 9, minute: 0 }) },
      props,
    );
    // It only puts rate tables (PutItem): no read rights.
    props.table.grantWriteData(this.ratesFunction);
    // 00:05 in Bishkek (18:05 UTC the day before): a deadline day is over at Bishkek midnight, and the job
    // settles the projects whose deadline is before today in Bishkek.
    this.deadlinesFunction = this.job(
      {
        name: 'Deadlines',
        entry: JOB_ENTRIES.deadlines,
        handler: 'deadlinesHandler',
        schedule: dailyAtBishkekTime({ hour: 0, minute: 5 }),
      },
      props,
    );
    // It reads projects and pledges and books transactions on them, and queues the funded and refund emails.
    props.table.grantReadWriteData(this.deadlinesFunction);
    this.readOrigins(this.deadlinesFunction, props);
    if (props.cursorSecret) {
      // Its emails' unsubscribe links are signed with a key derived from the API's cursor secret, as the API checks them.
      this.deadlinesFunction.addEnvironment('CURSOR_SECRET_ARN', props.cursorSecret.secretArn);
      props.cursorSecret.grantRead(this.deadlinesFunction);
    }
    // Monday 08:00 in Bishkek (02:00 UTC): the digest of the Bishkek week that ended at midnight, read by morning.
    this.digestsFunction = this.job(
      {
        name: 'Digests',
        entry: JOB_ENTRIES.digests,
        handler: 'digestsHandler',
        schedule: weeklyAtBishkekTime({ weekday: 'MON', hour: 8, minute: 0 }),
      },
      props,
    );
    // It reads follows, the facet index and users, and queues mail (PutItem/UpdateItem); the mail function sends it.
    props.table.grantReadWriteData(this.digestsFunction);
    this.digestsFunction.addEnvironment('MAIL_DELIVERY', 'stream');
    this.readOrigins(this.digestsFunction, props);
    if (props.cursorSecret) {
      this.digestsFunction.addEnvironment('CURSOR_SECRET_ARN', props.cursorSecret.secretArn);
      props.cursorSecret.grantRead(this.digestsFunction);
    }
    this.alarmOnDigestFailures(props);
    // Every 10 minutes: mail claimed by a sender that died goes back to pending (the mail function sends it again).
    this.mailSweepFunction = this.job(
      { name: 'MailSweep', entry: JOB_ENTRIES.mailSweep, handler: 'mailSweepHandler', schedule: Schedule.rate(Duration.minutes(10)) },
      props,
    );
    this.grantMailSweep(props.table);
    this.mail = new MailFunction(this, 'Mail', {
      table: props.table,
      removalPolicy: props.stage.removalPolicy,
      ...(props.mailFrom ? { mailFrom: props.mailFrom } : {}),
      ...(props.mailConfigurationSet ? { configurationSet: props.mailConfigurationSet } : {}),
      reserveConcurrency: props.reserveConcurrency ?? true,
    });
    // A project published by staff: its rayon's home followers are told from the stream, not in the approval request.
    this.homeNotices = new HomeNoticesFunction(this, 'HomeNotices', {
      table: props.table,
      removalPolicy: props.stage.removalPolicy,
      stageName: props.stage.name,
      ...(props.webOrigin ? { webOrigin: props.webOrigin } : {}),
      ...(props.apiOrigin ? { apiOrigin: props.apiOrigin } : {}),
      ...(props.cursorSecret ? { cursorSecret: props.cursorSecret } : {}),
    });
    // Every alarm of the stack tells the stage's one topic (added by createApp: monitoring.ts notifyOneTopic).
  }

  /** The site's origin for links: the web stack's parameter (read at cold start), or the origins given. */
  private readOrigins(fn: NodejsFunction, props: JobsStackProps): void {
    for (const [name, value] of Object.entries(originEnvironment(props.stage.name, props))) fn.addEnvironment(name, value);
    grantWebOriginParameter(fn, props.stage.name);
  }

  /**
   * A digest run goes on past a subscriber whose digest fails (counted, logged), so the function ends well: its own
   * metric (DigestsFailed, an EMF line from digestsHandler) raises the alarm. A rerun of the week sends only those.
   */
  private alarmOnDigestFailures(props: JobsStackProps): void {
    const failed = new Metric({
      namespace: JOB_METRICS_NAMESPACE,
      metricName: DIGEST_METRICS.failed,
      dimensionsMap: { Function: this.digestsFunction.functionName },
      statistic: 'Sum',
      period: Duration.hours(1),
    });
    alarmOnAny(this, 'DigestsFailed', {
      description: `Mekendesh ${props.stage.name}: digests of some subscribers could not be made (logs: "digest failed"); rerun the week`,
      metric: failed,
    });
  }

  /** The sweep reads the claimed-mail index (gsi3) and updates mail items only: no other action, no other partition. */
  private grantMailSweep(table: ITable): void {
    this.mailSweepFunction.addToRolePolicy(
      new PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/gsi3`] }),
    );
    this.mailSweepFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${mailEntity.pk({ id: '' })}*`] } },
      }),
    );
  }

  /** One scheduled function with its log group, its EventBridge rule and an alarm on errors; table grants are the caller's. */
  private job(
    { name, entry, handler, schedule }: { name: string; entry: string; handler: string; schedule: Schedule },
    props: JobsStackProps,
  ): NodejsFunction {
    const deadLetterQueue = new Queue(this, `${name}DeadLetters`, { retentionPeriod: Duration.days(14), enforceSSL: true });
    const fn = new NodejsFunction(this, `${name}Function`, {
      entry,
      handler,
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.minutes(5),
      logGroup: new LogGroup(this, `${name}Logs`, { retention: RetentionDays.ONE_MONTH, removalPolicy: props.stage.removalPolicy }),
      // No --enable-source-maps: a logged stack is mapped when logged (packages/lambda-runtime source-mapped-stack.ts).
      environment: { TABLE_NAME: props.table.tableName },
      ...(props.reserveConcurrency === false ? {} : { reservedConcurrentExecutions: JOB_RESERVED_CONCURRENCY }),
      deadLetterQueue,
      ...JOB_RETRY,
      bundling: BUNDLING,
    });
    this.deadLetters[name] = deadLetterQueue;
    new Rule(this, `${name}Schedule`, { schedule, targets: [new LambdaFunction(fn, { ...JOB_RETRY, deadLetterQueue })] });
    alarmOnAny(this, `${name}Errors`, {
      description: `Mekendesh ${props.stage.name}: the ${name.toLowerCase()} job failed`,
      metric: fn.metricErrors({ period: Duration.hours(1) }),
    });
    alarmOnAny(this, `${name}DeadLettersWaiting`, {
      description: `Mekendesh ${props.stage.name}: a ${name.toLowerCase()} run was given up on after its retries (dead-letter queue); run it again`,
      metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    });
    return fn;
  }
}
