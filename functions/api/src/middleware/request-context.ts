import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from '../env.js';
import { log } from './logger.js';

const VALID_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Gives every request an id (kept from x-request-id when it looks sane), echoes it, and logs the outcome. */
export const requestContext = createMiddleware<ApiEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const requestId = incoming && VALID_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', requestId);
  const started = performance.now();
  await next();
  c.header('x-request-id', requestId);
  log('info', 'request', {
    requestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  });
});
