import { createRoute, z } from '@hono/zod-openapi';
import {
  ClubContributionSchema,
  ClubCreateSchema,
  ClubJoinSchema,
  ClubListQuerySchema,
  ClubListSchema,
  ClubPageQuerySchema,
  ClubPageSchema,
  ClubPledgeCreateSchema,
  ClubPledgeSchema,
  ClubSchema,
  IdempotencyKeySchema,
  MyClubsSchema,
  PledgeViewSchema,
  ProjectClubsSchema,
} from '@mekendesh/contracts';
import {
  contributeToClubPledge,
  createClub,
  getClubPage,
  joinClub,
  leaveClub,
  listClubs,
  myClubs,
  openClubPledge,
  projectClubs,
} from '@mekendesh/domain/clubs';
import type { Deps } from '../composition.js';
import { noticeOfPledgeMessage } from './pledge-message-notice.js';
import { bearer, json, jsonBody, notForStaff, problems, resource } from './shared.js';

const IdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(140)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['clubs'],
  summary: 'Hometown clubs of one home rayon or one oblast, oldest first (one bounded page)',
  request: { query: ClubListQuerySchema },
  responses: { 200: json(ClubListSchema, 'A page of clubs'), ...problems(400) },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['clubs'],
  security: bearer,
  ...notForStaff,
  summary: 'Found a hometown club: you become its organiser and first member (not shown by name)',
  description:
    'At most 3 clubs per person a Bishkek day (429 with Retry-After). A club of the same name (in any case, after ' +
    'normalisation) for the same home rayon and residence city is a 409 naming `name`.',
  request: { body: jsonBody(ClubCreateSchema) },
  responses: { 201: json(ClubSchema, 'The new club'), ...problems(400, 401, 403, 409, 429) },
});

const page = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['clubs'],
  summary: "A club's page: members shown by name only if they chose it (paged by `cursor`), its club pledges with their exact sums",
  request: { params: IdParams, query: ClubPageQuerySchema },
  responses: { 200: json(ClubPageSchema, 'The club'), ...problems(400, 404) },
});

const join = createRoute({
  method: 'put',
  path: '/{id}/membership',
  tags: ['clubs'],
  security: bearer,
  ...notForStaff,
  summary: 'Join a club (again: only changes whether your name is shown)',
  request: { params: IdParams, body: jsonBody(ClubJoinSchema) },
  responses: { 200: json(z.object({ joined: z.boolean() }), 'A member'), ...problems(400, 401, 403, 404) },
});

const leave = createRoute({
  method: 'delete',
  path: '/{id}/membership',
  tags: ['clubs'],
  security: bearer,
  ...notForStaff,
  summary: 'Leave a club (your contributions stay pledges of your own); the organiser cannot (409)',
  // No query parameters: an unknown one is a 400, as on every route with input.
  request: { params: IdParams, query: z.object({}).strict() },
  responses: { 200: json(z.object({ left: z.boolean() }), 'Not a member any more'), ...problems(400, 401, 403, 404, 409) },
});

const open = createRoute({
  method: 'post',
  path: '/{id}/pledges',
  tags: ['clubs'],
  security: bearer,
  ...notForStaff,
  summary: 'The organiser opens a club pledge on a published project (one per club and project)',
  description: "403 also when the organiser is an officer of the project's organisation (they could not contribute to it).",
  request: { params: IdParams, body: jsonBody(ClubPledgeCreateSchema) },
  responses: { 201: json(ClubPledgeSchema, 'The club pledge'), ...problems(400, 401, 403, 404, 409) },
});

const contribute = createRoute({
  method: 'post',
  path: '/{id}/contributions',
  tags: ['clubs'],
  security: bearer,
  ...notForStaff,
  summary: "A member's contribution to a club pledge: a pledge of its own (idempotent per Idempotency-Key)",
  description:
    'Goes through the normal pledge path: the Idempotency-Key (a retry answers 200 with the first pledge), the pledge limits, ' +
    'pricing and the payment email. The ledger names the club, not the member. Only members of the club (403 otherwise).',
  request: { params: IdParams, headers: z.object({ 'idempotency-key': IdempotencyKeySchema }), body: jsonBody(ClubContributionSchema) },
  responses: {
    201: json(PledgeViewSchema, 'The new pledge, with payment instructions'),
    200: json(PledgeViewSchema, 'A retry: the pledge made by the first call with this key'),
    ...problems(400, 401, 403, 404, 409, 429),
  },
});

const onProject = createRoute({
  method: 'get',
  path: '/{id}/clubs',
  tags: ['clubs'],
  summary: "The clubs supporting a public project: each one supporter with the exact sum of its members' contributions",
  request: { params: IdParams },
  responses: { 200: json(ProjectClubsSchema, 'Club pledges on the project'), ...problems(400, 404) },
});

const mine = createRoute({
  method: 'get',
  path: '/clubs',
  tags: ['clubs'],
  security: bearer,
  summary: 'The clubs you are a member of (one page of 50), each with whether you organise it',
  request: { query: z.object({}).strict() },
  responses: { 200: json(MyClubsSchema, 'Your clubs'), ...problems(400, 401) },
});

/** Hometown clubs, mounted at /clubs. */
export function clubRoutes(deps: Deps) {
  return resource()
    .openapi(list, async (c) => {
      c.header('cache-control', 'public, max-age=15');
      return c.json(await listClubs(deps.clubs, c.req.valid('query')), 200);
    })
    .openapi(create, async (c) => c.json(await createClub(deps.clubs, c.var.actor, c.req.valid('json')), 201))
    .openapi(page, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await getClubPage(deps.clubs, c.var.actor, c.req.valid('param').id, c.req.valid('query')), 200);
    })
    .openapi(join, async (c) => c.json(await joinClub(deps.clubs, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(leave, async (c) => c.json(await leaveClub(deps.clubs, c.var.actor, c.req.valid('param').id), 200))
    .openapi(open, async (c) => c.json(await openClubPledge(deps.clubs, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201));
}

/** Contributions to club pledges, mounted at /club-pledges. */
export function clubPledgeRoutes(deps: Deps) {
  return resource().openapi(contribute, async (c) => {
    const out = await contributeToClubPledge({ ...deps.clubs, payments: deps.payments }, c.var.actor, {
      clubPledgeId: c.req.valid('param').id,
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      contribution: c.req.valid('json'),
    });
    // A new contribution's message reaches the officers as a plain pledge's does; a replay (200) sent it the first time.
    if (out.created) await noticeOfPledgeMessage(deps, out.pledge);
    c.header('cache-control', 'private, no-store');
    return out.created ? c.json(out.pledge, 201) : c.json(out.pledge, 200);
  });
}

/** A project's club supporters, mounted at /projects. */
export function projectClubRoutes(deps: Deps) {
  return resource().openapi(onProject, async (c) => {
    c.header('cache-control', 'public, max-age=15');
    return c.json(await projectClubs(deps.clubs, c.req.valid('param').id), 200);
  });
}

/** The caller's clubs ("Support with my club" on a project page), mounted at /me. */
export function myClubRoutes(deps: Deps) {
  return resource().openapi(mine, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await myClubs(deps.clubs, c.var.actor), 200);
  });
}
