import { handle } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { composeFromEnv } from './composition.js';

/**
 * The app as the cloud runs it: composed from `env` as a deployed function, never as the local stack, so the dev
 * outbox (GET /v1/dev/outbox) is not mounted whatever the environment says (DEV_OUTBOX is ignored here).
 */
export function createLambdaApp(env: NodeJS.ProcessEnv = process.env) {
  return createApp(composeFromEnv(env));
}

// Composed once per execution environment, reused across invocations.
export const handler = handle(createLambdaApp());
