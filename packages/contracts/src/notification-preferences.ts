import { z } from 'zod';
import { NOTIFICATION_KINDS, NotificationKindSchema, type NotificationKind } from './notifications.js';

/** The kinds only officers of an organisation get (and see on their preferences page); the rest go to investors. */
export const OFFICER_NOTIFICATION_KINDS = [
  'new_question',
  'pledge_message',
  'staff_decision',
] as const satisfies readonly NotificationKind[];

/** The kinds a person is shown: all of them for members of an organisation, the investors' kinds for the rest. */
export function notificationKindsFor(input: { organisationMember: boolean }): NotificationKind[] {
  const officer: readonly NotificationKind[] = OFFICER_NOTIFICATION_KINDS;
  return NOTIFICATION_KINDS.filter((k) => input.organisationMember || !officer.includes(k));
}

/**
 * A person's email preferences (GET /v1/me/notifications): each kind they are shown, on or off (all on unless turned
 * off on the preferences page or by an email's unsubscribe link).
 */
export const NotificationPreferencesSchema = z
  .object({ kinds: z.array(z.object({ kind: NotificationKindSchema, on: z.boolean() })) })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/**
 * Replaces the kinds turned off (PUT /v1/me/notifications): `off` lists each kind once, at most all of them; kinds not
 * listed are on. An unknown kind is a 400 naming `off.<index>`.
 */
export const NotificationPreferencesUpdateSchema = z
  .object({
    off: z
      .array(NotificationKindSchema)
      .max(NOTIFICATION_KINDS.length)
      .refine((a) => new Set(a).size === a.length, { message: 'each kind once' }),
  })
  .strict()
  .meta({ id: 'NotificationPreferencesUpdate' });
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdateSchema>;

/** What an unsubscribe link stops (GET /v1/unsubscribe/{token}, read by the web page before its button). */
export const UnsubscribeViewSchema = z.object({ kind: NotificationKindSchema, on: z.boolean() }).meta({ id: 'UnsubscribeView' });
export type UnsubscribeView = z.infer<typeof UnsubscribeViewSchema>;

/** The body a mail provider posts to a List-Unsubscribe URL (RFC 8058 §3.1), as application/x-www-form-urlencoded. */
export const OneClickUnsubscribeSchema = z.object({ 'List-Unsubscribe': z.literal('One-Click') }).meta({ id: 'OneClickUnsubscribe' });
