import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

export interface ApiAlarmsProps {
  readonly stageName: string;
  readonly apiFunction: IFunction;
  readonly httpApi: IHttpApi;
  /** Subscribed to the alarm topic when set. */
  readonly alarmEmail?: string | undefined;
}

const PERIOD = Duration.minutes(5);

/**
 * An alarm that fires when `metric` counts one or more in a period (errors, dead letters); a period without data
 * is not an outage. The one shape every Mekendesh failure alarm has (API, jobs, mail function).
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
 * Two alarms that say "users are seeing failures": function errors and API 5xx responses.
 * Both notify one SNS topic, so adding a pager or chat integration later is one subscription.
 */
export function addApiAlarms(scope: Construct, props: ApiAlarmsProps): { topic: Topic; alarms: Alarm[] } {
  const topic = new Topic(scope, 'AlarmTopic', { displayName: `Mekendesh ${props.stageName} alarms` });
  if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));

  const failures: Array<{ id: string; metric: Metric; description: string }> = [
    {
      id: 'ApiFunctionErrors',
      metric: props.apiFunction.metricErrors({ period: PERIOD, statistic: 'Sum' }),
      description: 'The API function threw or timed out (invocation errors).',
    },
    {
      id: 'HttpApi5xx',
      metric: props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }),
      description: 'The HTTP API returned 5xx responses.',
    },
  ];

  const alarms = failures.map(({ id, metric, description }) => {
    const alarm = alarmOnAny(scope, id, { alarmName: `mekendesh-${props.stageName}-${id}`, description, metric });
    alarm.addAlarmAction(new SnsAction(topic));
    return alarm;
  });
  return { topic, alarms };
}
