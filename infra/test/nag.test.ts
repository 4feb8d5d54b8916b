import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../lib/app.js';
import { ACCEPTED_WILDCARDS } from '../lib/nag-suppressions.js';
import { cdkJsonContext, SYNTH_TIMEOUT_MS } from './support.js';

interface Violation {
  readonly ruleName: string;
  readonly severity: string;
  readonly violatingConstructs: readonly { readonly constructPath: string }[];
}

/**
 * Synthesizes one stage with cdk-nag's AwsSolutionsChecks as a CDK validation plugin (cdk-nag 3: `Validations.of(app)
 * .addPlugins`, the successor of v2's Aspect) and returns its violations. The acknowledgements are createApp's own
 * (lib/nag-suppressions.ts), so `cdk synth` with the checks sees the same. A failing validation throws after writing
 * validation-report.json into the assembly directory.
 */
function nagViolations(stage: string, outdir: string): Violation[] {
  const context = { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] };
  const app = new App({ outdir, context });
  createApp(app, { stage });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  const report = join(outdir, 'validation-report.json');
  try {
    app.synth();
  } catch (e) {
    // Any other failure of synth is the test's failure.
    if (!existsSync(report)) throw e;
  }
  if (!existsSync(report)) return [];
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as { pluginReports: { pluginName: string; violations: Violation[] }[] };
  return parsed.pluginReports.filter((r) => r.pluginName === 'AwsSolutions').flatMap((r) => r.violations);
}

describe('cdk-nag AwsSolutionsChecks', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'mekendesh-nag-'));
  let violations: Violation[] = [];
  beforeAll(() => {
    violations = nagViolations('prod', outdir);
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('finds no error in any stack beyond the acknowledged ones and the accepted wildcards', () => {
    const errors = violations.filter((v) => v.severity === 'error');
    const unaccepted = errors
      .filter((v) => !ACCEPTED_WILDCARDS.some((w) => w.finding.test(v.ruleName)))
      .map((v) => `${v.ruleName}: ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`);
    expect(unaccepted).toEqual([]);
  });

  it('does run the checks (a rule the app breaks on purpose is reported, not silently skipped)', () => {
    // Warnings are not acknowledged: COG2 (MFA not required for everyone) must show, since only staff must enrol.
    expect(violations.map((v) => v.ruleName)).toContain('AwsSolutions-COG2');
  });

  it('gives every accepted wildcard a written reason', () => {
    for (const w of ACCEPTED_WILDCARDS) expect(w.reason.length, String(w.finding)).toBeGreaterThan(40);
  });
});
