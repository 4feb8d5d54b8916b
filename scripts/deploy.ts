/**
 * `pnpm run deploy --stage <name> [--region eu-central-1] [--domain mekendesh.kg] [--alarm-email ops@…]
 *  [--staff-email first.staff@…] [--dry-run]`: the whole platform on AWS in one command.
 *   1. checks the AWS credentials (STS);
 *   2. bootstraps the stage's region and us-east-1 (CloudFront's certificate and web ACL) when CDKToolkit is missing;
 *   3. builds the web app and runs `cdk deploy --all` for the stage, writing the stacks' outputs to a file;
 *   4. seeds what a fresh stage needs (the first staff account, today's exchange rates: scripts/deploy/seed.ts);
 *   5. prints the URLs, the alarm topic, the DNS records to add and the next steps.
 * Every step is idempotent: a rerun deploys no change, finds the account, and prints the same report.
 * (Bare `pnpm deploy` is pnpm's own command; hence `pnpm run deploy`.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callerAccount, CredentialsError, regionsToBootstrap, runStep } from './deploy/aws.js';
import { readStageOutputs } from './deploy/outputs.js';
import { bootstrapStep, deploySteps, EDGE_REGION, parseDeployArgs, showStep, UsageError, type DeployArgs } from './deploy/plan.js';
import { seedStage } from './deploy/seed.js';
import { formatSummary } from './deploy/summary.js';

const USAGE =
  'usage: pnpm run deploy --stage <name> [--region <aws region>] [--domain <domain>] [--alarm-email <email>] [--staff-email <email>] [--dry-run]';

function printPlan(args: DeployArgs): void {
  console.log(`Plan for stage "${args.stage}" in ${args.region} (nothing is changed with --dry-run):`);
  console.log('  1. check the AWS credentials (STS GetCallerIdentity)');
  console.log(
    `  2. if CDKToolkit is missing in ${args.region} or ${EDGE_REGION}: ${showStep(bootstrapStep('<account>', [args.region, EDGE_REGION]))}`,
  );
  deploySteps(args, '<outputs.json>').forEach((s, i) => console.log(`  ${i + 3}. ${s.title}: ${showStep(s)}`));
  console.log(
    `  5. seed: ${args.staffEmail ? `the staff account ${args.staffEmail} (Cognito, group staff); ` : ''}today's NBKR exchange rates (the table)`,
  );
  console.log('  6. print the site and API URLs, the alarm topic, the DNS records to add and the next steps');
}

async function main(): Promise<void> {
  const args = parseDeployArgs(process.argv.slice(2), process.env);
  if (args.dryRun) return printPlan(args);
  const { account, arn } = await callerAccount(args.region);
  console.log(`AWS account ${account} (${arn}), region ${args.region}, stage ${args.stage}`);

  const missing = await regionsToBootstrap([args.region, EDGE_REGION]);
  if (missing.length > 0) await runStep(bootstrapStep(account, missing), args.region);
  else console.log(`\u2714 ${args.region} and ${EDGE_REGION} are bootstrapped`);

  const dir = mkdtempSync(join(tmpdir(), 'mekendesh-deploy-'));
  try {
    const outputsFile = join(dir, 'outputs.json');
    for (const step of deploySteps(args, outputsFile)) await runStep(step, args.region);
    const outputs = readStageOutputs(JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>, args.stage);
    if (!outputs.tableName || !outputs.userPoolId) throw new Error('the outputs name no table or user pool: nothing seeded');
    console.log('\n\u001b[36m›\u001b[0m seed the stage');
    const seed = await seedStage({
      region: args.region,
      tableName: outputs.tableName,
      userPoolId: outputs.userPoolId,
      staffEmail: args.staffEmail,
    });
    console.log(`\n${formatSummary(outputs, seed, { region: args.region, staffEmail: args.staffEmail })}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) {
    console.error(`\u2716 ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`\u2716 ${e instanceof CredentialsError ? e.message : (e as Error).message}`);
  process.exit(1);
});
