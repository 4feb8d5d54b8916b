import { createRoute } from '@hono/zod-openapi';
import { TerritoryListSchema } from '@mekendesh/contracts';
import { TERRITORIES } from '@mekendesh/territories';
import { resource } from './shared.js';

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['reference'],
  summary: 'The 9 oblast-level and 55 rayon-level territories with SOATE codes and ky/ru/en names',
  responses: {
    200: { description: 'All territories', content: { 'application/json': { schema: TerritoryListSchema } } },
  },
});

/** The reference list of territories, mounted at /territories. */
export function territoryRoutes() {
  return resource().openapi(route, (c) => {
    // Reference data changes with a release, not at run time.
    c.header('cache-control', 'public, max-age=86400');
    return c.json({ items: [...TERRITORIES] }, 200);
  });
}
