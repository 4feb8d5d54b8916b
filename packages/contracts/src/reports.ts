import { z } from 'zod';
import { AttachmentKeySchema, AttachmentSchema } from './attachment.js';
import { localizedLine, localizedProse } from './locale.js';
import { MAX_AMOUNT_MINOR } from './money-limits.js';
import { line, text, TEXT_LIMITS } from './text.js';

/**
 * Issue 13: what a funded project reports of its work (progress reports against its milestones) and of its money
 * (disbursements; money received from the municipality and other donors). Amounts are KGS tyiyn.
 */

/** Photos one report carries at most. */
export const MAX_REPORT_PHOTOS = 10;
/** A report is late this many Bishkek days after its milestone's due date (PRODUCT.md; issue 13). */
export const REPORT_GRACE_DAYS = 14;

export const ReportStatusSchema = z.enum(['posted', 'correction_requested']);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export const ProgressReportSchema = z
  .object({
    id: text(),
    projectId: text(),
    milestoneId: text(),
    /** Markdown in one to three languages, under the project description's rules (sanitised when shown). */
    text: localizedProse(TEXT_LIMITS.markdownBody),
    /** Photos among the project's verified attachments (uploaded and checked like the project's own photos). */
    photos: z.array(AttachmentSchema),
    status: ReportStatusSchema,
    /** Staff's internal note on what to correct: only for the project's officers and staff (absent from the public read). */
    correctionReason: text().nullable().optional(),
    postedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int().positive(),
  })
  .meta({ id: 'ProgressReport' });
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

/** Posting a report: the milestone, the text, and the keys of photos uploaded to the project (POST /projects/{id}/uploads). */
export const ReportRequestSchema = z
  .object({
    milestoneId: line(100),
    text: localizedProse(TEXT_LIMITS.markdownBody),
    photoKeys: z.array(AttachmentKeySchema).max(MAX_REPORT_PHOTOS).default([]),
  })
  .strict()
  .meta({ id: 'ReportRequest' });
export type ReportRequest = z.infer<typeof ReportRequestSchema>;

/** Editing a report against the version read (409 when it changed meanwhile). */
export const ReportEditSchema = z
  .object({
    text: localizedProse(TEXT_LIMITS.markdownBody),
    photoKeys: z.array(AttachmentKeySchema).max(MAX_REPORT_PHOTOS).default([]),
    version: z.number().int().positive(),
  })
  .strict()
  .meta({ id: 'ReportEdit' });
export type ReportEdit = z.infer<typeof ReportEditSchema>;

/** Staff ask the officer to correct a report, saying what (the officer reads it). */
export const CorrectionRequestSchema = z
  .object({ reason: line(TEXT_LIMITS.summary, { min: 3 }), version: z.number().int().positive() })
  .strict()
  .meta({ id: 'CorrectionRequest' });
export type CorrectionRequest = z.infer<typeof CorrectionRequestSchema>;

const amountKgs = z.number().int().positive().max(MAX_AMOUNT_MINOR);

export const DisbursementSchema = z
  .object({
    id: text(),
    projectId: text(),
    milestoneId: text().nullable(),
    /** KGS tyiyn. */
    amountKgs: z.number().int().positive(),
    /** Bishkek day the money was paid. */
    paidOn: z.iso.date(),
    purpose: text(),
    document: AttachmentSchema.nullable(),
    recordedAt: z.iso.datetime(),
    /** The user who recorded it (an internal id): only for the project's officers and staff (absent from the public read). */
    recordedBy: text().optional(),
  })
  .meta({ id: 'Disbursement' });
export type Disbursement = z.infer<typeof DisbursementSchema>;

/** Recording a disbursement: never more than the project holds (409 naming `amountKgs`), paid on a past Bishkek day. */
export const DisbursementRequestSchema = z
  .object({
    milestoneId: line(100).optional(),
    amountKgs,
    paidOn: z.iso.date(),
    purpose: line(TEXT_LIMITS.summary, { min: 3 }),
    documentKey: AttachmentKeySchema.optional(),
  })
  .strict()
  .meta({ id: 'DisbursementRequest' });
export type DisbursementRequest = z.infer<typeof DisbursementRequestSchema>;

/** Money the project received from its municipality's own budget or from other donors (staff record it). */
export const CofundingReceiptSchema = z
  .object({
    funder: z.enum(['municipality', 'other_donors']),
    amountKgs,
    receivedOn: z.iso.date(),
    note: line(TEXT_LIMITS.summary).nullable().default(null),
  })
  .strict()
  .meta({ id: 'CofundingReceipt' });
export type CofundingReceipt = z.infer<typeof CofundingReceiptSchema>;

/** A milestone of a funded or in-progress project with no posted report more than REPORT_GRACE_DAYS after its due date. */
export const LateMilestoneSchema = z.object({ milestoneId: text(), dueDate: z.iso.date(), daysLate: z.number().int().positive() });
export type LateMilestone = z.infer<typeof LateMilestoneSchema>;

/**
 * A project's progress as the public reads it: reports and disbursements in time order, newest first, and its late
 * milestones. Reports' `correctionReason` and disbursements' `recordedBy` are there only when the reader may report on
 * the project (its officers, staff).
 */
export const ProjectProgressSchema = z
  .object({
    reports: z.array(ProgressReportSchema),
    disbursements: z.array(DisbursementSchema),
    late: z.array(LateMilestoneSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'ProjectProgress' });
export type ProjectProgress = z.infer<typeof ProjectProgressSchema>;

/**
 * One row of the staff late-reports queue (read from the milestone-due index), with the names staff read: the
 * project's title, its organisation's name and the milestone's title, as written (one to three languages).
 */
export const LateReportSchema = z.object({
  projectId: text(),
  milestoneId: text(),
  dueDate: z.iso.date(),
  daysLate: z.number().int().positive(),
  projectTitle: localizedLine(TEXT_LIMITS.title),
  organisationId: text(),
  organisationName: localizedLine(TEXT_LIMITS.name),
  milestoneTitle: localizedLine(TEXT_LIMITS.title),
});
export const LateReportListSchema = z
  .object({ items: z.array(LateReportSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'LateReportList' });
export type LateReport = z.infer<typeof LateReportSchema>;
