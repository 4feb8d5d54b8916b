import { createRoute } from '@hono/zod-openapi';
import { AuditListSchema, AuditSearchQuerySchema } from '@mekendesh/contracts';
import { searchAudit } from '@mekendesh/domain/audit-search';
import type { Deps } from '../composition.js';
import { json, problems, resource, staffOnly } from './shared.js';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['staff'],
  security: staffOnly,
  summary: 'The audit log, newest first: all of it, or one actor, object or action, within Bishkek days from..to',
  request: { query: AuditSearchQuerySchema },
  responses: { 200: json(AuditListSchema, 'A page of audit entries'), ...problems(400, 401, 403) },
});

/** The staff audit search, mounted at /audit. */
export function auditRoutes(deps: Deps) {
  return resource().openapi(list, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await searchAudit(deps, c.var.actor, c.req.valid('query')), 200);
  });
}
