import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS } from '../../packages/domain/src/rate-limits.js';
import { ACCESS_LOG_FORMAT, API_THROTTLE } from '../lib/api-stack.js';
import { API_ALARM_THRESHOLDS, STRIPE_WEBHOOK_PATH } from '../lib/api-alarms.js';
import { JOB_RESERVED_CONCURRENCY } from '../lib/jobs-stack.js';
import { MAIL_RESERVED_CONCURRENCY } from '../lib/mail-function.js';
import { MANAGED_RULE_GROUPS, RATE_LIMITED_PATHS, WAF_RATE_LIMITS } from '../lib/waf.js';
import { createApp } from '../lib/app.js';
import { cdkJsonContext, SYNTH_TIMEOUT_MS, synthesize, type CfnResource, type Synthesized } from './support.js';

let dev: Synthesized;
beforeAll(() => {
  dev = synthesize('dev', { bundle: false });
}, SYNTH_TIMEOUT_MS);
afterAll(() => dev?.dispose());

const resources = (template: Template, type: string) => template.findResources(type) as Record<string, CfnResource>;
/** Every template of the stage, by stack name. */
const templates = (): Record<string, Template> => ({
  alerts: dev.alerts,
  edge: dev.edge,
  data: dev.data,
  identity: dev.identity,
  media: dev.media,
  api: dev.api,
  jobs: dev.jobs,
  web: dev.web,
  ops: dev.ops,
});

describe('WAF web ACL (edge stack, us-east-1)', () => {
  const acl = () => Object.values(resources(dev.edge, 'AWS::WAFv2::WebACL'))[0]!.Properties as Record<string, unknown>;
  type Rule = { Name: string; Statement: Record<string, Record<string, unknown>>; Action?: unknown; OverrideAction?: unknown };
  const rules = () => acl()['Rules'] as Rule[];

  it('is one CloudFront-scoped ACL allowing by default, with metrics and sampled requests on', () => {
    expect(Object.keys(resources(dev.edge, 'AWS::WAFv2::WebACL'))).toHaveLength(1);
    expect(acl()['Scope']).toBe('CLOUDFRONT');
    expect(acl()['DefaultAction']).toEqual({ Allow: {} });
    for (const rule of rules()) {
      expect((rule as unknown as { VisibilityConfig: unknown }).VisibilityConfig).toMatchObject({
        CloudWatchMetricsEnabled: true,
        SampledRequestsEnabled: true,
      });
    }
  });

  it('applies the AWS managed common, known-bad-inputs and IP-reputation groups, counting (not blocking) large bodies', () => {
    const managed = rules().filter((r) => r.Statement['ManagedRuleGroupStatement']);
    expect(managed.map((r) => r.Statement['ManagedRuleGroupStatement']!['Name']).sort()).toEqual(
      ['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet'].sort(),
    );
    expect([...MANAGED_RULE_GROUPS].sort()).toEqual(managed.map((r) => r.Name).sort());
    const common = managed.find((r) => r.Name === 'AWSManagedRulesCommonRuleSet')!;
    expect(common.OverrideAction).toEqual({ None: {} });
    expect(common.Statement['ManagedRuleGroupStatement']!['RuleActionOverrides']).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
  });

  it('blocks floods of sign-in/sign-up and pledges per address over 5 minutes, above the app’s own limits', () => {
    const rate = Object.fromEntries(
      rules()
        .filter((r) => r.Statement['RateBasedStatement'])
        .map((r) => [r.Name, r]),
    );
    expect(Object.keys(rate).sort()).toEqual(['RateAuth', 'RatePledges']);
    for (const [name, paths] of [
      ['RateAuth', RATE_LIMITED_PATHS.auth],
      ['RatePledges', RATE_LIMITED_PATHS.pledges],
    ] as const) {
      expect(rate[name]!.Action).toEqual({ Block: {} });
      expect(rate[name]!.Statement['RateBasedStatement']).toMatchObject({
        AggregateKeyType: 'IP',
        EvaluationWindowSec: 300,
        ScopeDownStatement: { RegexMatchStatement: { RegexString: paths, FieldToMatch: { UriPath: {} } } },
      });
    }
    expect(rate['RateAuth']!.Statement['RateBasedStatement']!['Limit']).toBe(300);
    expect(rate['RatePledges']!.Statement['RateBasedStatement']!['Limit']).toBe(300);
    // The app answers first (its own 429 in the reader's language): 50 sign-ins and 50 pledges (10/min) per 5 minutes.
    expect(WAF_RATE_LIMITS.auth).toBeGreaterThan(DEFAULT_RATE_LIMITS.signInPerIp * 3);
    expect(WAF_RATE_LIMITS.pledges).toBeGreaterThan(DEFAULT_RATE_LIMITS.pledgesPerMinute * 5 * 3);
  });

  it('scopes the rate rules to the real web form and API paths, and to nothing else', () => {
    const auth = new RegExp(RATE_LIMITED_PATHS.auth);
    const pledges = new RegExp(RATE_LIMITED_PATHS.pledges);
    for (const path of [
      '/ky/sign-in',
      '/ru/sign-up',
      '/en/forgot-password',
      '/en/reset-password',
      '/v1/auth/sign-in',
      '/v1/auth/sign-up',
    ]) {
      expect(auth.test(path), path).toBe(true);
    }
    for (const path of ['/ky/projects/prj-001/pledge', '/v1/projects/prj-001/pledges']) expect(pledges.test(path), path).toBe(true);
    for (const path of ['/', '/ky', '/en/projects', '/en/projects/prj-001', '/v1/projects/prj-001', '/v1/me/pledges', '/en/sign-out']) {
      expect(auth.test(path) || pledges.test(path), path).toBe(false);
    }
  });

  it('logs blocked and counted requests to an aws-waf-logs- log group, without authorization or cookies', () => {
    dev.edge.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: 'aws-waf-logs-mekendesh-dev', RetentionInDays: 30 });
    dev.edge.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebAcl'), 'Arn'] },
      LogDestinationConfigs: [
        Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([':log-group:aws-waf-logs-mekendesh-dev'])]) }),
      ],
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }],
      LoggingFilter: Match.objectLike({ DefaultBehavior: 'DROP' }),
    });
  });

  it('exposes the ACL for the distribution', () => {
    expect(dev.stacks.edge.webAcl.scope).toBe('CLOUDFRONT');
  });
});

