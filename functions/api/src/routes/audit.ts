import { createRoute, z } from '@hono/zod-openapi';
import { AuditListSchema, queryInt } from '@mekendesh/contracts';
import { authorize } from '@mekendesh/domain';
import type { Deps } from '../composition.js';
import { json, problems, resource, staffOnly } from './shared.js';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['staff'],
  security: staffOnly,
  summary: 'The audit log, newest first',
  request: {
    query: z.object({ limit: queryInt({ min: 1, max: 100, default: 50 }), cursor: z.string().max(512).optional() }).strict(),
  },
  responses: { 200: json(AuditListSchema, 'A page of audit entries'), ...problems(400, 401, 403) },
});

/** The audit log, mounted at /audit. */
export function auditRoutes(deps: Deps) {
  return resource().openapi(list, async (c) => {
    authorize(c.var.actor, { action: 'audit:read' });
    c.header('cache-control', 'private, no-store');
    return c.json(await deps.audit.list(c.req.valid('query')), 200);
  });
}
