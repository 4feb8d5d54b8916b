/**
 * The runtime contract of every deployed function (issue 14): its environment names secrets and parameters, never
 * their values. At cold start this reads them once and sets the plain variables the code already reads.
 * - CURSOR_SECRET_ARN → CURSOR_SECRET, PROXY_SECRET_ARN → PROXY_SECRET (string secrets)
 * - STRIPE_SECRET_ARN → JSON `{"secretKey","webhookSecret"}` → STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET (both or neither)
 * - WEB_ORIGIN_PARAMETER (SSM String parameter name) → WEB_ORIGIN; API_PUBLIC_URL defaults to WEB_ORIGIN (same origin, /v1)
 * Plain variables already set win (the local stack and tests set them).
 */

import { getSsmParameter } from './ssm-parameter.js';

/** The part of a Secrets Manager client the loader uses: `GetSecretValueCommand` for one id, `BatchGetSecretValueCommand` for more. */
export interface SecretsClient {
  send(command: { input: { SecretId?: string; SecretIdList?: string[] } }): Promise<{
    SecretValues?: { ARN?: string; Name?: string; SecretString?: string }[];
    Errors?: { SecretId?: string; ErrorCode?: string; Message?: string }[];
    /** GetSecretValue's answer. */
    SecretString?: string;
  }>;
}

/** The part of an SSM client the loader uses (`GetParameterCommand` in, its output back). */
export interface ParameterClient {
  send(command: { input: { Name?: string } }): Promise<{ Parameter?: { Value?: string } }>;
}

/** How the loader reaches AWS; the SDK clients (imported when first needed) unless a test gives its own. */
export interface ColdStartClients {
  secrets?: () => Promise<{ client: SecretsClient; command: (ids: string[]) => { input: { SecretId?: string; SecretIdList?: string[] } } }>;
  parameters?: () => Promise<{ client: ParameterClient; command: (name: string) => { input: { Name?: string } } }>;
}

/** What a start read: the variables it set and why card payments stay off, if they do. */
export interface ColdStartReport {
  set: string[];
  warnings: string[];
}

type Env = NodeJS.ProcessEnv;

/** One secret of the contract: the variable naming it and how its value becomes plain variables. */
interface SecretRule {
  arnVariable: string;
  /** The plain variables it sets; when all are set already, the secret is not read. */
  targets: string[];
  apply(value: string | undefined, env: Env, report: ColdStartReport): void;
}

function plainSecret(target: string): SecretRule {
  return {
    arnVariable: `${target}_ARN`,
    targets: [target],
    apply(value, env, report) {
      if (!value) throw new Error(`${target}_ARN (${env[`${target}_ARN`]}) names a secret without a string value`);
      env[target] = value;
      report.set.push(target);
    },
  };
}

/** `{}` (the placeholder infra creates) or a JSON without both keys leaves cards off: a warning, not a failed start. */
const STRIPE: SecretRule = {
  arnVariable: 'STRIPE_SECRET_ARN',
  targets: ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'],
  apply(value, env, report) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value ?? '{}');
    } catch {
      report.warnings.push('STRIPE_SECRET_ARN names a secret that is not JSON: card payments are off');
      return;
    }
    const { secretKey, webhookSecret } = (parsed ?? {}) as { secretKey?: unknown; webhookSecret?: unknown };
    if (typeof secretKey !== 'string' || !secretKey || typeof webhookSecret !== 'string' || !webhookSecret) {
      report.warnings.push('the Stripe secret has no secretKey and webhookSecret yet: card payments are off');
      return;
    }
    env.STRIPE_SECRET_KEY = secretKey;
    env.STRIPE_WEBHOOK_SECRET = webhookSecret;
    report.set.push('STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET');
  },
};

/** Every secret of the runtime contract (base of issue 14); names fixed, infra passes the ARNs. */
// ORIGIN_VERIFY: the web function's CloudFront secret header (infra web-stack.ts, web/lambda/handler.ts).
const SECRET_RULES: readonly SecretRule[] = [
  plainSecret('CURSOR_SECRET'),
  plainSecret('PROXY_SECRET'),
  plainSecret('ORIGIN_VERIFY'),
  STRIPE,
];

