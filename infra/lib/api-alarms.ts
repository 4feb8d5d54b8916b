import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface ApiAlarmsProps {
  readonly stageName: string;
  readonly httpApi: IHttpApi;
  /** The HTTP API's access log (JSON lines with path and numeric status: api-stack.ts ACCESS_LOG_FORMAT). */
  readonly accessLogs: ILogGroup;
}

const PERIOD = Duration.minutes(5);

/** The API alarms' thresholds, pinned by infra/test/ops.test.ts. */
export const API_ALARM_THRESHOLDS = {
  /** 5xx responses as a percentage of all requests over 5 minutes. */
  serverErrorPercent: 1,
  /** Below this many requests in 5 minutes a percentage says little (one failure of 20 is 5%): no alarm. */
  minimumRequests: 20,
  /** p99 of the API's latency (API Gateway's Latency, milliseconds) over 5 minutes, in two periods out of three. */
  p99LatencyMs: 3000,
} as const;

/** The webhook path (functions/api/src/app.ts mounts stripeWebhookRoutes at /v1/webhooks, card-payments.ts: POST /stripe). */
export const STRIPE_WEBHOOK_PATH = '/v1/webhooks/stripe';

/**
 * An alarm that fires when `metric` counts one or more in a period (errors, dead letters); a period without data
 * is not an outage. The one shape every Mekendesh failure alarm has (API, jobs, mail function). Its action (the stage's
 * one topic) is added by createApp for every alarm of the app (monitoring.ts notifyOneTopic).
 */
export function alarmOnAny(scope: Construct, id: string, props: { metric: IMetric; description: string; alarmName?: string }): Alarm {
  return new Alarm(scope, id, {
    ...(props.alarmName ? { alarmName: props.alarmName } : {}),
    alarmDescription: props.description,
    metric: props.metric,
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    // No traffic is not an outage.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
}

/**
 * What says "users see failures" at the API: the share of 5xx responses (not their count: at busy times a few are noise,
 * at quiet times one is 100%), the p99 latency, and Stripe webhooks that were refused or failed (a payment that Stripe
 * took but we did not book), counted from the access log by a metric filter.
 */
export function addApiAlarms(scope: Construct, props: ApiAlarmsProps): Alarm[] {
  const { stageName, httpApi } = props;
  const requests = httpApi.metricCount({ period: PERIOD, statistic: 'Sum' });
  const errors = httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' });
  // IF(requests >= minimum, 5xx / requests × 100, 0): a quiet period never alarms on one unlucky request.
  const errorRate = new MathExpression({
    expression: `IF(requests >= ${API_ALARM_THRESHOLDS.minimumRequests}, 100 * errors / requests, 0)`,
    usingMetrics: { requests, errors },
    period: PERIOD,
    label: '5xx % of requests',
  });
  const serverErrorRate = new Alarm(scope, 'HttpApi5xxRate', {
    alarmName: `mekendesh-${stageName}-api-5xx-rate`,
    alarmDescription: `More than ${API_ALARM_THRESHOLDS.serverErrorPercent}% of API requests answered 5xx over 5 minutes (with at least ${API_ALARM_THRESHOLDS.minimumRequests} requests).`,
    metric: errorRate,
    threshold: API_ALARM_THRESHOLDS.serverErrorPercent,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  const latency = new Alarm(scope, 'HttpApiP99Latency', {
    alarmName: `mekendesh-${stageName}-api-p99-latency`,
    alarmDescription: `The API's p99 latency was ${API_ALARM_THRESHOLDS.p99LatencyMs / 1000} s or more in two of three 5-minute periods.`,
    metric: httpApi.metricLatency({ period: PERIOD, statistic: 'p99' }),
    threshold: API_ALARM_THRESHOLDS.p99LatencyMs,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  const webhook = alarmOnAny(scope, 'StripeWebhookFailures', {
    alarmName: `mekendesh-${stageName}-stripe-webhook-failures`,
    description:
      'A Stripe webhook was refused (bad signature, cards not configured) or failed: Stripe retries for 3 days; check the API log ("stripe webhook refused") and the webhook secret.',
    metric: webhookFailures(scope, props),
  });
  return [serverErrorRate, latency, webhook];
}

/** Namespace of the metrics our metric filters write, one per stage (two stages may share an account). */
const opsMetricsNamespace = (stageName: string): string => `Mekendesh/${stageName}`;

/** Counts access-log lines of the webhook path answered 400 or more (the lighter path: no code in the API). */
function webhookFailures(scope: Construct, props: ApiAlarmsProps): Metric {
  const filter = new MetricFilter(scope, 'StripeWebhookFailuresFilter', {
    logGroup: props.accessLogs,
    filterPattern: FilterPattern.all(
      FilterPattern.stringValue('$.path', '=', STRIPE_WEBHOOK_PATH),
      FilterPattern.numberValue('$.status', '>=', 400),
    ),
    metricNamespace: opsMetricsNamespace(props.stageName),
    metricName: 'StripeWebhookFailures',
    metricValue: '1',
  });
  return filter.metric({ period: PERIOD, statistic: 'Sum' });
}
