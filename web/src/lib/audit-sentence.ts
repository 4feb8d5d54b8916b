import { formatDay, formatMoney, type AuditAction, type AuditActor, type AuditEntry, type Locale } from '@mekendesh/contracts';
import { m } from '#lib/paraglide/messages.js';

type Params = { actor: string; amount: string; day: string };
type Sentence = (p: Params, o: { locale: Locale }) => string;

/** Each action the code writes (contracts AUDIT_ACTIONS) as a sentence; the Record makes a new name a type error here. */
const SENTENCES: Record<AuditAction, Sentence> = {
	'project.create': m.so_act_project_create,
	'project.update': m.so_act_project_update,
	'project.attach': m.so_act_project_attach,
	'project.approve': m.so_act_project_approve,
	'project.reject': m.so_act_project_reject,
	'project.request_changes': m.so_act_project_request_changes,
	'project.start': m.so_act_project_start,
	'project.complete': m.so_act_project_complete,
	'project.submit': m.so_act_project_submit,
	'project.start_review': m.so_act_project_start_review,
	'project.funded': m.so_act_project_funded,
	'project.expired': m.so_act_project_expired,
	'project.cancelled': m.so_act_project_cancelled,
	'organisation.apply': m.so_act_organisation_apply,
	'organisation.invite': m.so_act_organisation_invite,
	'organisation.join': m.so_act_organisation_join,
	'organisation.approve': m.so_act_organisation_approve,
	'organisation.reject': m.so_act_organisation_reject,
	'account.delete': m.so_act_account_delete,
	'receiving-account.create': m.so_act_receiving_account_create,
	'receiving-account.replace': m.so_act_receiving_account_replace,
	'receiving-account.delete': m.so_act_receiving_account_delete,
	'question.hide': m.so_act_question_hide,
	'question.unhide': m.so_act_question_unhide,
	'answer.hide': m.so_act_answer_hide,
	'answer.unhide': m.so_act_answer_unhide,
	'report.post': m.so_act_report_post,
	'report.edit': m.so_act_report_edit,
	'report.request_correction': m.so_act_report_request_correction,
	'disbursement.record': m.so_act_disbursement_record,
	'cofunding.record': m.so_act_cofunding_record,
	'receipt.record': m.so_act_receipt_record,
	'statement.commit': m.so_act_statement_commit,
	'rates.correct': m.so_act_rates_correct,
	'refund.paid': m.so_act_refund_paid,
	'pledge.refund': m.so_act_pledge_refund,
	'programme.create': m.so_act_programme_create,
	'programme.update': m.so_act_programme_update,
};

const isKnown = (action: string): action is AuditAction => Object.hasOwn(SENTENCES, action);

/** Short names of the actions for the search form's Action filter (no actor, no amount). */
const LABELS: Record<AuditAction, (p: object, o: { locale: Locale }) => string> = {
	'project.create': m.so_actl_project_create,
	'project.update': m.so_actl_project_update,
	'project.attach': m.so_actl_project_attach,
	'project.approve': m.so_actl_project_approve,
	'project.reject': m.so_actl_project_reject,
	'project.request_changes': m.so_actl_project_request_changes,
	'project.start': m.so_actl_project_start,
	'project.complete': m.so_actl_project_complete,
	'project.submit': m.so_actl_project_submit,
	'project.start_review': m.so_actl_project_start_review,
	'project.funded': m.so_actl_project_funded,
	'project.expired': m.so_actl_project_expired,
	'project.cancelled': m.so_actl_project_cancelled,
	'organisation.apply': m.so_actl_organisation_apply,
	'organisation.invite': m.so_actl_organisation_invite,
	'organisation.join': m.so_actl_organisation_join,
	'organisation.approve': m.so_actl_organisation_approve,
	'organisation.reject': m.so_actl_organisation_reject,
	'account.delete': m.so_actl_account_delete,
	'receiving-account.create': m.so_actl_receiving_account_create,
	'receiving-account.replace': m.so_actl_receiving_account_replace,
	'receiving-account.delete': m.so_actl_receiving_account_delete,
	'question.hide': m.so_actl_question_hide,
	'question.unhide': m.so_actl_question_unhide,
	'answer.hide': m.so_actl_answer_hide,
	'answer.unhide': m.so_actl_answer_unhide,
	'report.post': m.so_actl_report_post,
	'report.edit': m.so_actl_report_edit,
	'report.request_correction': m.so_actl_report_request_correction,
	'disbursement.record': m.so_actl_disbursement_record,
	'cofunding.record': m.so_actl_cofunding_record,
	'receipt.record': m.so_actl_receipt_record,
	'statement.commit': m.so_actl_statement_commit,
	'rates.correct': m.so_actl_rates_correct,
	'refund.paid': m.so_actl_refund_paid,
	'pledge.refund': m.so_actl_pledge_refund,
	'programme.create': m.so_actl_programme_create,
	'programme.update': m.so_actl_programme_update,
};

