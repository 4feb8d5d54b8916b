import { createRoute, z } from '@hono/zod-openapi';
import { NamedSupportersQuerySchema, NamedSupportersSchema, PublicLedgerQuerySchema, PublicLedgerSchema } from '@mekendesh/contracts';
import { getNamedSupporters } from '@mekendesh/domain/transparency';
import { getPublicLedger } from '@mekendesh/domain/public-ledger';
import type { Deps } from '../composition.js';
import { IdParams, json, problems, resource } from './shared.js';

const route = createRoute({
  method: 'get',
  path: '/{id}/ledger',
  tags: ['pledges'],
  summary: "A public project's ledger, newest first: pledged, received, matched, refunded; investors named only if they opted in",
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
    }),
    query: PublicLedgerQuerySchema,
  },
  responses: { 200: json(PublicLedgerSchema, 'A page of ledger entries'), ...problems(400, 404) },
});

const supporters = createRoute({
  method: 'get',
  path: '/{id}/supporters',
  tags: ['pledges'],
  summary: "A public project's supporters who chose to be shown by name (a club shows its name), newest first; never anyone anonymous",
  request: { params: IdParams, query: NamedSupportersQuerySchema },
  responses: { 200: json(NamedSupportersSchema, 'A page of named supporters'), ...problems(400, 404) },
});

/** A public project's ledger and named supporters, mounted at /projects. */
export function ledgerRoutes(deps: Deps) {
  return resource()
    .openapi(route, async (c) => {
      const ledger = await getPublicLedger(
        { projects: deps.projects, ledger: deps.ledger },
        { projectId: c.req.valid('param').id, ...c.req.valid('query') },
      );
      c.header('cache-control', 'public, max-age=15');
      return c.json(ledger, 200);
    })
    .openapi(supporters, async (c) => {
      const page = await getNamedSupporters(
        { projects: deps.projects, supporters: deps.transparency.supporters },
        { projectId: c.req.valid('param').id, ...c.req.valid('query') },
      );
      c.header('cache-control', 'public, max-age=15');
      return c.json(page, 200);
    });
}
