import { createRoute, z } from '@hono/zod-openapi';
import { OutboxMessageSchema } from '@mekendesh/contracts';
import type { DynamoOutbox } from '@mekendesh/db/outbox';
import { json, resource } from './shared.js';

const outbox = createRoute({
  method: 'get',
  path: '/outbox',
  tags: ['dev'],
  summary: 'Local only: the emails Cognito and the platform would have sent (not mounted in the cloud)',
  responses: { 200: json(z.object({ items: z.array(OutboxMessageSchema) }), 'The latest 50 messages') },
});

/** The dev outbox, mounted at /dev only where composition wired one (the local stack). */
export function devRoutes(store: DynamoOutbox) {
  return resource().openapi(outbox, async (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ items: await store.latest(50) }, 200);
  });
}
