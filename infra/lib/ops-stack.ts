import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Dashboard, GraphWidget, LogQueryWidget, Metric, TextWidget, type IMetric, type IWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { SES_EVENT_DIMENSION } from './mail-identity.js';
import { deadLetterQueues, ourFunctions } from './monitoring.js';
import type { StageConfig } from './stage.js';

export interface OpsStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly httpApi: HttpApi;
  readonly table: ITable;
  /** The SES configuration set (its events: sends, deliveries, bounces, complaints). */
  readonly mailConfigurationSet: string;
  /** The stacks whose functions and dead-letter queues the dashboard shows (same region as this stack). */
  readonly watched: readonly Stack[];
}

const PERIOD = Duration.minutes(5);
const WIDE = 12;
const HEIGHT = 6;

/**
 * The stage's one CloudWatch dashboard, deployed last (it reads every other stack's resources, none reads it): the API's
 * traffic, errors and latency, every function's errors, duration and cold starts, the table's capacity and throttles,
 * mail sent and bounced, and dead letters waiting.
 */
export class OpsStack extends Stack {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OpsStackProps) {
    super(scope, id, props);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `mekendesh-${props.stage.name}`,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(new TextWidget({ markdown: `# Mekendesh ${props.stage.name}`, width: 24, height: 1 }));
    this.dashboard.addWidgets(...apiWidgets(props.httpApi));
    this.dashboard.addWidgets(...functionWidgets(props.watched));
    this.dashboard.addWidgets(...tableWidgets(props.table), ...mailWidgets(props.mailConfigurationSet));
    this.dashboard.addWidgets(dlqWidget(props.watched));
  }
}

const graph = (title: string, left: IMetric[], right: IMetric[] = []): GraphWidget =>
  new GraphWidget({ title, left, right, width: WIDE, height: HEIGHT });

function apiWidgets(api: HttpApi): IWidget[] {
  return [
    graph(
      'API requests and errors',
      [api.metricCount({ period: PERIOD, label: 'requests' })],
      [api.metricServerError({ period: PERIOD, label: '5xx' }), api.metricClientError({ period: PERIOD, label: '4xx' })],
    ),
    graph('API latency (ms)', [
      api.metricLatency({ period: PERIOD, statistic: 'p50', label: 'p50' }),
      api.metricLatency({ period: PERIOD, statistic: 'p99', label: 'p99' }),
    ]),
  ];
}

/** Errors and p99 duration per function, and cold starts from the REPORT lines' Init Duration (Logs Insights). */
function functionWidgets(stacks: readonly Stack[]): IWidget[] {
  const fns = ourFunctions(stacks);
  const label = (fn: (typeof fns)[number]) => fn.node.path.split('/').slice(1).join('/');
  return [
    graph(
      'Function errors',
      fns.map((fn) => fn.metricErrors({ period: PERIOD, label: label(fn) })),
    ),
    graph(
      'Function duration p99 (ms)',
      fns.map((fn) => fn.metricDuration({ period: PERIOD, statistic: 'p99', label: label(fn) })),
    ),
    new LogQueryWidget({
      title: 'Cold starts (count and init ms per function)',
      logGroupNames: fns.map((fn) => fn.logGroup.logGroupName),
      queryLines: [
        'filter @type = "REPORT" and ispresent(@initDuration)',
        'stats count() as coldStarts, avg(@initDuration) as avgInitMs, max(@initDuration) as maxInitMs by @log',
      ],
      width: 24,
      height: HEIGHT,
    }),
  ];
}

function tableWidgets(table: ITable): IWidget[] {
  const sum = (metricName: string) => table.metric(metricName, { period: PERIOD, statistic: 'Sum', label: metricName });
  return [
    graph('DynamoDB consumed capacity', [sum('ConsumedReadCapacityUnits'), sum('ConsumedWriteCapacityUnits')]),
    graph('DynamoDB throttles', [
      sum('ReadThrottleEvents'),
      sum('WriteThrottleEvents'),
      table.metricThrottledRequestsForOperations({ period: PERIOD }),
    ]),
  ];
}

function mailWidgets(configurationSet: string): IWidget[] {
  const ses = (metricName: string) =>
    new Metric({
      namespace: 'AWS/SES',
      metricName,
      dimensionsMap: { [SES_EVENT_DIMENSION]: configurationSet },
      period: PERIOD,
      statistic: 'Sum',
      label: metricName,
    });
  return [graph('Mail (SES)', [ses('Send'), ses('Delivery')], [ses('Bounce'), ses('Complaint')])];
}

function dlqWidget(stacks: readonly Stack[]): IWidget {
  return new GraphWidget({
    title: 'Dead letters waiting',
    left: deadLetterQueues(stacks).map((q) =>
      q.metricApproximateNumberOfMessagesVisible({
        period: PERIOD,
        statistic: 'Maximum',
        label: q.node.path.split('/').slice(1).join('/'),
      }),
    ),
    width: 24,
    height: HEIGHT,
  });
}
