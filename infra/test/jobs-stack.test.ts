import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { dailyAtBishkekTime } from '../lib/jobs-stack.js';
import { synthesize, SYNTH_TIMEOUT_MS, type Synthesized } from './support.js';

let dev: Synthesized;

beforeAll(() => {
  dev = synthesize('dev', { bundle: false });
}, SYNTH_TIMEOUT_MS);
afterAll(() => dev?.dispose());

describe('jobs stack', () => {
  it('runs the rates and deadline handlers on nodejs22.x arm64 with the table name', () => {
    for (const handler of ['index.ratesHandler', 'index.deadlinesHandler']) {
      dev.jobs.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler, Runtime: 'nodejs22.x', Architectures: ['arm64'],
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue() }) },
      });
    }
  });

  it('fetches rates at 09:00 in Bishkek (03:00 UTC) and settles deadlines at 00:05 in Bishkek (18:05 UTC the day before)', () => {
    const rules = Object.values(dev.jobs.findResources('AWS::Events::Rule')) as { Properties: { ScheduleExpression: string; Targets: { Arn: unknown }[] } }[];
    const scheduleOf = (fn: string) => rules.find((r) => JSON.stringify(r.Properties.Targets[0]!.Arn).includes(fn))?.Properties.ScheduleExpression;
    expect(scheduleOf('RatesFunction')).toBe('cron(0 3 * * ? *)');
    expect(scheduleOf('DeadlinesFunction')).toBe('cron(5 18 * * ? *)');
  });

  it('turns a Bishkek time into the UTC cron EventBridge reads, across midnight', () => {
    const expression = (hour: number, minute: number) => dailyAtBishkekTime({ hour, minute }).expressionString;
    expect(expression(0, 5)).toBe('cron(5 18 * * ? *)');
    expect(expression(5, 59)).toBe('cron(59 23 * * ? *)');
    expect(expression(6, 0)).toBe('cron(0 0 * * ? *)');
    expect(expression(23, 30)).toBe('cron(30 17 * * ? *)');
    expect(() => dailyAtBishkekTime({ hour: 24, minute: 0 })).toThrow(RangeError);
  });

  it('raises an alarm when a job fails', () => {
    expect(Object.keys(dev.jobs.findResources('AWS::CloudWatch::Alarm'))).toHaveLength(2);
  });
});
