import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
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

  it('fetches rates on weekday mornings in Bishkek and settles deadlines nightly', () => {
    const schedules = Object.values(dev.jobs.findResources('AWS::Events::Rule')).map((r) => (r as { Properties: { ScheduleExpression: string } }).Properties.ScheduleExpression);
    expect(schedules.sort()).toEqual(['cron(15 18 * * ? *)', 'cron(30 4 ? * MON-FRI *)']);
  });

  it('raises an alarm when a job fails', () => {
    expect(Object.keys(dev.jobs.findResources('AWS::CloudWatch::Alarm'))).toHaveLength(2);
  });
});