describe('HTTP API access logs and throttling', () => {
  const stage = () => Object.values(resources(dev.api, 'AWS::ApiGatewayV2::Stage'))[0]!.Properties!;

  it('writes one JSON line per request with the request id, address, route, status, latency and user agent', () => {
    const settings = stage()['AccessLogSettings'] as { DestinationArn: unknown; Format: string };
    expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ApiAccessLogs/), 'Arn'] });
    expect(settings.Format).toBe(ACCESS_LOG_FORMAT);
    // A line as API Gateway writes it parses, with numbers where the metric filter compares.
    const line = settings.Format.replace('$context.status', '502')
      .replace('$context.responseLatency', '31')
      .replace(/\$context\.[a-zA-Z.]+/g, 'x');
    expect(JSON.parse(line)).toMatchObject({ requestId: 'x', ip: 'x', routeKey: 'x', status: 502, latency: 31, userAgent: 'x', path: 'x' });
    dev.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('throttles the default route', () => {
    expect(stage()['StageName']).toBe('$default');
    expect(stage()['DefaultRouteSettings']).toEqual({
      ThrottlingRateLimit: API_THROTTLE.rateLimit,
      ThrottlingBurstLimit: API_THROTTLE.burstLimit,
    });
    expect(API_THROTTLE).toEqual({ rateLimit: 100, burstLimit: 200 });
  });
});

