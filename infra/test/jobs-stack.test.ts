import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { DIGEST_METRICS, JOB_METRICS_NAMESPACE } from '../../functions/jobs/src/job-metrics.js';
import { dailyAtBishkekTime, JOB_ENTRIES, weeklyAtBishkekTime } from '../lib/jobs-stack.js';
import { HOME_NOTICES_ENTRY } from '../lib/home-notices-function.js';
import { MAIL_ENTRY } from '../lib/mail-function.js';
import { synthesize, SYNTH_TIMEOUT_MS, type Synthesized } from './support.js';

let dev: Synthesized;

beforeAll(() => {
  dev = synthesize('dev', { bundle: false });
}, SYNTH_TIMEOUT_MS);
afterAll(() => dev?.dispose());

describe('jobs stack', () => {
  it('runs the rates and deadline handlers on nodejs22.x arm64 with the table name', () => {
    for (const handler of ['index.ratesHandler', 'index.deadlinesHandler', 'index.digestsHandler', 'index.mailSweepHandler']) {
      dev.jobs.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) },
      });
    }
  });

  it('fetches rates at 09:00 in Bishkek (03:00 UTC) and settles deadlines at 00:05 in Bishkek (18:05 UTC the day before)', () => {
    const rules = Object.values(dev.jobs.findResources('AWS::Events::Rule')) as {
      Properties: { ScheduleExpression: string; Targets: { Arn: unknown }[] };
    }[];
    const scheduleOf = (fn: string) =>
      rules.find((r) => JSON.stringify(r.Properties.Targets[0]!.Arn).includes(fn))?.Properties.ScheduleExpression;
    expect(scheduleOf('RatesFunction')).toBe('cron(0 3 * * ? *)');
    expect(scheduleOf('DeadlinesFunction')).toBe('cron(5 18 * * ? *)');
  });

  it('sends the weekly digests on Monday at 08:00 in Bishkek (02:00 UTC), queued for the mail function, links signed with the API secret', () => {
    const rules = Object.values(dev.jobs.findResources('AWS::Events::Rule')) as {
      Properties: { ScheduleExpression: string; Targets: { Arn: unknown }[] };
    }[];
    const digest = rules.find((r) => JSON.stringify(r.Properties.Targets[0]!.Arn).includes('DigestsFunction'));
    expect(digest?.Properties.ScheduleExpression).toBe('cron(0 2 ? * MON *)');
    expect(weeklyAtBishkekTime({ weekday: 'MON', hour: 3, minute: 30 }).expressionString).toBe('cron(30 21 ? * SUN *)');
    dev.jobs.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.digestsHandler',
      Environment: {
        Variables: Match.objectLike({
          MAIL_DELIVERY: 'stream',
          CURSOR_SECRET_ARN: Match.anyValue(),
          WEB_ORIGIN_PARAMETER: '/mekendesh/dev/web-origin',
        }),
      },
    });
  });

  it('turns a Bishkek time into the UTC cron EventBridge reads, across midnight', () => {
    const expression = (hour: number, minute: number) => dailyAtBishkekTime({ hour, minute }).expressionString;
    expect(expression(0, 5)).toBe('cron(5 18 * * ? *)');
    expect(expression(5, 59)).toBe('cron(59 23 * * ? *)');
    expect(expression(6, 0)).toBe('cron(0 0 * * ? *)');
    expect(expression(23, 30)).toBe('cron(30 17 * * ? *)');
    expect(() => dailyAtBishkekTime({ hour: 24, minute: 0 })).toThrow(RangeError);
  });

  it('bundles each job from its own entry in functions/jobs, not from the API', () => {
    for (const entry of Object.values(JOB_ENTRIES)) {
      expect(entry).toMatch(/functions\/jobs\/src\/[a-z-]+\.ts$/);
      expect(existsSync(entry)).toBe(true);
    }
  });

  it('lets the rates function only write the table, and the deadline function read and write it', () => {
    const policies = Object.values(dev.jobs.findResources('AWS::IAM::Policy')) as {
      Properties: { Roles: unknown[]; PolicyDocument: { Statement: { Action: string | string[] }[] } };
    }[];
    const actionsOf = (fn: string) =>
      policies
        .filter((p) => JSON.stringify(p.Properties.Roles).includes(fn))
        .flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((st) => [st.Action].flat()));
    expect(actionsOf('RatesFunction')).toContain('dynamodb:PutItem');
    expect(actionsOf('RatesFunction').filter((a) => /dynamodb:(Get|BatchGet|Query|Scan)/.test(a))).toEqual([]);
    expect(actionsOf('DeadlinesFunction')).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem']));
  });

  it('raises an alarm when a job fails', () => {
    // Three per function (errors, throttles, dead letters) for the four scheduled jobs and the two stream functions,
    // and one for digests that could not be made.
    expect(Object.keys(dev.jobs.findResources('AWS::CloudWatch::Alarm'))).toHaveLength(19);
  });

  it('alarms to the stage’s one topic when a digest run counts failed subscribers (the metric the handler writes)', () => {
    // No topic of its own: every alarm notifies the Alerts stack's topic (ops.test.ts walks every stack).
    expect(dev.jobs.findResources('AWS::SNS::Topic')).toEqual({});
    const topic = { 'Fn::ImportValue': expect.stringMatching(/^Mekendesh-dev-Alerts:.*AlarmTopic/) };
    const digestFn = Object.keys(dev.jobs.findResources('AWS::Lambda::Function')).find((f) => f.startsWith('DigestsFunction'));
    dev.jobs.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: JOB_METRICS_NAMESPACE,
      MetricName: DIGEST_METRICS.failed,
      Dimensions: [{ Name: 'Function', Value: { Ref: digestFn } }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    // Every alarm of the stack (jobs' errors, the stream functions' errors and dead letters) notifies that topic.
    const alarms = Object.values(dev.jobs.findResources('AWS::CloudWatch::Alarm')) as { Properties: { AlarmActions?: unknown } }[];
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([topic]);
  });

  it('raises an alarm when mail records reach the dead-letter queue', () => {
    dev.jobs.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Threshold: 1,
    });
  });

  describe('the mail function', () => {
    it('runs mailHandler from functions/jobs on nodejs22.x arm64 with the table and the sender', () => {
      expect(MAIL_ENTRY).toMatch(/functions\/jobs\/src\/mail\.ts$/);
      expect(existsSync(MAIL_ENTRY)).toBe(true);
      dev.jobs.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.mailHandler',
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), MAIL_FROM: 'no-reply@mekendesh.kg' }) },
      });
    });

    it('is invoked from the table stream for pending queued mail only, reporting failed records, with a dead-letter queue', () => {
      const queues = Object.keys(dev.jobs.findResources('AWS::SQS::Queue')).filter((q) => q.startsWith('MailDeadLetters'));
      expect(queues).toHaveLength(1);
      dev.jobs.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: Match.anyValue(),
        StartingPosition: 'LATEST',
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: Match.anyValue(),
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queues[0], 'Arn'] } } },
        FilterCriteria: {
          Filters: [{ Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: ['QueuedMail'] }, status: { S: ['pending'] } } } }) }],
        },
      });
    });

    it('may only update mail items and send from the sender domain', () => {
      const policies = Object.values(dev.jobs.findResources('AWS::IAM::Policy')) as {
        Properties: { Roles: unknown[]; PolicyDocument: { Statement: { Action: string | string[]; Condition?: unknown }[] } };
      }[];
      const statements = policies
        .filter((p) => JSON.stringify(p.Properties.Roles).includes('MailFunction'))
        .flatMap((p) => p.Properties.PolicyDocument.Statement);
      const actions = statements.flatMap((st) => [st.Action].flat());
      expect(
        actions.filter((a) => a.startsWith('dynamodb:') && !/^dynamodb:(UpdateItem|.*Stream.*|GetRecords|GetShardIterator)$/.test(a)),
      ).toEqual([]);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'ses:SendEmail', 'sqs:SendMessage']));
      const update = statements.find((st) => [st.Action].flat().includes('dynamodb:UpdateItem'));
      expect(update?.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['MAIL#*'] } });
    });
  });

  describe('the home-notice function', () => {
    const policyStatements = () =>
      (
        Object.values(dev.jobs.findResources('AWS::IAM::Policy')) as {
          Properties: { Roles: unknown[]; PolicyDocument: { Statement: { Action: string | string[]; Condition?: unknown }[] } };
        }[]
      )
        .filter((p) => JSON.stringify(p.Properties.Roles).includes('HomeNotices'))
        .flatMap((p) => p.Properties.PolicyDocument.Statement);

    it('runs homeNoticesHandler from functions/jobs, queueing (stream) with links signed from the API secret, its origin from SSM', () => {
      expect(HOME_NOTICES_ENTRY).toMatch(/functions\/jobs\/src\/home-notices\.ts$/);
      expect(existsSync(HOME_NOTICES_ENTRY)).toBe(true);
      dev.jobs.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.homeNoticesHandler',
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Environment: {
          Variables: Match.objectLike({
            TABLE_NAME: Match.anyValue(),
            MAIL_DELIVERY: 'stream',
            CURSOR_SECRET_ARN: Match.anyValue(),
            // The site's origin comes from the web stack's parameter at cold start (no domain given).
            WEB_ORIGIN_PARAMETER: '/mekendesh/dev/web-origin',
            WEB_ORIGIN: Match.absent(),
          }),
        },
      });
    });

    it('is invoked one record at a time for projects becoming published only, with its own dead-letter queue', () => {
      const queues = Object.keys(dev.jobs.findResources('AWS::SQS::Queue')).filter((q) => q.startsWith('HomeNotices'));
      expect(queues).toHaveLength(1);
      dev.jobs.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        StartingPosition: 'LATEST',
        BatchSize: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: 5,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queues[0], 'Arn'] } } },
        FilterCriteria: {
          Filters: [
            {
              Pattern: JSON.stringify({
                eventName: ['MODIFY'],
                dynamodb: {
                  OldImage: { status: { S: [{ 'anything-but': ['published'] }] } },
                  NewImage: { entity: { S: ['Project'] }, status: { S: ['published'] } },
                },
              }),
            },
          ],
        },
      });
    });

    it('reads only projects, territory followers and users, and writes only queued mail', () => {
      const statements = policyStatements();
      const table = statements.filter((st) =>
        [st.Action].flat().some((a) => /^dynamodb:(GetItem|PutItem|Query|UpdateItem|DeleteItem|Batch.*|Scan|TransactWriteItems)$/.test(a)),
      );
      expect(table.map((st) => [[st.Action].flat().sort(), st.Condition])).toEqual([
        [
          ['dynamodb:GetItem', 'dynamodb:Query'],
          { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['PROJECT#*', 'FOLLOWERS#territory#*', 'USER#*'] } },
        ],
        [['dynamodb:PutItem'], { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['MAIL#*'] } }],
      ]);
      const actions = statements.flatMap((st) => [st.Action].flat());
      expect(actions).toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue', 'sqs:SendMessage']));
    });
  });

  it('sweeps stuck mail claims every 10 minutes, reading only the claimed-mail index and updating only mail items', () => {
    const rules = Object.values(dev.jobs.findResources('AWS::Events::Rule')) as {
      Properties: { ScheduleExpression: string; Targets: { Arn: unknown }[] };
    }[];
    const sweep = rules.find((r) => JSON.stringify(r.Properties.Targets[0]!.Arn).includes('MailSweepFunction'));
    expect(sweep?.Properties.ScheduleExpression).toBe('rate(10 minutes)');
    const statements = (
      Object.values(dev.jobs.findResources('AWS::IAM::Policy')) as {
        Properties: {
          Roles: unknown[];
          PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown; Condition?: unknown }[] };
        };
      }[]
    )
      .filter((p) => JSON.stringify(p.Properties.Roles).includes('MailSweepFunction'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    // sqs:SendMessage: a run given up on goes to its own dead-letter queue.
    expect(statements.map((st) => [st.Action].flat()).sort()).toEqual([['dynamodb:Query'], ['dynamodb:UpdateItem'], ['sqs:SendMessage']]);
    expect(JSON.stringify(statements.find((st) => st.Action === 'sqs:SendMessage')!.Resource)).toContain('MailSweepDeadLetters');
    expect(JSON.stringify(statements.find((st) => st.Action === 'dynamodb:Query')!.Resource)).toContain('/index/gsi3');
    expect(statements.find((st) => st.Action === 'dynamodb:UpdateItem')!.Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['MAIL#*'] },
    });
  });

  it('gives the API MAIL_DELIVERY=stream, so its requests leave pledge emails to the mail function', () => {
    dev.api.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Environment: { Variables: Match.objectLike({ MAIL_DELIVERY: 'stream' }) },
    });
  });
});
