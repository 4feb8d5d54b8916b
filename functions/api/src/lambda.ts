import { handle } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { composeFromEnv } from './composition.js';

/**
 * The app as the cloud runs it: composed from `env` as a deployed function, never as the local stack, so the dev
 * outbox (GET /v1/dev/outbox) is not mounted whatever the environment says (DEV_OUTBOX is ignored here).
 * In Lambda (AWS_LAMBDA_FUNCTION_NAME set) it throws when CURSOR_SECRET is missing (composeFromEnv).
 */
export function createLambdaApp(env: NodeJS.ProcessEnv = process.env) {
  return createApp(composeFromEnv(env));
}

type LambdaHandler = ReturnType<typeof handle>;

/**
 * Sets `env.CURSOR_SECRET` from the Secrets Manager secret CURSOR_SECRET_ARN names (the stack passes its ARN,
 * never its value), unless CURSOR_SECRET is set already or no ARN is given (local runs).
 * @throws Error when the secret has no string value.
 */
async function loadCursorSecret(env: NodeJS.ProcessEnv): Promise<void> {
  const arn = env.CURSOR_SECRET_ARN;
  if (env.CURSOR_SECRET || !arn) return;
  // Imported here: the SDK client is loaded once, by the cold start that reads the secret.
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error(`CURSOR_SECRET_ARN (${arn}) names a secret without a string value`);
  env.CURSOR_SECRET = out.SecretString;
}

/**
 * A Lambda handler that starts on its first invocation: reads the cursor secret once, composes the app from
 * `env`, and hands every invocation to `handle(app)` (Hono's adapter) from then on. Concurrent first
 * invocations share the one start; a start that failed (e.g. the secret could not be read) is tried again by
 * the next invocation instead of failing the instance for good.
 */
export function lazyHandler(env: NodeJS.ProcessEnv = process.env): LambdaHandler {
  let started: Promise<LambdaHandler> | undefined;
  const start = async () => {
    await loadCursorSecret(env);
    return handle(createLambdaApp(env));
  };
  return async (event, context) => {
    started ??= start().catch((e: unknown) => {
      started = undefined;
      throw e;
    });
    return (await started)(event, context);
  };
}

// Started once per execution environment (on its first invocation), reused across invocations.
export const handler = lazyHandler();
