import { createRoute, z } from '@hono/zod-openapi';
import {
  CofundingReceiptSchema,
  CorrectionRequestSchema,
  DisbursementRequestSchema,
  DisbursementSchema,
  IdempotencyKeySchema,
  LateReportListSchema,
  ProgressReportSchema,
  ProjectProgressSchema,
  queryInt,
  ReportEditSchema,
  ReportRequestSchema,
  text,
  TEXT_LIMITS,
} from '@mekendesh/contracts';
import { editReport, lateReportQueue, postReport, projectProgress, requestCorrection } from '@mekendesh/domain/reports';
import { recordCofunding, recordDisbursement } from '@mekendesh/domain/disbursements';
import type { Deps } from '../composition.js';
import { maxBody, REPORT_BODY_LIMIT } from '../middleware/body.js';
import { bearer, IdParams, json, jsonBody, problems, resource, staffOnly } from './shared.js';

/** A money booking's Idempotency-Key, as pledges take it (required: 400 naming the header when missing). */
const IdempotencyHeader = z.object({ 'idempotency-key': IdempotencyKeySchema });
const keyReused = {
  422: {
    description: 'The Idempotency-Key was used with a different body',
    content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
  },
};

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
  description:
    '409 naming `amountKgs` when the project holds less (nothing booked), also when two are sent at once. Idempotent per ' +
    'Idempotency-Key (required): a retry or double click with the same key and body answers the first disbursement (200), ' +
    'the same key with another body is a 422 naming the key.',
  request: { params: IdParams, headers: IdempotencyHeader, body: jsonBody(DisbursementRequestSchema) },
  responses: {
    201: json(DisbursementSchema, 'The disbursement'),
    200: json(DisbursementSchema, 'A retry: the disbursement booked by the first call with this key'),
    ...problems(400, 401, 403, 404, 409),
    ...keyReused,
  },
});

const cofunding = createRoute({
  method: 'post',
  path: '/{id}/cofunding',
  tags: ['reports'],
  security: staffOnly,
  summary: 'Record money a project received from its municipality or other donors (staff; booked and audited)',
  description:
    'Idempotent per Idempotency-Key (required): a retry with the same key and body books nothing more (200), another body ' +
    'is a 422 naming the key. `receivedOn`: a Bishkek day from the day the project was published to today.',
  request: { params: IdParams, headers: IdempotencyHeader, body: jsonBody(CofundingReceiptSchema) },
  responses: {
    201: json(z.object({ booked: z.literal(true) }), 'Booked'),
    200: json(z.object({ booked: z.literal(true) }), 'A retry: booked by the first call with this key'),
    ...problems(400, 401, 403, 404, 409),
    ...keyReused,
  },
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
      const out = await recordDisbursement(deps.reports, c.var.actor, {
        projectId: c.req.valid('param').id,
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        request: c.req.valid('json'),
      });
      return out.created ? c.json(out.disbursement, 201) : c.json(out.disbursement, 200);
    });
}

/** Staff: co-funding receipts, mounted at /staff/projects. */
export function staffCofundingRoutes(deps: Deps) {
  return resource().openapi(cofunding, async (c) => {
    const out = await recordCofunding(deps.reports, c.var.actor, {
      projectId: c.req.valid('param').id,
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      request: c.req.valid('json'),
    });
    return c.json({ booked: true as const }, out.created ? 201 : 200);
  });
}

/** Staff: the late-report queue, mounted at /staff. */
export function lateReportRoutes(deps: Deps) {
  return resource().openapi(late, async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await lateReportQueue(deps.reports, c.var.actor, c.req.valid('query')), 200);
  });
}