describe('alarms', () => {
  const alarmsOf = (template: Template) => Object.entries(resources(template, 'AWS::CloudWatch::Alarm'));

  it('all notify the one topic of the Alerts stack, and no stack has a topic of its own', () => {
    const topics = Object.entries(templates()).flatMap(([name, t]) =>
      Object.keys(resources(t, 'AWS::SNS::Topic')).map((id) => `${name}/${id}`),
    );
    expect(topics).toEqual([expect.stringMatching(/^alerts\/AlarmTopic/)]);
    const topicId = topics[0]!.split('/')[1]!;
    let count = 0;
    for (const [name, template] of Object.entries(templates())) {
      for (const [id, alarm] of alarmsOf(template)) {
        count++;
        const expected =
          name === 'alerts'
            ? [{ Ref: topicId }]
            : [{ 'Fn::ImportValue': expect.stringMatching(new RegExp(`^Mekendesh-dev-Alerts:.*${topicId}`)) }];
        expect(alarm.Properties?.['AlarmActions'], `${name}/${id}`).toEqual(expected);
      }
    }
    expect(count).toBeGreaterThan(25);
  });

  it('alarm on the API’s 5xx rate (≥ 1% over 5 minutes, at least 20 requests) and p99 latency (≥ 3 s)', () => {
    dev.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: API_ALARM_THRESHOLDS.serverErrorPercent,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: 'IF(requests >= 20, 100 * errors / requests, 0)', ReturnData: true }),
        Match.objectLike({
          Id: 'requests',
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'Count' }), Period: 300 }),
        }),
        Match.objectLike({
          Id: 'errors',
          MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: '5xx' }), Period: 300, Stat: 'Sum' }),
        }),
      ]),
    });
    expect(API_ALARM_THRESHOLDS).toEqual({ serverErrorPercent: 1, minimumRequests: 20, p99LatencyMs: 3000 });
    dev.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Period: 300,
      Threshold: 3000,
    });
  });

  it('alarm on every function’s errors and throttles, in every stack', () => {
    for (const [name, template] of Object.entries(templates())) {
      const functions = Object.entries(resources(template, 'AWS::Lambda::Function')).filter(
        ([id]) => !/^(Custom|AWS|BucketNotificationsHandler|LogRetention)/.test(id),
      );
      for (const [fnId] of functions) {
        for (const metricName of ['Errors', 'Throttles']) {
          const watched = alarmsOf(template).some(
            ([, a]) =>
              a.Properties?.['MetricName'] === metricName &&
              JSON.stringify(a.Properties?.['Dimensions']) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: fnId } }]),
          );
          expect(watched, `${name}/${fnId} ${metricName}`).toBe(true);
        }
      }
    }
    // The API, the four jobs and the two stream functions at least.
    expect(Object.keys(resources(dev.jobs, 'AWS::Lambda::Function')).length).toBeGreaterThanOrEqual(6);
  });

  it('alarm on DynamoDB throttling of the table (throttled requests, read and write throttle events)', () => {
    const alarms = alarmsOf(dev.data).map(([, a]) => JSON.stringify(a.Properties));
    expect(alarms.some((a) => a.includes('"MetricName":"ThrottledRequests"') && a.includes('TransactWriteItems'))).toBe(true);
    expect(alarms.some((a) => a.includes('"MetricName":"ReadThrottleEvents"') && a.includes('"MetricName":"WriteThrottleEvents"'))).toBe(
      true,
    );
  });

  it('alarm on refused or failing Stripe webhooks, counted from the access log', () => {
    dev.api.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('^ApiAccessLogs') },
      FilterPattern: `{ ($.path = "${STRIPE_WEBHOOK_PATH}") && ($.status >= 400) }`,
      MetricTransformations: [{ MetricNamespace: 'Mekendesh/dev', MetricName: 'StripeWebhookFailures', MetricValue: '1' }],
    });
    dev.api.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Mekendesh/dev',
      MetricName: 'StripeWebhookFailures',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('give every dead-letter queue one alarm at one message visible', () => {
    for (const [name, template] of Object.entries(templates())) {
      for (const queueId of Object.keys(resources(template, 'AWS::SQS::Queue'))) {
        const alarms = alarmsOf(template).filter(
          ([, a]) =>
            a.Properties?.['MetricName'] === 'ApproximateNumberOfMessagesVisible' &&
            JSON.stringify(a.Properties?.['Dimensions']).includes(queueId),
        );
        expect(alarms, `${name}/${queueId}`).toHaveLength(1);
        expect(alarms[0]![1].Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
      }
    }
  });

  it('alarm on SES bounce (≥ 5%) and complaint (≥ 0.1%) rates', () => {
    for (const [metricName, threshold] of [
      ['Reputation.BounceRate', 0.05],
      ['Reputation.ComplaintRate', 0.001],
    ] as const) {
      dev.alerts.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/SES', MetricName: metricName, Threshold: threshold });
    }
  });
});

