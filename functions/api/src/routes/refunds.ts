import { createRoute } from '@hono/zod-openapi';
import { PledgeSchema, RefundDueListSchema, RefundDueQuerySchema, RefundPaidRequestSchema } from '@mekendesh/contracts';
import { listRefundsDue, markRefundPaid } from '@mekendesh/domain/refunds-due';
import type { Deps } from '../composition.js';
import { IdParams, json, jsonBody, problems, resource, staffOnly } from './shared.js';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Refunds to pay: refunded transfer pledges whose received money is owed back, oldest first, with the investor',
  request: { query: RefundDueQuerySchema },
  responses: { 200: json(RefundDueListSchema, 'A page of refunds owed'), ...problems(400, 401, 403) },
});

const paid = createRoute({
  method: 'post',
  path: '/{id}/paid',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: "Mark a refunded transfer pledge's money paid back (audited; the investor is told)",
  description:
    'paidOn is a Bishkek day not in the future (400); the pledge leaves the queue in the same transaction as the audit entry refund.paid. A second call, or a pledge with nothing owed, is 409 and changes nothing.',
  request: { params: IdParams, body: jsonBody(RefundPaidRequestSchema) },
  responses: { 200: json(PledgeSchema, 'The pledge, marked paid'), ...problems(400, 401, 403, 404, 409) },
});

/** The refunds-to-pay queue, mounted at /staff/refunds. */
export function refundRoutes(deps: Deps) {
  return resource()
    .openapi(list, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await listRefundsDue(deps, c.var.actor, c.req.valid('query')), 200);
    })
    .openapi(paid, async (c) =>
      c.json(await markRefundPaid(deps.money, c.var.actor, { pledgeId: c.req.valid('param').id, body: c.req.valid('json') }), 200),
    );
}
