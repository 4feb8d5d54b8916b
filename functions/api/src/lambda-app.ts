import { createApp } from './app.js';
import { composeFromEnv } from './composition.js';

/**
 * The app as the cloud runs it: composed from `env` as a deployed function, never as the local stack, so the dev
 * outbox (GET /v1/dev/outbox) is not mounted whatever the environment says (DEV_OUTBOX is ignored here).
 * In Lambda (AWS_LAMBDA_FUNCTION_NAME set) it throws when CURSOR_SECRET is missing (composeFromEnv).
 * Its own module so the Lambda entry (lambda.ts) can import it while the cold-start secrets are being read.
 */
export function createLambdaApp(env: NodeJS.ProcessEnv = process.env) {
  return createApp(composeFromEnv(env));
}
