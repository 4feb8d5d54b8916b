import { Duration, Stack, Token } from 'aws-cdk-lib';
import { Alarm, CfnAlarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IConstruct } from 'constructs';

/**
 * Lambda functions CDK makes for its own machinery (custom resources, bucket deployments, cross-region references):
 * not ours to alarm on or chart. Their construct ids start with these.
 */
const FRAMEWORK_ID = /^(Custom|AWS[0-9a-f]{20,}|SingletonLambda|LogRetention|BucketNotificationsHandler|Provider)/;

function isFramework(c: IConstruct): boolean {
  return c.node.scopes.some((s) => FRAMEWORK_ID.test(s.node.id));
}

/** Stacks that live in the region of `anchor` (alarms and dashboards cannot reach another region's resources). */
function sameRegion(stacks: readonly Stack[], anchor: Stack): Stack[] {
  return stacks.filter((s) => s.region === anchor.region);
}

/** Every Lambda function of ours in `stacks` (NodejsFunction and plain Function; CDK's own left out). */
export function ourFunctions(stacks: readonly Stack[]): LambdaFunction[] {
  return stacks.flatMap((s) => s.node.findAll().filter((c): c is LambdaFunction => c instanceof LambdaFunction && !isFramework(c)));
}

/** Every SQS queue in `stacks`: all of them are dead-letter queues (stream functions' and scheduled jobs'). */
export function deadLetterQueues(stacks: readonly Stack[]): Queue[] {
  return stacks.flatMap((s) => s.node.findAll().filter((c): c is Queue => c instanceof Queue));
}

/** True when an alarm of `fn`'s stack already watches `fn`'s `metricName` (AWS/Lambda). */
function watched(fn: LambdaFunction, metricName: string): boolean {
  const stack = Stack.of(fn);
  const name = JSON.stringify(stack.resolve(fn.functionName));
  return stack.node
    .findAll()
    .filter((c): c is CfnAlarm => c instanceof CfnAlarm)
    .some((a) => a.namespace === 'AWS/Lambda' && a.metricName === metricName && JSON.stringify(stack.resolve(a.dimensions)).includes(name));
}

/**
 * An alarm on errors (unless the function's own stack already has one, with its own period and words) and one on
 * throttles for every function of ours: a throttled function is a request refused or an event delayed.
 */
export function alarmEveryFunction(stacks: readonly Stack[]): void {
  for (const fn of ourFunctions(stacks)) {
    const on = (metricName: 'Errors' | 'Throttles', description: string) =>
      new Alarm(fn, metricName, {
        alarmDescription: `${fn.node.path}: ${description}`,
        metric: fn.metric(metricName, { period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    if (!watched(fn, 'Errors')) on('Errors', 'invocations failed (threw or timed out)');
    if (!watched(fn, 'Throttles')) on('Throttles', 'invocations were throttled (reserved or account concurrency reached)');
  }
}

/** An alarm on every dead-letter queue that has none yet: one message waiting is one thing given up on. */
export function alarmEveryDeadLetterQueue(stacks: readonly Stack[]): void {
  for (const queue of deadLetterQueues(stacks)) {
    const stack = Stack.of(queue);
    const name = JSON.stringify(stack.resolve(queue.queueName));
    const has = stack.node
      .findAll()
      .some(
        (c) =>
          c instanceof CfnAlarm &&
          c.metricName === 'ApproximateNumberOfMessagesVisible' &&
          JSON.stringify(stack.resolve(c.dimensions)).includes(name),
      );
    if (has) continue;
    new Alarm(queue, 'MessagesWaiting', {
      alarmDescription: `${queue.node.path}: a message reached this dead-letter queue (something was given up on)`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}

/**
 * Gives every alarm of `stacks` in the topic's region the one topic as its action (when it has no action yet), so no
 * stack needs a topic of its own and none can forget it: an alarm nobody hears is none.
 */
export function notifyOneTopic(stacks: readonly Stack[], topic: ITopic): void {
  const action = new SnsAction(topic);
  for (const stack of sameRegion(stacks, Stack.of(topic))) {
    for (const alarm of stack.node.findAll().filter((c): c is Alarm => c instanceof Alarm)) {
      const cfn = alarm.node.defaultChild as CfnAlarm;
      const actions: unknown = Token.isUnresolved(cfn.alarmActions) ? stack.resolve(cfn.alarmActions) : cfn.alarmActions;
      if (Array.isArray(actions) && actions.length > 0) continue;
      alarm.addAlarmAction(action);
    }
  }
}