/** An action's short name for the Action filter, e.g. 'Recorded money received on a pledge'; an unknown one as written. */
export function auditActionLabel(action: string, locale: Locale): string {
	return isKnown(action) ? LABELS[action]({}, { locale }) : action;
}

/**
 * The reasons the platform itself writes (domain expiry.ts, card-refunds.ts, vetting.ts settleDeadlines; 'goal reached'
 * is what staff's funded move is given in the demo and tests), in the reader's language. Reasons people typed stay as
 * written: they are their words.
 */
const SYSTEM_REASONS: Record<string, (p: object, o: { locale: Locale }) => string> = {
	expired: m.so_reason_expired,
	card: m.so_reason_card,
	'the deadline passed before the goal was reached': m.so_reason_deadline_short,
	'the deadline passed': m.so_reason_deadline,
	'goal reached': m.so_reason_goal_reached,
};

/** An entry's reason for people: a known system phrase translated, free text as written, null when none. */
export function auditReason(reason: string | null, locale: Locale): string | null {
	if (reason === null) return null;
	return Object.hasOwn(SYSTEM_REASONS, reason) ? SYSTEM_REASONS[reason]!({}, { locale }) : reason;
}

/**
 * The money of an entry, from `after`: `amountKgs` (KGS tyiyn) in som, and the amount in its own currency beside it
 * when that is not KGS ("8 745,00 сом (100,00 $)"); '' when the entry carries none.
 */
function auditAmount(after: AuditEntry['after'], locale: Locale): string {
	const kgs = after?.amountKgs;
	if (typeof kgs !== 'number') return '';
	const som = formatMoney({ amount: kgs, currency: 'KGS' }, locale);
	const amount = after?.amount;
	const currency = after?.currency;
	if (typeof amount !== 'number' || typeof currency !== 'string' || currency === 'KGS') return som;
	try {
		return `${som} (${formatMoney({ amount, currency: currency as 'USD' }, locale)})`;
	} catch {
		return som;
	}
}

/** Who acted, for people: the display name, "the platform" for `system`, "a deleted account", else the id. */
export function actorName(actorId: string, actors: ReadonlyMap<string, AuditActor>, locale: Locale): string {
	if (actorId === 'system') return m.so_actor_system({}, { locale });
	const who = actors.get(actorId);
	if (who?.deleted) return m.so_actor_deleted({}, { locale });
	return who?.displayName ?? actorId;
}

/**
 * An audit entry as one sentence in the reader's language: "Aida Usenova recorded 8 745,00 сом received on a pledge".
 * An action this code does not know still shows, in a generic sentence with its raw name.
 */
export function auditSentence(entry: AuditEntry, actor: string, locale: Locale): string {
	const params: Params = {
		actor,
		amount: auditAmount(entry.after, locale),
		day: entry.objectType === 'rates' ? formatDay(entry.objectId, locale) : '',
	};
	if (isKnown(entry.action)) return SENTENCES[entry.action](params, { locale });
	return m.so_act_unknown({ actor, action: entry.action }, { locale });
}

/**
 * Where an entry's object is seen (project → its staff page, pledge → its page, programme → the programmes page,
 * rates → the rates page, report → its project's page, organisation → its page); null for accounts and the rest.
 */
export function auditObjectHref(entry: AuditEntry, locale: Locale): string | null {
	const id = encodeURIComponent(entry.objectId);
	const projectId = typeof entry.after?.projectId === 'string' ? encodeURIComponent(entry.after.projectId) : null;
	switch (entry.objectType) {
		case 'project':
			return `/${locale}/staff/projects/${id}`;
		case 'pledge':
			return `/${locale}/pledges/${id}`;
		case 'programme':
			return `/${locale}/staff/programmes`;
		case 'rates':
			return `/${locale}/staff/rates`;
		case 'organisation':
			return `/${locale}/organisations/${id}`;
		case 'report':
			return projectId ? `/${locale}/projects/${projectId}` : null;
		default:
			return null;
	}
}
