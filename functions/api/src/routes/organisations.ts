import { createRoute, z } from '@hono/zod-openapi';
import {
  ApprovalSchema,
  InvitationRequestSchema,
  InvitationSchema,
  OrganisationApplicationSchema,
  OrganisationDetailSchema,
  OrganisationListSchema,
  OrganisationProjectListSchema,
  OrganisationSchema,
  OrganisationStatusSchema,
  queryInt,
  ReviewDecisionSchema,
  UnansweredQuestionsSchema,
} from '@mekendesh/contracts';
import {
  acceptInvitation,
  applyForOrganisation,
  getOrganisation,
  inviteOfficer,
  listApplications,
  reviewOrganisation,
} from '@mekendesh/domain/organisations';
import { listPublicOrganisationProjects } from '@mekendesh/domain/proposals';
import { unansweredQuestions } from '@mekendesh/domain/unanswered-questions';
import type { Deps } from '../composition.js';
import { bearer, json, jsonBody, notForStaff, problems, resource, staffOnly } from './shared.js';

const Id = z.object({
  id: z
    .string()
    .max(84)
    .regex(/^org-[a-z0-9-]{3,80}$/, 'an organisation id'),
});
const Token = z.object({
  token: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]{20,80}$/, 'an invitation token'),
});
const QueueQuery = z
  .object({
    status: OrganisationStatusSchema.default('pending'),
    limit: queryInt({ min: 1, max: 50, default: 20 }),
    cursor: z.string().max(512).optional(),
  })
  .strict();

const PublicProjectsQuery = z
  .object({
    limit: queryInt({ min: 1, max: 50, default: 20 }),
    cursor: z.string().max(512).optional(),
  })
  .strict();

const UnansweredQuery = z
  .object({
    projectId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
      .optional(),
  })
  .strict();

const apply = createRoute({
  method: 'post',
  path: '/',
  tags: ['organisations'],
  security: bearer,
  ...notForStaff,
  summary: 'A local government applies to join; the applicant becomes its admin when staff approve',
  request: { body: jsonBody(OrganisationApplicationSchema) },
  responses: { 201: json(OrganisationSchema, 'Application received'), ...problems(400, 401, 403) },
});
const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['organisations'],
  summary: 'An organisation: public fields for anyone (if approved), details for its members and staff',
  request: { params: Id },
  responses: { 200: json(z.union([OrganisationDetailSchema, OrganisationSchema]), 'The organisation'), ...problems(400, 401, 404) },
});
const publicProjects = createRoute({
  method: 'get',
  path: '/{id}/published-projects',
  tags: ['organisations'],
  summary: "An organisation's projects anyone may see (published or later), newest first; a page may hold fewer than asked",
  request: { params: Id, query: PublicProjectsQuery },
  responses: { 200: json(OrganisationProjectListSchema, 'A page of projects'), ...problems(400, 404) },
});
const unanswered = createRoute({
  method: 'get',
  path: '/{id}/unanswered-questions',
  tags: ['questions'],
  security: bearer,
  summary: "Questions waiting for the organisation's answer: a count per project and, with projectId, that project's (officers, staff)",
  request: { params: Id, query: UnansweredQuery },
  responses: { 200: json(UnansweredQuestionsSchema, 'The backlog'), ...problems(400, 401, 403) },
});
const queue = createRoute({
  method: 'get',
  path: '/',
  tags: ['staff'],
  security: staffOnly,
  summary: 'Applications by status, oldest first (the review queue)',
  request: { query: QueueQuery },
  responses: { 200: json(OrganisationListSchema, 'A page of organisations'), ...problems(400, 401, 403) },
});
const approve = createRoute({
  method: 'post',
  path: '/{id}/approve',
  tags: ['staff'],
  security: staffOnly,
  summary: 'Approve a pending organisation',
  request: { params: Id, body: jsonBody(ApprovalSchema) },
  responses: { 200: json(OrganisationDetailSchema, 'Approved'), ...problems(400, 401, 403, 404, 409) },
});
const reject = createRoute({
  method: 'post',
  path: '/{id}/reject',
  tags: ['staff'],
  security: staffOnly,
  summary: 'Reject a pending organisation, with a reason',
  request: { params: Id, body: jsonBody(ReviewDecisionSchema) },
  responses: { 200: json(OrganisationDetailSchema, 'Rejected'), ...problems(400, 401, 403, 404, 409) },
});
const invite = createRoute({
  method: 'post',
  path: '/{id}/invitations',
  tags: ['organisations'],
  security: bearer,
  summary: "The organisation's admin invites an officer by email",
  request: { params: Id, body: jsonBody(InvitationRequestSchema) },
  responses: { 201: json(InvitationSchema.omit({ token: true }), 'Invitation sent'), ...problems(400, 401, 403, 404, 409) },
});
const accept = createRoute({
  method: 'post',
  path: '/{token}/accept',
  tags: ['organisations'],
  security: bearer,
  summary: 'Join the organisation the invitation is from (signed in with the invited email)',
  request: { params: Token },
  responses: { 200: json(z.object({ organisationId: z.string() }), 'Joined'), ...problems(400, 401, 404, 409) },
});

/** Local governments: applying, reading, staff review and inviting officers, mounted at /organisations. */
export function organisationRoutes(deps: Deps) {
  const o = deps.organisations;
  return resource()
    .openapi(apply, async (c) => c.json(await applyForOrganisation(o, c.var.actor, c.req.valid('json')), 201))
    .openapi(get, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await getOrganisation(o, c.var.actor, c.req.valid('param').id), 200);
    })
    .openapi(publicProjects, async (c) => {
      c.header('cache-control', 'public, max-age=15');
      const { limit, cursor } = c.req.valid('query');
      const query = { organisationId: c.req.valid('param').id, limit, ...(cursor ? { cursor } : {}) };
      const readers = { projects: deps.projectDeps.projects, organisations: o.organisations };
      return c.json(await listPublicOrganisationProjects(readers, query), 200);
    })
    .openapi(unanswered, async (c) => {
      c.header('cache-control', 'private, no-store');
      const { projectId } = c.req.valid('query');
      const input = { organisationId: c.req.valid('param').id, ...(projectId ? { projectId } : {}) };
      return c.json(await unansweredQuestions(deps.questions, c.var.actor, input), 200);
    })
    .openapi(approve, async (c) =>
      c.json(
        await reviewOrganisation(o, c.var.actor, {
          id: c.req.valid('param').id,
          decision: 'approve',
          reason: c.req.valid('json').reason ?? null,
        }),
        200,
      ),
    )
    .openapi(reject, async (c) =>
      c.json(
        await reviewOrganisation(o, c.var.actor, { id: c.req.valid('param').id, decision: 'reject', reason: c.req.valid('json').reason }),
        200,
      ),
    )
    .openapi(invite, async (c) => {
      const { token: _secret, ...invitation } = await inviteOfficer(o, c.var.actor, {
        organisationId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return c.json(invitation, 201);
    });
}

/** The staff's review queue of applications, mounted at /staff/organisations. */
export function staffOrganisationRoutes(deps: Deps) {
  return resource().openapi(queue, async (c) => c.json(await listApplications(deps.organisations, c.var.actor, c.req.valid('query')), 200));
}

/** Officers joining an organisation, mounted at /invitations. */
export function invitationRoutes(deps: Deps) {
  return resource().openapi(accept, async (c) =>
    c.json(await acceptInvitation(deps.organisations, c.var.actor, c.req.valid('param').token), 200),
  );
}
