import { createRoute, z } from '@hono/zod-openapi';
import {
  OrganisationProjectsQuerySchema,
  ProjectDraftSchema,
  ProjectQueueSchema,
  ProjectReviewSchema,
  ProjectSchema,
  ProjectStatusChangeSchema,
  ProjectUpdateSchema,
  StaffProjectQueueQuerySchema,
  SubmissionSchema,
} from '@mekendesh/contracts';
import { changeProjectStatus, projectQueue, reviewProject, submitProject } from '@mekendesh/domain/vetting';
import { createProposal, listOrganisationProjects, updateProposal } from '@mekendesh/domain/proposals';
import { invalid } from '@mekendesh/domain/errors';
import { noticeHomeFollowers } from '@mekendesh/domain/home-notices';
import type { Deps } from '../composition.js';
import { homeNoticeDeps } from './follows.js';
import { maxBody, PROJECT_DRAFT_BODY_LIMIT } from '../middleware/body.js';
import { bearer, json, jsonBody, problems, resource, staffOnly } from './shared.js';

export const ProjectIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only'),
});
const OrgParams = z.object({
  id: z
    .string()
    .max(84)
    .regex(/^org-[a-z0-9-]{3,80}$/, 'an organisation id'),
});
const IfMatch = z.object({ 'if-match': z.string().max(40).optional() });

/** The version an edit was based on: If-Match ("3", W/"3" or 3) wins over the body's `version`. */
function baseVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
  if (ifMatch === undefined) return bodyVersion;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (!match) throw invalid('if-match', 'the version number of the project you edited, e.g. "3"');
  return Number(match[1]);
}

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['proposals'],
  security: bearer,
  ...maxBody(PROJECT_DRAFT_BODY_LIMIT),
  summary: "An officer drafts a project in their organisation's territory",
  description:
    'Texts are Markdown in one to three languages. The funding plan and the milestone tranches must each add up to the goal (KGS tyiyn).',
  request: { body: jsonBody(ProjectDraftSchema) },
  responses: { 201: json(ProjectSchema, 'The draft, at version 1'), ...problems(400, 401, 403) },
});
const update = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['proposals'],
  security: bearer,
  ...maxBody(PROJECT_DRAFT_BODY_LIMIT),
  summary: 'Replace the text of a draft or of a proposal sent back for changes',
  description: 'Send the version you edited in If-Match or as `version`. A stale version gets 409 and nothing is changed.',
  request: { params: ProjectIdParams, headers: IfMatch, body: jsonBody(ProjectUpdateSchema) },
  responses: { 200: json(ProjectSchema, 'The project, at its next version'), ...problems(400, 401, 403, 404, 409) },
});
const ownList = createRoute({
  method: 'get',
  path: '/{id}/projects',
  tags: ['proposals'],
  security: bearer,
  summary: "An organisation's projects in every status (its members and staff), newest first",
  request: { params: OrgParams, query: OrganisationProjectsQuerySchema },
  responses: { 200: json(ProjectQueueSchema, 'A page of projects'), ...problems(400, 401, 403) },
});
const submit = createRoute({
  method: 'post',
  path: '/{id}/submit',
  tags: ['proposals'],
  security: bearer,
  summary: 'Send a draft (or a proposal fixed after review) to programme staff',
  request: { params: ProjectIdParams, body: { required: false, content: { 'application/json': { schema: SubmissionSchema } } } },
  responses: { 200: json(ProjectSchema, 'Submitted'), ...problems(400, 401, 403, 404, 409) },
});
const queue = createRoute({
  method: 'get',
  path: '/',
  tags: ['staff'],
  security: staffOnly,
  summary: 'Projects in one status (default submitted), longest waiting first, with the waiting time',
  request: { query: StaffProjectQueueQuerySchema },
  responses: { 200: json(ProjectQueueSchema, 'A page of the queue'), ...problems(400, 401, 403) },
});
const review = createRoute({
  method: 'post',
  path: '/{id}/review',
  tags: ['staff'],
  security: staffOnly,
  summary: 'Approve, reject or request changes; rejecting and requesting changes need a reason the officer reads',
  request: { params: ProjectIdParams, body: jsonBody(ProjectReviewSchema) },
  responses: { 200: json(ProjectSchema, 'Decided'), ...problems(400, 401, 403, 404, 409) },
});
const status = createRoute({
  method: 'post',
  path: '/{id}/status',
  tags: ['proposals'],
  security: bearer,
  summary: 'Funded (staff), in progress and completed (owners, staff), cancelled (owners before publication, staff)',
  request: { params: ProjectIdParams, body: jsonBody(ProjectStatusChangeSchema) },
  responses: { 200: json(ProjectSchema, 'Moved'), ...problems(400, 401, 403, 404, 409) },
});

const noStore = { 'cache-control': 'private, no-store' };

/** Proposals and vetting: drafting, editing with versions, submission, staff review and later moves; mounted at /projects. */
export function proposalRoutes(deps: Deps) {
  const p = deps.projectDeps;
  return resource()
    .openapi(create, async (c) => c.json(await createProposal(p, c.var.actor, c.req.valid('json')), 201, noStore))
    .openapi(update, async (c) => {
      const body = c.req.valid('json');
      const version = baseVersion(c.req.valid('header')['if-match'], body.version);
      const project = await updateProposal(p, c.var.actor, { id: c.req.valid('param').id, baseVersion: version, draft: body });
      return c.json(project, 200, { ...noStore, etag: `"${project.version}"` });
    })
    .openapi(submit, async (c) => {
      const body = (c.req.header('content-type')?.includes('json') ? c.req.valid('json') : undefined) ?? {};
      return c.json(await submitProject(p, c.var.actor, { id: c.req.valid('param').id, note: body.note }), 200, noStore);
    })
    .openapi(review, async (c) => {
      const project = await reviewProject(p, c.var.actor, { id: c.req.valid('param').id, ...c.req.valid('json') });
      // After the commit the home rayon's followers hear of a newly published project (docs/follows.md): in the cloud
      // (MAIL_DELIVERY=stream) the home-notice function does it from the table's stream, so this request stays short.
      if (project.status === 'published' && deps.payments.mailDelivery !== 'stream')
        await noticeHomeFollowers(homeNoticeDeps(deps), project);
      return c.json(project, 200, noStore);
    })
    .openapi(status, async (c) =>
      c.json(await changeProjectStatus(p, c.var.actor, { id: c.req.valid('param').id, ...c.req.valid('json') }), 200, noStore),
    );
}

/** An organisation's own projects, mounted at /organisations. */
export function organisationProjectRoutes(deps: Deps) {
  return resource().openapi(ownList, async (c) =>
    c.json(
      await listOrganisationProjects(deps.projectDeps, c.var.actor, { organisationId: c.req.valid('param').id, ...c.req.valid('query') }),
      200,
      noStore,
    ),
  );
}

/** The staff's vetting queue, mounted at /staff/projects. */
export function staffProjectRoutes(deps: Deps) {
  return resource().openapi(queue, async (c) =>
    c.json(await projectQueue(deps.projectDeps, c.var.actor, c.req.valid('query')), 200, noStore),
  );
}
