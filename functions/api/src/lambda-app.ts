import { composeFromEnv } from './composition.js';
import { lazyApp } from './lazy-app.js';

/**
 * The app as the cloud runs it: composed from `env` as a deployed function, never as the local stack, so the dev
 * outbox (GET /v1/dev/outbox) is not mounted whatever the environment says (DEV_OUTBOX is ignored here).
 * In Lambda (AWS_LAMBDA_FUNCTION_NAME set) it throws when CURSOR_SECRET is missing (composeFromEnv).
 * Its own module so the Lambda entry (lambda.ts) can import it while the cold-start secrets are being read; each
 * request's resource loads on its first request (lazy-app.ts), so a cold start evaluates one resource's routes.
 */
export function createLambdaApp(env: NodeJS.ProcessEnv = process.env) {
  return lazyApp(composeFromEnv(env));
}