const sdkSecrets: NonNullable<ColdStartClients['secrets']> = async () => {
  // Imported here: a function whose environment names no secret never loads the client.
  const { BatchGetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  // One secret (the jobs, the web function): GetSecretValue, which their grantRead allows; more: one batch (it needs
  // secretsmanager:BatchGetSecretValue besides GetSecretValue on each secret; infra api-stack grants it to the API).
  return {
    client: new SecretsManagerClient({}),
    command: (ids) =>
      ids.length === 1 ? new GetSecretValueCommand({ SecretId: ids[0] }) : new BatchGetSecretValueCommand({ SecretIdList: ids }),
  };
};

/** SSM through one signed request (ssm-parameter.ts): the SDK's SSM client weighs ~57 KB gzipped for this one call. */
const signedParameters: NonNullable<ColdStartClients['parameters']> = async () => ({
  command: (name) => ({ input: { Name: name } }),
  client: { send: async ({ input }) => ({ Parameter: { Value: await getSsmParameter(input.Name!) } }) },
});

/** The secrets to read: those whose ARN is given and whose plain variables are not all set already. */
function pendingSecrets(env: Env): SecretRule[] {
  return SECRET_RULES.filter((rule) => env[rule.arnVariable] && !rule.targets.every((t) => env[t]));
}

/** Reads the pending secrets in ONE call: GetSecretValue for one, BatchGetSecretValue for more (at most 20; the contract has 3). */
async function readSecrets(env: Env, rules: SecretRule[], clients: ColdStartClients, report: ColdStartReport): Promise<void> {
  if (rules.length === 0) return;
  const { client, command } = await (clients.secrets ?? sdkSecrets)();
  const ids = rules.map((rule) => env[rule.arnVariable]!);
  const out = await client.send(command(ids));
  const failed = out.Errors ?? [];
  if (failed.length > 0) {
    const names = failed.map((e) => `${rules[ids.indexOf(e.SecretId ?? '')]?.arnVariable ?? e.SecretId} (${e.ErrorCode ?? 'error'})`);
    throw new Error(`could not read the secrets ${names.join(', ')}`);
  }
  if (ids.length === 1) return rules[0]!.apply(out.SecretString, env, report);
  // Answers come in any order, keyed by the full ARN (or the name, when the id given was a name).
  const values = out.SecretValues ?? [];
  for (const [i, rule] of rules.entries()) {
    const found = values.find((v) => v.ARN === ids[i] || v.Name === ids[i]);
    rule.apply(found?.SecretString, env, report);
  }
}

async function readWebOrigin(env: Env, clients: ColdStartClients, report: ColdStartReport): Promise<void> {
  const name = env.WEB_ORIGIN_PARAMETER;
  if (!name || env.WEB_ORIGIN) return;
  const { client, command } = await (clients.parameters ?? signedParameters)();
  const value = (await client.send(command(name))).Parameter?.Value;
  if (!value) throw new Error(`WEB_ORIGIN_PARAMETER (${name}) names a parameter without a value`);
  env.WEB_ORIGIN = value.replace(/\/+$/, '');
  report.set.push('WEB_ORIGIN');
}

/**
 * Reads the secrets and the web-origin parameter `env` names (in parallel: one BatchGetSecretValue, one GetParameter)
 * and sets their plain variables on `env`; then API_PUBLIC_URL defaults to WEB_ORIGIN. Nothing named: no AWS call.
 * @throws Error naming the variable when a secret or the parameter cannot be read or a string secret is empty.
 * @example await readColdStartEnv({ CURSOR_SECRET_ARN: 'arn:…', WEB_ORIGIN_PARAMETER: '/mekendesh/prod/web-origin' })
 * // { set: ['CURSOR_SECRET', 'WEB_ORIGIN', 'API_PUBLIC_URL'], warnings: [] }
 */
export async function readColdStartEnv(env: Env, clients: ColdStartClients = {}): Promise<ColdStartReport> {
  const report: ColdStartReport = { set: [], warnings: [] };
  await Promise.all([readSecrets(env, pendingSecrets(env), clients, report), readWebOrigin(env, clients, report)]);
  if (!env.API_PUBLIC_URL && env.WEB_ORIGIN) {
    env.API_PUBLIC_URL = env.WEB_ORIGIN;
    report.set.push('API_PUBLIC_URL');
  }
  return report;
}

const loads = new WeakMap<Env, Promise<ColdStartReport>>();

/**
 * {@link readColdStartEnv} once per `env` object (process.env: once per process): concurrent callers share the one
 * read; a read that failed is forgotten, so the next invocation tries again instead of failing the instance for good.
 */
export function loadColdStartEnv(env: Env = process.env, clients: ColdStartClients = {}): Promise<ColdStartReport> {
  let load = loads.get(env);
  if (!load) {
    load = readColdStartEnv(env, clients).catch((e: unknown) => {
      loads.delete(env);
      throw e;
    });
    loads.set(env, load);
  }
  return load;
}
