import type { NotificationKind } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';

/** Each kind's name and one-sentence description in the page language (web/messages/notifications). */
const KINDS: Record<NotificationKind, { name: () => string; hint: () => string }> = {
	digest: { name: m.notification_kind_digest, hint: m.notification_kind_digest_hint },
	home_project: { name: m.notification_kind_home_project, hint: m.notification_kind_home_project_hint },
	pledge_received: { name: m.notification_kind_pledge_received, hint: m.notification_kind_pledge_received_hint },
	payment_received: { name: m.notification_kind_payment_received, hint: m.notification_kind_payment_received_hint },
	match_added: { name: m.notification_kind_match_added, hint: m.notification_kind_match_added_hint },
	project_funded: { name: m.notification_kind_project_funded, hint: m.notification_kind_project_funded_hint },
	refund: { name: m.notification_kind_refund, hint: m.notification_kind_refund_hint },
	answer: { name: m.notification_kind_answer, hint: m.notification_kind_answer_hint },
	project_update: { name: m.notification_kind_project_update, hint: m.notification_kind_project_update_hint },
	new_question: { name: m.notification_kind_new_question, hint: m.notification_kind_new_question_hint },
	pledge_message: { name: m.notification_kind_pledge_message, hint: m.notification_kind_pledge_message_hint },
	staff_decision: { name: m.notification_kind_staff_decision, hint: m.notification_kind_staff_decision_hint },
};

/** The kind's name, e.g. 'Weekly digest'. */
export const kindName = (kind: NotificationKind): string => KINDS[kind].name();
/** One sentence saying when the kind's email is sent. */
export const kindHint = (kind: NotificationKind): string => KINDS[kind].hint();
