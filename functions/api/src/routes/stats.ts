import { createRoute } from '@hono/zod-openapi';
import { OblastStatsListSchema, ProblemSchema } from '@mekendesh/contracts';
import { oblastStatistics } from '@mekendesh/domain';
import { OBLASTS } from '@mekendesh/territories';
import type { Deps } from '../composition.js';
import { resource } from './shared.js';

const oblasts = createRoute({
  method: 'get',
  path: '/oblasts',
  tags: ['stats'],
  summary: 'For the map: public projects and money raised in each of the 9 oblast-level units',
  description: 'Read from running totals kept as projects are written (one query of nine items); money in KGS tyiyn.',
  responses: {
    200: { description: 'One row per oblast-level unit', content: { 'application/json': { schema: OblastStatsListSchema } } },
    503: { description: 'The database is unavailable', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

const OBLAST_CODES = OBLASTS.map((o) => o.soate);

/** Figures for the map, mounted at /stats. */
export function statsRoutes(deps: Deps) {
  return resource().openapi(oblasts, async (c) => {
    const items = await oblastStatistics(deps.projects, OBLAST_CODES);
    c.header('cache-control', 'public, max-age=60');
    return c.json({ currency: 'KGS' as const, items }, 200);
  });
}
