import { z } from 'zod';
import { RoleSchema } from './auth.js';

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
