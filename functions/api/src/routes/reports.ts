import { createRoute, z } from '@hono/zod-openapi';
import {
  CofundingReceiptSchema,
  CorrectionRequestSchema,
  DisbursementRequestSchema,
  DisbursementSchema,
  LateReportListSchema,
  ProgressReportSchema,
  ProjectProgressSchema,
  queryInt,
  ReportEditSchema,
  ReportRequestSchema,
  text,
  TEXT_LIMITS,
} from '@mekendesh/contracts';
import {
  editReport,
  lateReportQueue,
  postReport,
  projectProgress,
  recordCofunding,
  recordDisbursement,
  requestCorrection,
} from '@mekendesh/domain';
import type { Deps } from '../composition.js';
import { maxBody, REPORT_BODY_LIMIT } from '../middleware/body.js';
import { bearer, IdParams, json, jsonBody, problems, resource, staffOnly } from './shared.js';

const PageQuery = z
  .object({ limit: queryInt({ min: 1, max: 50, default: 20 }), cursor: text().max(TEXT_LIMITS.cursor).optional() })
  .strict();
const ReportParams = IdParams.extend({ reportId: IdParams.shape.id });

const progress = createRoute({
  method: 'get',
  path: '/{id}/progress',
  tags: ['reports'],
  summary: "A public project's progress reports and disbursements, newest first, and its milestones more than 14 days late",
  description: '`limit` reports a page (`nextCursor` reads on; the disbursements come with the first page). 404 unless public.',
  request: { params: IdParams, query: PageQuery },
  responses: { 200: json(ProjectProgressSchema, 'Reports, disbursements, late milestones'), ...problems(400, 404) },
});

const post = createRoute({
  method: 'post',
  path: '/{id}/reports',
  tags: ['reports'],
  security: bearer,
  ...maxBody(REPORT_BODY_LIMIT),
  summary: 'Post a progress report against a milestone (officers of the project’s organisation; funded or in progress)',
  description: 'Photos are uploaded to the project first (POST /projects/{id}/uploads, then complete) and named by key.',
  request: { params: IdParams, body: jsonBody(ReportRequestSchema) },
  responses: { 201: json(ProgressReportSchema, 'The report'), ...problems(400, 401, 403, 404, 409) },
});

const edit = createRoute({
  method: 'put',
  path: '/{id}/reports/{reportId}',
  tags: ['reports'],
  security: bearer,
  ...maxBody(REPORT_BODY_LIMIT),
  summary: 'Edit a report against the version read (409 when it changed); one sent back for correction is posted again',
  request: { params: ReportParams, body: jsonBody(ReportEditSchema) },
  responses: { 200: json(ProgressReportSchema, 'The report'), ...problems(400, 401, 403, 404, 409) },
});

const correction = createRoute({
  method: 'post',
  path: '/{id}/reports/{reportId}/correction',
  tags: ['reports'],
  security: staffOnly,
  summary: 'Ask the officers to correct a report, with a reason (staff; audited; the officers are told)',
  request: { params: ReportParams, body: jsonBody(CorrectionRequestSchema) },
  responses: { 200: json(ProgressReportSchema, 'The report'), ...problems(400, 401, 403, 404, 409) },
});

const disburse = createRoute({
  method: 'post',
  path: '/{id}/disbursements',
  tags: ['reports'],
  security: bearer,
  summary: 'Record money paid out of a funded or in-progress project (its officers, staff): never more than it holds',
  description: '409 naming `amountKgs` when the project holds less (nothing booked), also when two are sent at once.',
  request: { params: IdParams, body: jsonBody(DisbursementRequestSchema) },
  responses: { 201: json(DisbursementSchema, 'The disbursement'), ...problems(400, 401, 403, 404, 409) },
});

const cofunding = createRoute({
  method: 'post',
  path: '/{id}/cofunding',
  tags: ['reports'],
  security: staffOnly,
  summary: 'Record money a project received from its municipality or other donors (staff; booked and audited)',
  request: { params: IdParams, body: jsonBody(CofundingReceiptSchema) },
  responses: { 201: json(z.object({ booked: z.literal(true) }), 'Booked'), ...problems(400, 401, 403, 404, 409) },
});

const late = createRoute({
  method: 'get',
  path: '/late-reports',
  tags: ['reports'],
  security: staffOnly,
  summary: 'Milestones more than 14 Bishkek days past due without a report, oldest first (staff)',
  request: { query: PageQuery },
  responses: { 200: json(LateReportListSchema, 'A page of late milestones'), ...problems(400, 401, 403) },
});

/** Progress reports and disbursements of a project, mounted at /projects. */
export function projectReportRoutes(deps: Deps) {
  return resource()
    .openapi(progress, async (c) => {
      const q = c.req.valid('query');
      const out = await projectProgress(deps.reports, c.var.actor, { projectId: c.req.valid('param').id, ...q });
      c.header('cache-control', 'private, no-store');
      return c.json(out, 200);
    })
    .openapi(post, async (c) => {
      const report = await postReport(deps.reports, c.var.actor, { projectId: c.req.valid('param').id, request: c.req.valid('json') });
      return c.json(report, 201);
    })
    .openapi(edit, async (c) => {
      const { id, reportId } = c.req.valid('param');
      return c.json(await editReport(deps.reports, c.var.actor, { projectId: id, reportId, request: c.req.valid('json') }), 200);
    })
    .openapi(correction, async (c) => {
      const { id, reportId } = c.req.valid('param');
      return c.json(await requestCorrection(deps.reports, c.var.actor, { projectId: id, reportId, request: c.req.valid('json') }), 200);
    })
    .openapi(disburse, async (c) => {
      const d = await recordDisbursement(deps.reports, c.var.actor, { projectId: c.req.valid('param').id, request: c.req.valid('json') });
      return c.json(d, 201);
    });
}

/** Staff: co-funding receipts, mounted at /staff/projects. */
export function staffCofundingRoutes(deps: Deps) {
  return resource().openapi(cofunding, async (c) => {
    await recordCofunding(deps.reports, c.var.actor, { projectId: c.req.valid('param').id, request: c.req.valid('json') });
    return c.json({ booked: true as const }, 201);
  });
}

/** Staff: the late-report queue, mounted at /staff. */
export function lateReportRoutes(deps: Deps) {
  return resource().openapi(late, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await lateReportQueue(deps.reports, c.var.actor, c.req.valid('query')), 200);
  });
}
