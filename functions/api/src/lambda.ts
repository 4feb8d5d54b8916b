import { handle } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { composeFromEnv } from './composition.js';

// Composed once per execution environment, reused across invocations.
export const handler = handle(createApp(composeFromEnv()));