describe('scheduled jobs: dead letters and concurrency', () => {
  const jobIds = () =>
    Object.entries(resources(dev.jobs, 'AWS::Lambda::Function'))
      .filter(([, f]) => /^index\.(rates|deadlines|digests|mailSweep)Handler$/.test(String(f.Properties?.['Handler'])))
      .map(([id]) => id);

  it('retry twice within 6 hours, then leave the event in the job’s own dead-letter queue', () => {
    expect(jobIds()).toHaveLength(4);
    for (const id of jobIds()) {
      const fn = resources(dev.jobs, 'AWS::Lambda::Function')[id]!;
      const queue = (fn.Properties?.['DeadLetterConfig'] as { TargetArn: { 'Fn::GetAtt': [string, string] } }).TargetArn['Fn::GetAtt'][0];
      expect(queue).toMatch(/DeadLetters/);
      dev.jobs.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 21600,
      });
      dev.jobs.hasResourceProperties('AWS::Events::Rule', {
        Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [id, 'Arn'] }, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } } })],
      });
      expect(fn.Properties?.['ReservedConcurrentExecutions']).toBe(JOB_RESERVED_CONCURRENCY);
    }
    expect(JOB_RESERVED_CONCURRENCY).toBe(1);
  });

  it('keep the mail function small (SES send rate) and leave the API unreserved', () => {
    dev.jobs.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.mailHandler', ReservedConcurrentExecutions: 2 });
    expect(MAIL_RESERVED_CONCURRENCY).toBe(2);
    dev.api.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.handler', ReservedConcurrentExecutions: Match.absent() });
  });
});

describe('SES', () => {
  it('has the sender domain as an identity with Easy DKIM and a configuration set counting bounces and complaints', () => {
    dev.alerts.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'mekendesh.kg',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('ConfigurationSet') } },
    });
    dev.alerts.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: 'mekendesh-dev' });
    dev.alerts.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        CloudWatchDestination: Match.objectLike({
          DimensionConfigurations: [Match.objectLike({ DefaultDimensionValue: 'mekendesh-dev' })],
        }),
      }),
    });
  });

  it('prints the three DKIM CNAME records (name and value) as outputs', () => {
    const outputs = dev.alerts.findOutputs('*') as Record<string, { Value: unknown }>;
    for (const n of [1, 2, 3]) {
      const name = Object.entries(outputs).find(([k]) => k.includes(`DkimRecord${n}Name`));
      const value = Object.entries(outputs).find(([k]) => k.includes(`DkimRecord${n}Value`));
      expect(JSON.stringify(name?.[1].Value)).toContain(`DkimDNSTokenName${n}`);
      expect(JSON.stringify(value?.[1].Value)).toContain(`DkimDNSTokenValue${n}`);
    }
  });

  it('has the API and the mail function send with the configuration set, allowed on it', () => {
    for (const [template, handler] of [
      [dev.api, 'index.handler'],
      [dev.jobs, 'index.mailHandler'],
    ] as const) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Environment: { Variables: Match.objectLike({ SES_CONFIGURATION_SET: 'mekendesh-dev' }) },
      });
    }
    dev.api.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'ses:SendEmail',
            Resource: Match.arrayWith([
              Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([':configuration-set/mekendesh-dev'])]) }),
            ]),
          }),
        ]),
      },
    });
  });
});

describe('the web origin parameter', () => {
  it('is named, not referenced, in the API and the jobs that write links, each allowed to read only that parameter', () => {
    const ssmStatements = Object.entries(templates()).flatMap(([name, t]) =>
      Object.values(resources(t, 'AWS::IAM::Policy')).flatMap((p) =>
        ((p.Properties?.['PolicyDocument'] as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement ?? [])
          .filter((s) => [s.Action].flat().some((a) => a.startsWith('ssm:')))
          .map((s) => ({ name, s })),
      ),
    );
    const inApiAndJobs = ssmStatements.filter(({ name }) => name === 'api' || name === 'jobs');
    // The API, deadlines, digests and home notices.
    expect(inApiAndJobs).toHaveLength(4);
    for (const { s } of inApiAndJobs) {
      expect(s.Action).toBe('ssm:GetParameter');
      const arn = JSON.stringify(s.Resource);
      expect(arn).toContain(':parameter/mekendesh/dev/web-origin"');
      expect(arn).not.toContain('*');
    }
    dev.api.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Environment: { Variables: Match.objectLike({ WEB_ORIGIN_PARAMETER: '/mekendesh/dev/web-origin', WEB_ORIGIN: Match.absent() }) },
    });
  });
});

