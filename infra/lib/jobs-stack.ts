import { resolve } from 'node:path';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { BUNDLING, REPO_ROOT } from './api-stack.js';
import type { StageConfig } from './stage.js';

/** The scheduled functions' entry point (exports ratesHandler and deadlinesHandler). */
export const JOBS_ENTRY = resolve(REPO_ROOT, 'functions/api/src/jobs/scheduled.ts');

export interface JobsStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly table: ITable;
}

/**
 * Scheduled functions: the National Bank's exchange rates every weekday morning (Bishkek time), and the
 * deadline job every night (projects past their deadline settle; pledges of expired ones go back).
 */
export class JobsStack extends Stack {
  readonly ratesFunction: NodejsFunction;
  readonly deadlinesFunction: NodejsFunction;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    // 10:30 in Bishkek (UTC+6): the NBKR publishes the day's rates in the morning.
    this.ratesFunction = this.job('Rates', 'ratesHandler', props, Schedule.cron({ minute: '30', hour: '4', weekDay: 'MON-FRI' }));
    // 00:15 in Bishkek: deadlines are whole days.
    this.deadlinesFunction = this.job('Deadlines', 'deadlinesHandler', props, Schedule.cron({ minute: '15', hour: '18' }));
  }

  private job(name: string, handler: string, props: JobsStackProps, schedule: Schedule): NodejsFunction {
    const fn = new NodejsFunction(this, `${name}Function`, {
      entry: JOBS_ENTRY,
      handler,
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.minutes(5),
      logGroup: new LogGroup(this, `${name}Logs`, { retention: RetentionDays.ONE_MONTH, removalPolicy: props.stage.removalPolicy }),
      environment: { TABLE_NAME: props.table.tableName, NODE_OPTIONS: '--enable-source-maps' },
      bundling: BUNDLING,
    });
    props.table.grantReadWriteData(fn);
    new Rule(this, `${name}Schedule`, { schedule, targets: [new LambdaFunction(fn, { retryAttempts: 2 })] });
    new Alarm(this, `${name}Errors`, {
      alarmDescription: `Mekendesh ${props.stage.name}: the ${name.toLowerCase()} job failed`,
      metric: fn.metricErrors({ period: Duration.hours(1) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    return fn;
  }
}
