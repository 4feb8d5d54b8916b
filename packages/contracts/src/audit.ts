import { z } from 'zod';
import { RoleSchema } from './auth.js';
import { queryInt } from './input-rules.js';

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actorId: z.string(),
    actorRoles: z.array(RoleSchema),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string(),
    reason: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Who an entry's actor is, for people to read: the display name, or `deleted` when the account is gone. */
export const AuditActorSchema = z
  .object({ id: z.string(), displayName: z.string().nullable(), deleted: z.boolean() })
  .meta({ id: 'AuditActor' });
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** A page of the log and the page's distinct actors (`system` is not an account and is left out). */
export const AuditListSchema = z
  .object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable(), actors: z.array(AuditActorSchema) })
  .meta({ id: 'AuditList' });
export type AuditList = z.infer<typeof AuditListSchema>;

/**
 * Every action name the code writes to the audit log (issue 13's list; a unit test in web keeps it in step with the
 * code). The web renders each as a sentence; a name outside this list still shows, as a generic sentence.
 */
export const AUDIT_ACTIONS = [
  'project.create',
  'project.update',
  'project.attach',
  'project.approve',
  'project.reject',
  'project.request_changes',
  'project.start',
  'project.complete',
  // The lifecycle's other moves, written as `project.<to>` (domain vetting.ts): by the officer, staff or the deadline job.
  'project.submit',
  'project.start_review',
  'project.funded',
  'project.expired',
  'project.cancelled',
  'organisation.apply',
  'organisation.invite',
  'organisation.join',
  'organisation.approve',
  'organisation.reject',
  'account.delete',
  'receiving-account.create',
  'receiving-account.replace',
  'receiving-account.delete',
  'question.hide',
  'question.unhide',
  'answer.hide',
  'answer.unhide',
  'report.post',
  'report.edit',
  'report.request_correction',
  'disbursement.record',
  'cofunding.record',
  'receipt.record',
  'statement.commit',
  'rates.correct',
  'refund.paid',
  'pledge.refund',
  'programme.create',
  'programme.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const OutboxMessageSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    source: z.enum(['cognito', 'platform']),
    /** Header fields sent besides From/To/Subject (List-Unsubscribe, List-Unsubscribe-Post on notices). */
    headers: z.record(z.string(), z.string()).optional(),
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** The objects an audit entry can be about (objectType). */
export const AUDIT_OBJECT_TYPES = [
  'project',
  'pledge',
  'programme',
  'rates',
  'organisation',
  'user',
  'report',
  'question',
  'receiving-account',
  'statement',
] as const;

/**
 * A search of the audit log: at most ONE of actor, object (objectType + objectId) or action, each read through its
 * own index, optionally narrowed to Bishkek days `from`..`to` (inclusive); with none of them, the whole log by time.
 * Two key filters at once are a 400 (a filter over another index's page could page through the whole log).
 */
export const AuditSearchQuerySchema = z
  .object({
    limit: queryInt({ min: 1, max: 100, default: 50 }),
    cursor: z.string().max(512).optional(),
    actor: z
      .string()
      .trim()
      .max(128)
      .regex(/^[A-Za-z0-9:_-]{1,128}$/, 'an account id')
      .optional(),
    objectType: z.enum(AUDIT_OBJECT_TYPES).optional(),
    objectId: z
      .string()
      .trim()
      .max(128)
      .regex(/^[A-Za-z0-9:_.-]{1,128}$/, 'an id')
      .optional(),
    action: z
      .string()
      // The maximum also stands in the OpenAPI document (request-limits test); the pattern alone is not read as one.
      .max(81)
      .regex(/^[a-z_-]{1,40}\.[a-z_-]{1,40}$/, 'an action name such as project.approve')
      .optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict()
  .meta({ id: 'AuditSearchQuery' });
export type AuditSearchQuery = z.infer<typeof AuditSearchQuerySchema>;