describe('access logs', () => {
  it('go to the one access-log bucket of the Alerts stack: CloudFront’s and the media and web-assets buckets’', () => {
    const [bucketId] = Object.keys(resources(dev.alerts, 'AWS::S3::Bucket')).filter((id) => id.startsWith('AccessLogs'));
    expect(bucketId).toBeDefined();
    dev.alerts.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90, Status: 'Enabled' })] },
    });
    const imported = { 'Fn::ImportValue': Match.stringLikeRegexp(`^Mekendesh-dev-Alerts:.*${bucketId}`) };
    dev.media.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: imported, LogFilePrefix: 's3/media/' },
    });
    dev.web.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: imported, LogFilePrefix: 's3/web-assets/' },
    });
    dev.web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Logging: { Bucket: Match.anyValue(), Prefix: 'cloudfront/' } }),
    });
  });
});

describe('least privilege across the app', () => {
  it('has no IAM statement allowing every action, or every action of a service', () => {
    const actions = Object.entries(templates()).flatMap(([name, t]) =>
      Object.values(resources(t, 'AWS::IAM::Policy')).flatMap((p) =>
        (p.Properties?.['PolicyDocument'] as { Statement: { Action: string | string[] }[] }).Statement.flatMap((s) =>
          [s.Action].flat().map((a) => `${name}: ${a}`),
        ),
      ),
    );
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((a) => /: (\*|[a-z0-9-]+:\*)$/.test(a))).toEqual([]);
  });
});

describe('with a custom domain', () => {
  let prod: Synthesized;
  beforeAll(() => {
    prod = synthesize('prod', { bundle: false, domain: 'mekendesh.kg' });
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => prod?.dispose());

  it('gives the functions the site’s origin itself (it wins over the parameter, which stays as the fallback)', () => {
    for (const [template, handler] of [
      [prod.api, 'index.handler'],
      [prod.jobs, 'index.digestsHandler'],
      [prod.jobs, 'index.homeNoticesHandler'],
    ] as const) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Environment: {
          Variables: Match.objectLike({ WEB_ORIGIN: 'https://mekendesh.kg', WEB_ORIGIN_PARAMETER: '/mekendesh/prod/web-origin' }),
        },
      });
    }
  });
});

describe('createApp options', () => {
  it('reserves no concurrency with reserveConcurrency: false, and makes the SES identity of another sender’s domain', () => {
    const context = { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] };
    const stacks = createApp(new App({ context }), { stage: 'small', reserveConcurrency: false, mailFrom: 'hello@example.org' });
    const jobs = Template.fromStack(stacks.jobs);
    for (const fn of Object.values(resources(jobs, 'AWS::Lambda::Function'))) {
      expect(fn.Properties?.['ReservedConcurrentExecutions']).toBeUndefined();
    }
    Template.fromStack(stacks.alerts).hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.org' });
    jobs.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.mailHandler',
      Environment: { Variables: Match.objectLike({ MAIL_FROM: 'hello@example.org' }) },
    });
  });
});

describe('the dashboard', () => {
  it('is one per stage, in the Ops stack, with the API, functions, table, mail and dead letters', () => {
    const dashboards = Object.values(resources(dev.ops, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]!.Properties?.['DashboardName']).toBe('mekendesh-dev');
    const body = JSON.stringify(dashboards[0]!.Properties?.['DashboardBody']);
    for (const text of [
      'API requests',
      'p99',
      'Function errors',
      'Cold starts',
      'ConsumedReadCapacityUnits',
      'ReadThrottleEvents',
      'Bounce',
      'Dead letters',
    ]) {
      expect(body, text).toContain(text);
    }
  });
});
