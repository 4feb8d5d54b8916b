import {
	DisbursementSchema,
	LateReportListSchema,
	ProgressReportSchema,
	ProjectProgressSchema,
	ProjectSchema,
	type CofundingReceipt,
	type DisbursementRequest,
	type ReportRequest,
} from '@mekendesh/contracts';
import { queryString, type ApiCall, type Parser } from './api-call.js';

const id = encodeURIComponent;
const booked: Parser<{ booked: true }> = { safeParse: (v) => ({ success: true, data: v as { booked: true } }) };

/** Progress reports, disbursements and co-funding receipts (issue 13). */
export const reportCalls = (call: ApiCall) => ({
	/** A public project's reports and disbursements, newest first, and its late milestones. */
	progress: (projectId: string, q: { limit?: number; cursor?: string | null } = {}) =>
		call(
			'GET',
			`/projects/${id(projectId)}/progress${queryString({ limit: q.limit ?? 20, cursor: q.cursor ?? undefined })}`,
			ProjectProgressSchema,
		),
	post: (projectId: string, body: Omit<ReportRequest, 'photoKeys'> & { photoKeys?: string[] }) =>
		call('POST', `/projects/${id(projectId)}/reports`, ProgressReportSchema, { body }),
	edit: (projectId: string, reportId: string, body: { text: ReportRequest['text']; photoKeys?: string[]; version: number }) =>
		call('PUT', `/projects/${id(projectId)}/reports/${id(reportId)}`, ProgressReportSchema, { body }),
	requestCorrection: (projectId: string, reportId: string, body: { reason: string; version: number }) =>
		call('POST', `/projects/${id(projectId)}/reports/${id(reportId)}/correction`, ProgressReportSchema, { body }),
	/** `idempotencyKey`: the form's key from when it was rendered, so a double submit or reload books once. */
	disburse: (projectId: string, idempotencyKey: string, body: DisbursementRequest) =>
		call('POST', `/projects/${id(projectId)}/disbursements`, DisbursementSchema, { body, headers: { 'idempotency-key': idempotencyKey } }),
	cofunding: (projectId: string, idempotencyKey: string, body: CofundingReceipt) =>
		call('POST', `/staff/projects/${id(projectId)}/cofunding`, booked, { body, headers: { 'idempotency-key': idempotencyKey } }),
	/** The officers' lifecycle moves: funded → in progress → completed (409 with the reason when refused). */
	move: (projectId: string, body: { to: 'in_progress' | 'completed'; reason: string }) =>
		call('POST', `/projects/${id(projectId)}/status`, ProjectSchema, { body }),
	/** Staff: milestones more than 14 days past due without a report, oldest first. */
	late: (q: { limit?: number; cursor?: string | null } = {}) =>
		call('GET', `/staff/late-reports${queryString({ limit: q.limit ?? 50, cursor: q.cursor ?? undefined })}`, LateReportListSchema),
});
