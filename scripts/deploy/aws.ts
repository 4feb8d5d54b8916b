/**
 * The few AWS calls the deploy and destroy commands make themselves (the rest is `cdk`): who the credentials are,
 * whether an environment is bootstrapped, and turning off termination protection for a forced prod teardown.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudFormationClient, DescribeStacksCommand, UpdateTerminationProtectionCommand } from '@aws-sdk/client-cloudformation';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { showStep, type Step } from './plan.js';

/** The repository root (scripts/deploy/ is two levels down). */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** No usable credentials: the message says how to get some. */
export class CredentialsError extends Error {}

/**
 * The account the credentials belong to (STS GetCallerIdentity, which needs no permission).
 * Errors: CredentialsError with a plain English explanation when there are none or they are refused.
 */
export async function callerAccount(region: string): Promise<{ account: string; arn: string }> {
  const sts = new STSClient({ region });
  try {
    const who = await sts.send(new GetCallerIdentityCommand({}));
    return { account: who.Account!, arn: who.Arn! };
  } catch (e) {
    throw new CredentialsError(
      `No usable AWS credentials (${(e as Error).name}: ${(e as Error).message}).\n` +
        '  Sign in first, for example `aws sso login --profile <profile>` then `export AWS_PROFILE=<profile>`,\n' +
        '  or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. `aws sts get-caller-identity` must answer.',
      { cause: e },
    );
  } finally {
    sts.destroy();
  }
}

/** The status of stack `name` in `region`, or undefined when it does not exist. */
async function stackStatus(name: string, region: string): Promise<string | undefined> {
  const cfn = new CloudFormationClient({ region });
  try {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: name }));
    return out.Stacks?.[0]?.StackStatus;
  } catch (e) {
    // CloudFormation answers a missing stack with a ValidationError "Stack with id … does not exist".
    if ((e as Error).name === 'ValidationError' && /does not exist/.test((e as Error).message)) return undefined;
    throw e;
  } finally {
    cfn.destroy();
  }
}

/** The regions among `regions` without a usable CDKToolkit stack (missing, or left half-made by a failed bootstrap). */
export async function regionsToBootstrap(regions: readonly string[]): Promise<string[]> {
  const unique = [...new Set(regions)];
  const statuses = await Promise.all(unique.map((r) => stackStatus('CDKToolkit', r)));
  return unique.filter((_, i) => !/^(CREATE|UPDATE|UPDATE_ROLLBACK)_COMPLETE$/.test(statuses[i] ?? ''));
}

/** Lets a termination-protected stack be deleted; a missing stack is skipped. */
export async function allowDeletion(name: string, region: string): Promise<boolean> {
  if ((await stackStatus(name, region)) === undefined) return false;
  const cfn = new CloudFormationClient({ region });
  try {
    await cfn.send(new UpdateTerminationProtectionCommand({ StackName: name, EnableTerminationProtection: false }));
    return true;
  } finally {
    cfn.destroy();
  }
}

/**
 * Runs a step with its output shown, `cdk` from infra's own devDependency (aws-cdk). The region goes to the CDK app as
 * CDK_DEFAULT_REGION (infra/lib/app.ts) and to the CLI as AWS_REGION. Rejects when the command exits non-zero.
 */
export function runStep(step: Step, region: string): Promise<void> {
  const command = step.command === 'cdk' ? join(ROOT, 'infra/node_modules/.bin/cdk') : step.command;
  console.log(`\n\u001b[36m›\u001b[0m ${step.title}: ${showStep(step)}`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...step.args], {
      cwd: join(ROOT, step.cwd),
      stdio: 'inherit',
      env: { ...process.env, AWS_REGION: region, CDK_DEFAULT_REGION: region },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${step.title} failed (exit code ${code})`))));
  });
}
