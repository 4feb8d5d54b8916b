import { createRoute, z } from '@hono/zod-openapi';
import { ProblemSchema } from '@mekendesh/contracts';
import type { Deps } from '../composition.js';
import { problem } from '../middleware/problem.js';
import { log } from '../middleware/logger.js';
import { resource } from './shared.js';

const HealthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') }).meta({ id: 'Health' });

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['system'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'The API and its database answer', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'The database does not answer', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

/** Liveness, mounted at /health. */
export function healthRoutes(deps: Deps) {
  return resource().openapi(route, async (c) => {
    try {
      await deps.health.ping();
    } catch (e) {
      log('error', 'health check failed', { error: (e as Error).name });
      return problem(c, 'unavailable', { detail: 'database unreachable' }) as never;
    }
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  });
}
