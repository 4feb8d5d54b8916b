import { resolve } from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, FilterCriteria, FilterRule, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { mailEntity } from '@mekendesh/db/entities';
import { alarmOnAny } from './api-alarms.js';
import { BUNDLING, DEFAULT_MAIL_FROM, REPO_ROOT, sendEmailStatement } from './api-stack.js';

/** The mail function's entry (exports mailHandler): functions/jobs, so its bundle carries no API, Cognito, Stripe or S3. */
export const MAIL_ENTRY = resolve(REPO_ROOT, 'functions/jobs/src/mail.ts');

/**
 * The stream records the mail function is invoked for: a queued mail (mailEntity) written or changed to `pending`.
 * Lambda filters them out of the table's stream before invoking, so the function runs only for mail to send.
 */
const MAIL_STREAM_FILTER = FilterCriteria.filter({
  dynamodb: { NewImage: { entity: { S: FilterRule.isEqual(mailEntity.name) }, status: { S: FilterRule.isEqual('pending') } } },
});

export interface MailFunctionProps {
  readonly table: ITable;
  /** The SES identity that sends (MAIL_FROM); the API's default sender unless given. */
  readonly mailFrom?: string;
  /** The SES configuration set it sends with (SES_CONFIGURATION_SET): bounces and complaints are counted. */
  readonly configurationSet?: string;
  /** Reserve MAIL_RESERVED_CONCURRENCY (default true; false on an account whose quota is still 10). */
  readonly reserveConcurrency?: boolean;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * At most this many mail functions run at once. Each sends its batch one email after another (~50-100 ms a send), so two
 * stay under SES's sending rate (14 emails/s for a new production account, 1/s in the sandbox, where the excess is
 * throttled and retried) while a burst of pledges never takes the account's concurrency.
 */
export const MAIL_RESERVED_CONCURRENCY = 2;

/**
 * Sends the emails the API writes pending (MAIL_DELIVERY=stream): a function on the table's stream, filtered to
 * pending queued mail, reporting failed records one by one (ReportBatchItemFailures) so that only they are retried;
 * a record still failing after the retries goes to a dead-letter queue (its mail stays pending in the table).
 */
export class MailFunction extends Construct {
  readonly fn: NodejsFunction;
  /** Where the records of mail that could not be sent end up, kept 14 days. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: MailFunctionProps) {
    super(scope, id);
    const from = props.mailFrom ?? DEFAULT_MAIL_FROM;
    this.fn = new NodejsFunction(this, 'Function', {
      entry: MAIL_ENTRY,
      handler: 'mailHandler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(30),
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: props.removalPolicy }),
      environment: {
        TABLE_NAME: props.table.tableName,
        MAIL_FROM: from,
        ...(props.configurationSet ? { SES_CONFIGURATION_SET: props.configurationSet } : {}),
      },
      ...(props.reserveConcurrency === false ? {} : { reservedConcurrentExecutions: MAIL_RESERVED_CONCURRENCY }),
      bundling: BUNDLING,
    });
    this.deadLetters = new Queue(this, 'DeadLetters', { retentionPeriod: Duration.days(14), enforceSSL: true });
    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        filters: [MAIL_STREAM_FILTER],
        batchSize: 10,
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.deadLetters),
      }),
    );
    // deliverMail's claim, mark sent and release are conditional UpdateItems on mail items only (reads come back
    // with the claim's ALL_NEW): no other action, and no other partition.
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${mailEntity.pk({ id: '' })}*`] } },
      }),
    );
    // SESv2 SendEmail with simple content needs ses:SendEmail only, on the sender's domain identity (and its configuration set).
    this.fn.addToRolePolicy(sendEmailStatement(this, from, props.configurationSet));
    // An investor waits for transfer instructions: a failing send, or a record given up on, must be seen.
    alarmOnAny(this, 'Errors', {
      description: 'Mekendesh: the mail function failed',
      metric: this.fn.metricErrors({ period: Duration.minutes(15) }),
    });
    alarmOnAny(this, 'DeadLettersWaiting', {
      description: 'Mekendesh: mail records were given up on (dead-letter queue); their mails stay pending in the table',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    });
  }
}
