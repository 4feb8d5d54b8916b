import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { TerritoryListSchema } from '@mekendesh/contracts';
import { TERRITORIES } from '@mekendesh/territories';

const route = createRoute({
  method: 'get',
  path: '/territories',
  tags: ['reference'],
  summary: 'The 9 oblast-level and 55 rayon-level territories with SOATE codes and ky/ru/en names',
  responses: {
    200: { description: 'All territories', content: { 'application/json': { schema: TerritoryListSchema } } },
  },
});

export function territoryRoutes() {
  return new OpenAPIHono().openapi(route, (c) => {
    // Reference data changes with a release, not at run time.
    c.header('cache-control', 'public, max-age=86400');
    return c.json({ items: [...TERRITORIES] }, 200);
  });
}
