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

export const AuditListSchema = z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() }).meta({ id: 'AuditList' });

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
      .regex(/^[A-Za-z0-9:_-]{1,128}$/, 'an account id')
      .optional(),
    objectType: z.enum(AUDIT_OBJECT_TYPES).optional(),
    objectId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9:_.-]{1,128}$/, 'an id')
      .optional(),
    action: z
      .string()
      .regex(/^[a-z_-]{1,40}\.[a-z_-]{1,40}$/, 'an action name such as project.approve')
      .optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict()
  .meta({ id: 'AuditSearchQuery' });
export type AuditSearchQuery = z.infer<typeof AuditSearchQuerySchema>;
