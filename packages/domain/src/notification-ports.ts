import type { Locale, NotificationKind } from '@mekendesh/contracts';

/**
 * One email to one person about one thing (issue 12). `about` names the thing ("question-<id>", "week-2026-W48"):
 * the mail's id is made of kind, about and recipient, so the same notice sent twice (a retried request, a repeated
 * digest run) is queued and sent once. `message` writes subject and text in the reader's language; the notifier adds
 * the footer (preferences and one-click unsubscribe links) and the List-Unsubscribe headers.
 */
export interface Notice {
  kind: NotificationKind;
  userId: string;
  about: string;
  /** `reader` is who it goes to, as the notifier read them (their display name, for a greeting). */
  message: (locale: Locale, reader?: NoticeReader) => { subject: string; text: string };
}

/** The recipient of a notice as its text may name them. */
export interface NoticeReader {
  name: string;
}

/**
 * What became of a notice: sent (inline delivery), queued (the stream sends it), duplicate (already queued),
 * off (the reader turned this kind off), no_recipient (no such account, or no email).
 */
export type NotifyOutcome = 'sent' | 'queued' | 'duplicate' | 'off' | 'no_recipient';

/** Sends notices by email in the reader's language; packages/domain/src/notifications.ts is the implementation. */
export interface Notifier {
  notify(notice: Notice): Promise<NotifyOutcome>;
  /** The same notice to every member (admins and officers) of an organisation; one outcome per member. */
  notifyOrganisation(organisationId: string, notice: Omit<Notice, 'userId'>): Promise<NotifyOutcome[]>;
}
