import { handle } from 'hono/aws-lambda';
import { loadColdStartEnv, observability, startInvocation, type ColdStartClients, type InvocationContext } from '@mekendesh/lambda-runtime';
import { createApp } from './app.js';
import { composeFromEnv } from './composition.js';
import { useLogSink } from './middleware/logger.js';

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
 * A Lambda handler that starts on its first invocation: reads the secrets and the web origin its environment names
 * (packages/lambda-runtime loadColdStartEnv: CURSOR_SECRET_ARN, PROXY_SECRET_ARN, STRIPE_SECRET_ARN,
 * WEB_ORIGIN_PARAMETER), composes the app from `env`, and hands every invocation to `handle(app)` (Hono's adapter)
 * from then on. Concurrent first invocations share the one start; a start that failed (e.g. a secret could not be
 * read) is tried again by the next invocation instead of failing the instance for good. In Lambda the API's log lines
 * go through Powertools (request id, cold start) and the first invocation publishes ColdStart (namespace Mekendesh/Api).
 */
export function lazyHandler(env: NodeJS.ProcessEnv = process.env, clients: ColdStartClients = {}): LambdaHandler {
  const o = observability({ service: 'api', namespace: 'Mekendesh/Api', env });
  if (env.AWS_LAMBDA_FUNCTION_NAME) useLogSink(o.log);
  let started: Promise<LambdaHandler> | undefined;
  const start = async () => {
    const report = await loadColdStartEnv(env, clients);
    for (const warning of report.warnings) o.log('warn', warning);
    return handle(createLambdaApp(env));
  };
  return async (event, context) => {
    // Tests may invoke without a context; Lambda always gives one.
    if ((context as Partial<InvocationContext> | undefined)?.awsRequestId) startInvocation(o, context as InvocationContext);
    started ??= start().catch((e: unknown) => {
      started = undefined;
      throw e;
    });
    return (await started)(event, context);
  };
}

// Started once per execution environment (on its first invocation), reused across invocations.
export const handler = lazyHandler();
