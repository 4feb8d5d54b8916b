import { z } from 'zod';

/**
 * What a person can be emailed about (issue 12), each a kind they can turn off on its own: the preferences page and
 * the one-click unsubscribe link in each email (RFC 8058) act on one kind. Investors: `digest` (at most weekly),
 * `home_project` (a project published in the home rayon, at once), the pledge's own steps (`pledge_received` with the
 * transfer details, `payment_received`, `match_added`, `project_funded`, `refund`), `answer` (to their question) and
 * `project_update` (issue 13: a project they funded posted a progress report or recorded a disbursement).
 * Officers of an organisation: `new_question`, `pledge_message` (a pledge with a message), `staff_decision` (on their
 * projects and organisation).
 */
export const NOTIFICATION_KINDS = [
  'digest',
  'home_project',
  'pledge_received',
  'payment_received',
  'match_added',
  'project_funded',
  'refund',
  'answer',
  'project_update',
  'new_question',
  'pledge_message',
  'staff_decision',
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS).meta({ id: 'NotificationKind' });
export type NotificationKind = z.infer<typeof NotificationKindSchema>;
