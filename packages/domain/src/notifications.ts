import type { Locale } from '@mekendesh/contracts';
import type { Mailer, OrganisationStore, UserRecord, UserRepository } from './account-ports.js';
import type { Notice, Notifier, NotifyOutcome } from './notification-ports.js';
import type { MailDelivery, MailQueue, QueuedMail } from './receiving-accounts.js';
import { withUnsubscribe, type UnsubscribeLinks } from './unsubscribe.js';
import { deliverQueued } from './mail-delivery.js';

/** What sending notices needs: the users (email, language, kinds off), organisations (members), the mail queue and mailer. */
export interface NotifyDeps {
  users: Pick<UserRepository, 'get'>;
  organisations: Pick<OrganisationStore, 'get'>;
  queue: MailQueue;
  mailer: Mailer;
  /** `inline` (locally, tests): sent within the call; `stream`: queued, the mail function sends it. */
  mailDelivery: MailDelivery;
  clock: { now: () => Date };
  /** The web app's origin, for links in emails. */
  webOrigin: string;
  /** Signs and places each email's unsubscribe links (unsubscribe.ts); its webOrigin is the one above. */
  unsubscribe: Omit<UnsubscribeLinks, 'webOrigin'>;
}

/** The queued mail's id for a notice: one per kind, thing and reader (DynamoDB key characters only). */
export const noticeMailId = (n: Pick<Notice, 'kind' | 'about' | 'userId'>) => `n-${n.kind}-${n.about}-${n.userId}`;

/** Whether `user` turned this kind of email off (preferences page or an unsubscribe link). */
export const turnedOff = (user: Pick<UserRecord, 'notificationsOff'>, kind: Notice['kind']) => (user.notificationsOff ?? []).includes(kind);

/**
 * The notice as its queued email: the reader's language, the footer and the List-Unsubscribe headers of its kind, and
 * whose notice of which kind it is (`notice`), so that delivery checks the reader again when it sends (mail-delivery.ts).
 */
function noticeMail(deps: NotifyDeps, notice: Notice, user: UserRecord): QueuedMail {
  const locale: Locale = user.profile.locale;
  const links = { ...deps.unsubscribe, webOrigin: deps.webOrigin };
  const mail = withUnsubscribe(
    links,
    { userId: user.id, kind: notice.kind, locale },
    notice.message(locale, { name: user.profile.displayName }),
  );
  return { id: noticeMailId(notice), to: user.email, ...mail, notice: { userId: user.id, kind: notice.kind } };
}

/**
 * Queues a notice as an email in the reader's language and, with inline delivery, sends it (claim, send, mark sent,
 * so two calls send once). Answers what happened (NotifyOutcome): 'off' when the reader turned the kind off (nothing
 * queued); a failed send leaves the mail queued ('queued').
 */
export async function notify(deps: NotifyDeps, notice: Notice): Promise<NotifyOutcome> {
  const user = await deps.users.get(notice.userId);
  if (!user?.email) return 'no_recipient';
  if (turnedOff(user, notice.kind)) return 'off';
  const mail = noticeMail(deps, notice, user);
  const queued = await deps.queue.enqueue(mail, deps.clock.now().toISOString());
  if (!queued) return 'duplicate';
  if (deps.mailDelivery === 'stream') return 'queued';
  const outcome = await deliverQueued(deps, mail.id);
  // 'dropped': the reader turned the kind off (or left) between the check above and the send.
  return outcome === 'taken' ? 'duplicate' : outcome === 'failed' ? 'queued' : outcome === 'dropped' ? 'off' : 'sent';
}

/**
 * Sends notices after the change they report was committed, never failing the caller: the change stands whatever
 * the mail does, and a failed send stays queued for the next attempt. Answers the outcomes ('queued' for a throw).
 */
export async function notifyAfterCommit(notifier: Notifier | undefined, notices: readonly Notice[]): Promise<NotifyOutcome[]> {
  if (!notifier) return [];
  return Promise.all(notices.map((n) => notifier.notify(n).catch((): NotifyOutcome => 'queued')));
}

/** The Notifier over NotifyDeps: one notice to a person, or to every member of an organisation. */
export function emailNotifier(deps: NotifyDeps): Notifier {
  return {
    notify: (notice) => notify(deps, notice),
    async notifyOrganisation(organisationId, notice) {
      const org = await deps.organisations.get(organisationId);
      if (!org) return [];
      return Promise.all(org.members.map((m) => notify(deps, { ...notice, userId: m.userId })));
    },
  };
}
