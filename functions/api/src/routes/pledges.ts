import { createRoute, z } from '@hono/zod-openapi';
import {
  IdempotencyKeySchema,
  PledgeListQuerySchema,
  PledgeListSchema,
  PledgeRequestSchema,
  PledgeViewSchema,
  ProjectFundingSchema,
} from '@mekendesh/contracts';
import { getPledge, listMyPledges, signedInToPledge } from '@mekendesh/domain/pledges';
import { pledgeAndNotify } from '@mekendesh/domain/pledge-email';
import { projectFunding } from '@mekendesh/domain/money-admin';
import type { Deps } from '../composition.js';
import type { ReadAhead } from '../middleware/auth.js';
import { log } from '../middleware/logger.js';
import { noticeOfPledgeMessage } from './pledge-message-notice.js';
import { bearer, IdParams, json, jsonBody, notForStaff, problems, resource } from './shared.js';

const create = createRoute({
  method: 'post',
  path: '/{id}/pledges',
  tags: ['pledges'],
  security: bearer,
  ...notForStaff,
  summary: 'Pledge to a published project (idempotent per Idempotency-Key)',
  description:
    'Send a fresh Idempotency-Key per pledge attempt and the same key on retries: a retry with the same body returns the ' +
    'first pledge (200), the same key with another body is a 422. Money pledges are priced in KGS at the rate of the day, ' +
    'which is stored with the pledge; they must reach the project minimum. Transfers quote the paymentReference; the investor is emailed ' +
    'how to pay (once per pledge, retries included). Card pledges only while cards take the currency (else 409 naming ' +
    '`channel`). At most 10 new pledges a minute and 50 a Bishkek day per investor (RateLimits): beyond, 429 with Retry-After.',
  request: { params: IdParams, headers: z.object({ 'idempotency-key': IdempotencyKeySchema }), body: jsonBody(PledgeRequestSchema) },
  responses: {
    201: json(PledgeViewSchema, 'The new pledge, with payment instructions'),
    200: json(PledgeViewSchema, 'A retry: the pledge made by the first call with this key'),
    ...problems(400, 401, 403, 404, 409, 429),
    422: {
      description: 'The Idempotency-Key was used with a different body',
      content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
    },
  },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['pledges'],
  security: bearer,
  summary: 'One of your pledges (staff: any)',
  request: { params: IdParams },
  responses: { 200: json(PledgeViewSchema, 'The pledge'), ...problems(400, 401, 404) },
});

const mine = createRoute({
  method: 'get',
  path: '/pledges',
  tags: ['pledges'],
  security: bearer,
  summary: 'Your portfolio: your pledges, newest first',
  request: { query: PledgeListQuerySchema },
  responses: { 200: json(PledgeListSchema, 'A page of pledges'), ...problems(400, 401) },
});

const funding = createRoute({
  method: 'get',
  path: '/{id}/funding',
  tags: ['pledges'],
  summary: 'A project’s money from its running totals, and what one som of a pledge becomes there today',
  request: { params: IdParams },
  responses: { 200: json(ProjectFundingSchema, 'Totals in KGS tyiyn and the programmes that match'), ...problems(400, 404) },
});

/**
 * The pledge route's read-ahead (middleware/auth.ts): a POST to `<base>/projects/{id}/pledges` with a well-formed
 * id and Idempotency-Key signs the investor in with the pledge's first batch (signedInToPledge), so a pledge
 * reads once before its transaction instead of twice. Anything else signs in as every route does.
 */
export function pledgeReadAhead(deps: Deps, base: string): ReadAhead {
  const { users, identity, clock } = deps.accounts;
  const path = new RegExp(`^${base}/projects/([^/]+)/pledges$`);
  return (c) => {
    if (c.req.method !== 'POST') return undefined;
    const projectId = IdParams.shape.id.safeParse(path.exec(c.req.path)?.[1]);
    const idempotencyKey = IdempotencyKeySchema.safeParse(c.req.header('idempotency-key'));
    if (!projectId.success || !idempotencyKey.success) return undefined;
    return async (claims) => {
      const target = { projectId: projectId.data, idempotencyKey: idempotencyKey.data };
      const { actor, user, read } = await signedInToPledge({ users, identity, clock, money: deps.money.money }, claims, target);
      c.set('pledgeRead', read);
      return { actor, user };
    };
  };
}

/** Pledging to a project, and its funding, mounted at /projects. */
export function projectPledgeRoutes(deps: Deps) {
  return resource()
    .openapi(create, async (c) => {
      const out = await pledgeAndNotify(deps.payments, c.var.actor, {
        projectId: c.req.valid('param').id,
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        request: c.req.valid('json'),
        // Authentication read the pledge's first items with the investor's record (pledgeReadAhead).
        ...(c.var.pledgeRead ? { read: c.var.pledgeRead } : {}),
      });
      // The pledge stands; its email stays queued and a retry of this request sends it (by `stream`, the mail function does).
      if (!out.emailed && deps.payments.mailDelivery !== 'stream') log('warn', 'pledge email not sent yet', { pledgeId: out.pledge.id });
      // A message reaches the project's officers after the pledge's commit, never inside it (the pledge path stays as fast);
      // the project is the one the pledge read ahead when there was one. A retry's notice is the same mail, sent once.
      await noticeOfPledgeMessage(deps, out.pledge, c.var.pledgeRead?.context.project);
      c.header('cache-control', 'private, no-store');
      return out.created ? c.json(out.pledge, 201) : c.json(out.pledge, 200);
    })
    .openapi(funding, async (c) => {
      c.header('cache-control', 'public, max-age=15');
      return c.json(await projectFunding(deps.money, c.req.valid('param').id), 200);
    });
}

/** One pledge, mounted at /pledges. */
export function pledgeRoutes(deps: Deps) {
  return resource().openapi(one, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await getPledge(deps.money, c.var.actor, c.req.valid('param').id), 200);
  });
}

/** The signed-in investor's portfolio, mounted at /me. */
export function myPledgeRoutes(deps: Deps) {
  return resource().openapi(mine, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await listMyPledges(deps.money, c.var.actor, c.req.valid('query')), 200);
  });
}
