import { resolve } from 'node:path';
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, FilterCriteria, FilterRule, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { followerEntity, mailEntity, projectEntity, userEntity } from '@mekendesh/db/entities';
import { alarmOnAny } from './api-alarms.js';
import { BUNDLING, grantWebOriginParameter, originEnvironment, REPO_ROOT } from './api-stack.js';

/** The home-notice function's entry (exports homeNoticesHandler): functions/jobs, no API, Cognito, Stripe or S3. */
export const HOME_NOTICES_ENTRY = resolve(REPO_ROOT, 'functions/jobs/src/home-notices.ts');

/**
 * The stream records the function is invoked for: a Project item whose status becomes `published` (the old image has
 * another status). Lambda filters the rest of the table's writes out before invoking; an INSERT (seeded data) has no
 * old image and never matches.
 */
const HOME_NOTICE_FILTER = FilterCriteria.filter({
  eventName: FilterRule.isEqual('MODIFY'),
  dynamodb: {
    OldImage: { status: { S: FilterRule.notEquals('published') } },
    NewImage: { entity: { S: FilterRule.isEqual(projectEntity.name) }, status: { S: FilterRule.isEqual('published') } },
  },
});

export interface HomeNoticesFunctionProps {
  readonly table: ITable;
  readonly removalPolicy: RemovalPolicy;
  /** The API's cursor secret: the notices' unsubscribe links are signed with a key derived from it. */
  readonly cursorSecret?: ISecret;
  readonly stageName: string;
  /** Given with a custom domain; otherwise the origin is read at cold start from the web stack's parameter. */
  readonly webOrigin?: string;
  readonly apiOrigin?: string;
}

/**
 * Tells a rayon's home followers of a newly published project (issue 12; functions/jobs/src/home-notices.ts): a
 * function on the table's stream, one record per invocation (a fan-out reads the followers a page of 100 at a time and
 * queues one mail each; the mail function sends them). A failing record is retried, then goes to a dead-letter queue;
 * the retries queue nothing twice (one mail per project and person).
 */
export class HomeNoticesFunction extends Construct {
  readonly fn: NodejsFunction;
  /** Where publications whose notices could not be queued end up, kept 14 days. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: HomeNoticesFunctionProps) {
    super(scope, id);
    this.fn = new NodejsFunction(this, 'Function', {
      entry: HOME_NOTICES_ENTRY,
      handler: 'homeNoticesHandler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      // Tens of thousands of followers: a page of 100 (one Query, then a Get and a Put each) takes well under a second.
      timeout: Duration.minutes(5),
      logGroup: new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH, removalPolicy: props.removalPolicy }),
      environment: {
        TABLE_NAME: props.table.tableName,
        MAIL_DELIVERY: 'stream',
        ...originEnvironment(props.stageName, props),
      },
      bundling: BUNDLING,
    });
    grantWebOriginParameter(this.fn, props.stageName);
    if (props.cursorSecret) {
      this.fn.addEnvironment('CURSOR_SECRET_ARN', props.cursorSecret.secretArn);
      props.cursorSecret.grantRead(this.fn);
    }
    this.deadLetters = new Queue(this, 'DeadLetters', { retentionPeriod: Duration.days(14), enforceSSL: true });
    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        filters: [HOME_NOTICE_FILTER],
        batchSize: 1,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.deadLetters),
      }),
    );
    this.grantTable(props.table);
    alarmOnAny(this, 'Errors', {
      description: 'Mekendesh: the home-notice function failed',
      metric: this.fn.metricErrors({ period: Duration.minutes(15) }),
    });
    alarmOnAny(this, 'DeadLettersWaiting', {
      description: 'Mekendesh: home-district notices were given up on (dead-letter queue); rerun them from the message',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
    });
  }

  /**
   * Reads only the project, the rayon's followers and the readers (GetItem, Query on the table's own key), and writes
   * only queued mail (a conditional PutItem): each limited to its partitions by dynamodb:LeadingKeys.
   */
  private grantTable(table: ITable): void {
    const prefix = (pk: string) => `${pk}*`;
    const leadingKeys = (keys: string[]) => ({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys } });
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn],
        conditions: leadingKeys([
          prefix(projectEntity.pk({ id: '' })),
          prefix(followerEntity.pk({ type: 'territory', targetId: '', userId: '' })),
          prefix(userEntity.pk({ id: '' })),
        ]),
      }),
    );
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: leadingKeys([prefix(mailEntity.pk({ id: '' }))]),
      }),
    );
  }
}
