/**
 * `pnpm run destroy --stage <name> [--region eu-central-1] [--force] [--dry-run]`: deletes every stack of a stage
 * (`cdk destroy --all`). `prod` is refused without `--force`: its stacks are termination-protected and its table,
 * secrets and log groups are retained (RemovalPolicy.RETAIN, infra/lib/stage.ts), so they outlive the stacks and must
 * be deleted by hand if that is really meant. With `--force`, termination protection is turned off first.
 */
import { allowDeletion, callerAccount, runStep } from './deploy/aws.js';
import { destroyStep, parseDeployArgs, showStep, stageStacks, UsageError } from './deploy/plan.js';

const USAGE = 'usage: pnpm run destroy --stage <name> [--region <aws region>] [--force] [--dry-run]';

async function main(): Promise<void> {
  const args = parseDeployArgs(process.argv.slice(2), process.env);
  if (args.stage === 'prod' && !args.force) {
    throw new UsageError(
      'Refusing to destroy prod without --force. Its table, secrets and logs are retained anyway; delete them by hand afterwards if meant.',
    );
  }
  const step = destroyStep(args);
  if (args.dryRun) {
    console.log(`Plan: ${args.stage === 'prod' ? 'turn off termination protection of the prod stacks, then ' : ''}${showStep(step)}`);
    return;
  }
  const { account } = await callerAccount(args.region);
  console.log(`AWS account ${account}, region ${args.region}: destroying stage ${args.stage}`);
  if (args.stage === 'prod') {
    for (const stack of stageStacks(args)) {
      if (await allowDeletion(stack.name, stack.region)) console.log(`  termination protection off: ${stack.name}`);
    }
  }
  await runStep(step, args.region);
  console.log(`\u2714 stage ${args.stage} destroyed${args.stage === 'prod' ? ' (the retained table, secrets and log groups remain)' : ''}`);
}

main().catch((e: unknown) => {
  console.error(`\u2716 ${(e as Error).message}${e instanceof UsageError ? `\n${USAGE}` : ''}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
