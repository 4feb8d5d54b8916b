import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { answerClientErrors } from './client-error.js';
import { composeFromEnv } from './composition.js';
import { log } from './middleware/logger.js';

/** Starts the API on Node (local stack, e2e tests). Returns a function that closes it. */
export function startApiServer(options: { port: number; hostname?: string; env?: NodeJS.ProcessEnv }) {
  // The local stack: the only entry point that may mount the dev outbox (DEV_OUTBOX=1).
  const app = createApp(composeFromEnv(options.env, { local: true }));
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? '127.0.0.1' }, (info) => {
      resolve({
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    // serve() without a createServer option runs an http.Server.
    answerClientErrors(server as Server);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8787);
  const { port: bound } = await startApiServer({ port });
  log('info', 'api listening', { url: `http://127.0.0.1:${bound}/v1` });
}
