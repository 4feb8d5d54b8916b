import { App } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../lib/app.js';
import { cdkJsonContext, SYNTH_TIMEOUT_MS, synthesize, type Synthesized } from './support.js';

describe('the CDK app', () => {
  let dev: Synthesized;
  beforeAll(() => {
    dev = synthesize('dev');
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => dev.dispose());

  it('synthesizes every stack of a stage without errors', () => {
    const names = dev.assembly.stacks.map((stack) => stack.stackName).sort();
    expect(names).toEqual([
      'Mekendesh-dev-Alerts',
      'Mekendesh-dev-Api',
      'Mekendesh-dev-Data',
      'Mekendesh-dev-Edge',
      'Mekendesh-dev-Identity',
      'Mekendesh-dev-Jobs',
      'Mekendesh-dev-Media',
      'Mekendesh-dev-Ops',
      'Mekendesh-dev-Web',
    ]);
    const errors = dev.assembly.stacks.flatMap((stack) => stack.messages).filter((m) => m.level === 'error');
    expect(errors).toEqual([]);
  });

  it('deploys the data and identity stacks before the API stack', () => {
    expect(dev.stacks.api.dependencies).toContain(dev.stacks.data);
    expect(dev.stacks.api.dependencies).toContain(dev.stacks.identity);
    expect(dev.stacks.api.dependencies).toContain(dev.stacks.media);
  });

  it('puts the web ACL and certificate in us-east-1 (CloudFront) and the rest in the stage region', () => {
    expect(dev.stacks.edge.region).toBe('us-east-1');
    expect(dev.stacks.web.region).toBe(dev.stacks.api.region);
    // By name: deep equality of Stack objects walks their construct trees.
    const names = (stacks: readonly { stackName: string }[]) => stacks.map((s) => s.stackName);
    expect(names(dev.stacks.web.dependencies)).toEqual(expect.arrayContaining(names([dev.stacks.edge, dev.stacks.api, dev.stacks.media])));
  });

  it('names stacks after the stage', () => {
    const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
    const stacks = createApp(app, { stage: 'staging' });
    expect([stacks.data.stackName, stacks.api.stackName]).toEqual(['Mekendesh-staging-Data', 'Mekendesh-staging-Api']);
  });

  it('rejects a stage name CloudFormation could not use', () => {
    expect(() => createApp(new App(), { stage: 'Prod_1' })).toThrow(/Invalid stage/);
  });
});
