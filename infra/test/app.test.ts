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
      'Mekendesh-dev-Api',
      'Mekendesh-dev-Data',
      'Mekendesh-dev-Identity',
      'Mekendesh-dev-Jobs',
      'Mekendesh-dev-Media',
    ]);
    const errors = dev.assembly.stacks.flatMap((stack) => stack.messages).filter((m) => m.level === 'error');
    expect(errors).toEqual([]);
  });

  it('deploys the data and identity stacks before the API stack', () => {
    expect(dev.stacks.api.dependencies).toContain(dev.stacks.data);
    expect(dev.stacks.api.dependencies).toContain(dev.stacks.identity);
    expect(dev.stacks.api.dependencies).toContain(dev.stacks.media);
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
