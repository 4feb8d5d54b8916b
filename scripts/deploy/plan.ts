/**
 * The deploy and destroy commands' arguments and the steps they run, as plain data, so that `--dry-run` prints
 * exactly what a real run does and the tests can check both without AWS.
 */
import { parseArgs } from 'node:util';
import { stageConfig } from '../../infra/lib/stage.js';

/** infra/lib/app.ts DEFAULT_REGION (Frankfurt); kept literal here so that reading the arguments does not load the CDK app. */
export const DEFAULT_REGION = 'eu-central-1';
/** CloudFront's certificate and web ACL live there whatever the stage's region (infra/lib/edge-stack.ts). */
export const EDGE_REGION = 'us-east-1';
/** The stacks of a stage, in infra/lib/app.ts; Edge is in us-east-1, the rest in the stage's region. */
const STACK_PARTS = ['Alerts', 'Edge', 'Data', 'Identity', 'Media', 'Api', 'Jobs', 'Web'] as const;

export interface DeployArgs {
  readonly stage: string;
  readonly region: string;
  readonly domain: string | undefined;
  readonly alarmEmail: string | undefined;
  readonly staffEmail: string | undefined;
  readonly dryRun: boolean;
  /** destroy only: lets `prod` be destroyed (its table and logs are retained anyway). */
  readonly force: boolean;
}

/** A wrong argument: the command prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function optionalMatching(value: string | undefined, pattern: RegExp, flag: string, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (!pattern.test(value)) throw new UsageError(`--${flag} "${value}" is not ${what}.`);
  return value;
}

/**
 * Reads `--stage <name> [--region r] [--domain d] [--alarm-email e] [--staff-email e] [--dry-run] [--force]`.
 * A leading `--` (from `pnpm run deploy -- --stage x`) is ignored. The stage follows infra's rule (stageConfig).
 * Errors: UsageError naming the argument.
 * @example parseDeployArgs(['--stage', 'staging', '--staff-email', 'ops@example.org'], {}).region // 'eu-central-1'
 */
export function parseDeployArgs(argv: readonly string[], env: NodeJS.ProcessEnv): DeployArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((a) => a !== '--'),
      options: {
        stage: { type: 'string' },
        region: { type: 'string' },
        domain: { type: 'string' },
        'alarm-email': { type: 'string' },
        'staff-email': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (!values.stage) throw new UsageError('--stage is required (for example --stage staging, or --stage prod).');
  try {
    stageConfig(values.stage);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const region = values.region ?? env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? DEFAULT_REGION;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new UsageError(`--region "${region}" is not an AWS region (eu-central-1).`);
  return {
    stage: values.stage,
    region,
    domain: optionalMatching(values.domain?.toLowerCase(), DOMAIN, 'domain', 'a domain name (mekendesh.kg)'),
    alarmEmail: optionalMatching(values['alarm-email'], EMAIL, 'alarm-email', 'an email address'),
    staffEmail: optionalMatching(values['staff-email'], EMAIL, 'staff-email', 'an email address'),
    dryRun: values['dry-run'],
    force: values.force,
  };
}

/** One command the deploy runs, with where and why. */
export interface Step {
  readonly title: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Relative to the repository root. */
  readonly cwd: string;
}

/** The `-c key=value` context bin/app.ts reads (stage, alarmEmail, domain). */
function cdkContext(args: DeployArgs): string[] {
  const context = [`stage=${args.stage}`];
  if (args.alarmEmail) context.push(`alarmEmail=${args.alarmEmail}`);
  if (args.domain) context.push(`domain=${args.domain}`);
  return context.flatMap((c) => ['-c', c]);
}

/** `cdk bootstrap` for the environments that lack the CDKToolkit stack (the stage's region and us-east-1). */
export function bootstrapStep(account: string, regions: readonly string[]): Step {
  return {
    title: `bootstrap ${regions.join(' and ')}`,
    command: 'cdk',
    args: ['bootstrap', ...regions.map((r) => `aws://${account}/${r}`)],
    cwd: 'infra',
  };
}

/** Build the web app, then deploy every stack of the stage, writing the outputs to `outputsFile`. */
export function deploySteps(args: DeployArgs, outputsFile: string): Step[] {
  return [
    { title: 'build the web app', command: 'pnpm', args: ['build'], cwd: '.' },
    {
      title: `deploy every stack of ${args.stage}`,
      command: 'cdk',
      args: ['deploy', '--all', '--require-approval', 'never', ...cdkContext(args), '--outputs-file', outputsFile],
      cwd: 'infra',
    },
  ];
}

/** `cdk destroy` of every stack of the stage (`--force` is cdk's: no question asked). */
export function destroyStep(args: DeployArgs): Step {
  return {
    title: `destroy every stack of ${args.stage}`,
    command: 'cdk',
    args: ['destroy', '--all', '--force', ...cdkContext(args)],
    cwd: 'infra',
  };
}

/** `Mekendesh-<stage>-<Part>` with the region it lives in. */
export function stageStacks(args: DeployArgs): { name: string; region: string }[] {
  return STACK_PARTS.map((part) => ({ name: `Mekendesh-${args.stage}-${part}`, region: part === 'Edge' ? EDGE_REGION : args.region }));
}

/** A step as a shell line, for the plan and the log. */
export function showStep(step: Step): string {
  const quoted = step.args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`));
  return `${step.cwd === '.' ? '' : `(cd ${step.cwd} && `}${[step.command, ...quoted].join(' ')}${step.cwd === '.' ? '' : ')'}`;
}
