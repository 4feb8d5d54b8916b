import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { AuditListSchema } from '@mekendesh/contracts';
import { authorize } from '@mekendesh/domain';
import type { Deps } from '../composition.js';
import { actorOf } from '../middleware/auth.js';
import { validationHook } from '../validation.js';
import { json, problems, staffOnly } from './shared.js';

const list = createRoute({
  method: 'get', path: '/audit', tags: ['staff'], security: staffOnly, summary: 'The audit log, newest first',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().max(512).optional() }).strict() },
  responses: { 200: json(AuditListSchema, 'A page of audit entries'), ...problems(400, 401, 403) },
});

export function auditRoutes(deps: Deps) {
  return new OpenAPIHono({ defaultHook: validationHook }).openapi(list, async (c) => {
    authorize(actorOf(c), { action: 'audit:read' });
    c.header('cache-control', 'private, no-store');
    return c.json(await deps.audit.list(c.req.valid('query')), 200);
  });
}
