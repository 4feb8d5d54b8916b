import { createRoute, z } from '@hono/zod-openapi';
import {
  PaymentDetailsSchema,
  ReceivingAccountListSchema,
  ReceivingAccountRequestSchema,
  ReceivingAccountSchema,
  ReceivingAccountVersionSchema,
} from '@mekendesh/contracts';
import {
  createReceivingAccount,
  deleteReceivingAccount,
  listReceivingAccounts,
  paymentDetails,
  replaceReceivingAccount,
} from '@mekendesh/domain/receiving-accounts';
import type { Deps } from '../composition.js';
import { requestLocale } from '../middleware/problem.js';
import { bearer, IdParams, json, jsonBody, problems, resource, staffOnly } from './shared.js';

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Every receiving account, active or not',
  responses: { 200: json(ReceivingAccountListSchema, 'Accounts, oldest first'), ...problems(401, 403) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Add a bank account or a money-transfer company for a currency (audited)',
  description:
    'One active account per kind and currency (409 otherwise). The payment purpose (bank) or instructions (money transfer) must contain {reference} in ky, ru and en.',
  request: { body: jsonBody(ReceivingAccountRequestSchema) },
  responses: { 201: json(ReceivingAccountSchema, 'The account'), ...problems(400, 401, 403, 409) },
});

const replace = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Replace an account’s details, or (de)activate it, from the version read (audited)',
  request: { params: IdParams, query: ReceivingAccountVersionSchema, body: jsonBody(ReceivingAccountRequestSchema) },
  responses: { 200: json(ReceivingAccountSchema, 'The account as stored now'), ...problems(400, 401, 403, 404, 409) },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags: ['money (staff)'],
  security: staffOnly,
  summary: 'Remove an account (its details stay in the audit log)',
  request: { params: IdParams, query: ReceivingAccountVersionSchema },
  responses: { 200: json(z.object({ id: z.string() }), 'Removed'), ...problems(400, 401, 403, 404, 409) },
});

const details = createRoute({
  method: 'get',
  path: '/{id}/payment-details',
  tags: ['pledges'],
  security: bearer,
  summary: 'Where and how to pay one of your transfer pledges (staff: any)',
  description:
    'The active accounts for the pledge’s currency (its channel’s kind first), each with the payment purpose holding the reference and a QR payload; empty when none takes the currency, with the programme office to ask.',
  request: { params: IdParams },
  responses: { 200: json(PaymentDetailsSchema, 'Payment details'), ...problems(400, 401, 404) },
});

/** Staff maintain the programme's receiving accounts; mounted at /staff/receiving-accounts. */
export function receivingAccountRoutes(deps: Deps) {
  const p = deps.payments;
  // Who may call is settled from each route's `security` before its validators run (middleware/access.ts).
  return resource()
    .openapi(list, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json({ items: await listReceivingAccounts(p, c.var.actor) }, 200);
    })
    .openapi(create, async (c) => c.json(await createReceivingAccount(p, c.var.actor, c.req.valid('json')), 201))
    .openapi(replace, async (c) => {
      const input = { id: c.req.valid('param').id, version: c.req.valid('query').version, request: c.req.valid('json') };
      return c.json(await replaceReceivingAccount(p, c.var.actor, input), 200);
    })
    .openapi(remove, async (c) => {
      const { id } = c.req.valid('param');
      await deleteReceivingAccount(p, c.var.actor, { id, version: c.req.valid('query').version });
      return c.json({ id }, 200);
    });
}

/** Investors read where to pay their transfer pledge; mounted at /pledges. */
export function paymentDetailRoutes(deps: Deps) {
  return resource().openapi(details, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await paymentDetails(deps.payments, c.var.actor, c.req.valid('param').id, requestLocale(c)), 200);
  });
}
