import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { createApp, type MekendeshStacks } from '../lib/app.js';

const CDK_JSON = join(dirname(fileURLToPath(import.meta.url)), '..', 'cdk.json');

/** The feature flags and context of cdk.json, so tests synthesize what `cdk synth` does. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(CDK_JSON, 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/** Bundling the API with esbuild happens during synth and takes a few seconds. */
export const SYNTH_TIMEOUT_MS = 120_000;

export interface Synthesized {
  /** Deletes the temporary cloud assembly directory. */
  readonly dispose: () => void;
  readonly stacks: MekendeshStacks;
  readonly assembly: CloudAssembly;
  readonly data: Template;
  readonly api: Template;
  readonly identity: Template;
  readonly jobs: Template;
  readonly media: Template;
  readonly alerts: Template;
  readonly edge: Template;
  readonly web: Template;
  readonly ops: Template;
}

/**
 * Builds and synthesizes the whole app for one stage, once; tests then assert on the templates.
 * `bundle: false` skips esbuild (CDK's `aws:cdk:bundling-stacks` context) for tests that only
 * look at resource properties.
 */
export function synthesize(stage: string, options: { bundle?: boolean; domain?: string } = {}): Synthesized {
  const context = cdkJsonContext();
  if (options.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  const outdir = mkdtempSync(join(tmpdir(), 'mekendesh-cdk-'));
  const app = new App({ outdir, context });
  const stacks = createApp(app, { stage, ...(options.domain ? { domain: options.domain } : {}) });
  const assembly = app.synth();
  return {
    dispose: () => rmSync(outdir, { recursive: true, force: true }),
    stacks,
    assembly,
    data: Template.fromStack(stacks.data),
    api: Template.fromStack(stacks.api),
    identity: Template.fromStack(stacks.identity),
    jobs: Template.fromStack(stacks.jobs),
    media: Template.fromStack(stacks.media),
    alerts: Template.fromStack(stacks.alerts),
    edge: Template.fromStack(stacks.edge),
    web: Template.fromStack(stacks.web),
    ops: Template.fromStack(stacks.ops),
  };
}

/** A CloudFormation resource as the assertions library returns it. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** The single resource of `type` in `template`; fails when there is not exactly one. */
export function onlyResource(template: Template, type: string): [string, CfnResource] {
  const entries = Object.entries(template.findResources(type) as Record<string, CfnResource>);
  if (entries.length !== 1) throw new Error(`expected one ${type}, found ${entries.length}`);
  return entries[0] as [string, CfnResource];
}
