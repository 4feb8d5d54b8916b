import { handle } from 'hono/aws-lambda';
import { loadColdStartEnv, observability, startInvocation, type ColdStartClients, type InvocationContext } from '@mekendesh/lambda-runtime';
import { useLogSink } from './middleware/logger.js';

type LambdaHandler = ReturnType<typeof handle>;

/**
 * A Lambda handler that starts on its first invocation (or, with `prestart` in Lambda, as the instance starts): reads the secrets and the web origin its environment names
 * (packages/lambda-runtime loadColdStartEnv: CURSOR_SECRET_ARN, PROXY_SECRET_ARN, STRIPE_SECRET_ARN,
 * WEB_ORIGIN_PARAMETER), composes the app from `env`, and hands every invocation to `handle(app)` (Hono's adapter)
 * from then on. Concurrent first invocations share the one start; a start that failed (e.g. a secret could not be
 * read) is tried again by the next invocation instead of failing the instance for good. In Lambda the API's log lines
 * go through Powertools (request id, cold start) and the first invocation publishes ColdStart (namespace Mekendesh/Api).
 */
export function lazyHandler(env: NodeJS.ProcessEnv = process.env, clients: ColdStartClients = {}, prestart = false): LambdaHandler {
  const o = observability({ service: 'api', namespace: 'Mekendesh/Api', env });
  if (env.AWS_LAMBDA_FUNCTION_NAME) useLogSink(o.log);
  let started: Promise<LambdaHandler> | undefined;
  const start = async () => {
    // The app's modules (routes, schemas, adapters: most of a cold start's CPU) load while the secrets are on the wire.
    const [report, { createLambdaApp }] = await Promise.all([loadColdStartEnv(env, clients), import('./lambda-app.js')]);
    for (const warning of report.warnings) o.log('warn', warning);
    return handle(createLambdaApp(env));
  };
  // In Lambda the start begins with the instance (its init phase), not with the first event: by the time the event
  // arrives the app is composed. A failed start is retried by the first invocation (as by every later one).
  if (env.AWS_LAMBDA_FUNCTION_NAME && prestart) {
    started = start().catch((e: unknown) => {
      started = undefined;
      o.log('warn', 'cold start failed; the next invocation tries again', { error: (e as Error).message });
      throw e;
    });
    started.catch(() => undefined);
  }
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

// Started once per execution environment (as it starts: its init phase), reused across invocations. Loading this module
// evaluates none of the app: lambda-app.js is imported by the start, beside the secrets' read.
export const handler = lazyHandler(process.env, {}, true);
