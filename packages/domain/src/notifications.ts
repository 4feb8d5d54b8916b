import type { Locale } from '@mekendesh/contracts';
import type { Mailer, OrganisationStore, UserRepository } from './account-ports.js';
import type { Notice, Notifier, NotifyOutcome } from './notification-ports.js';
import type { MailDelivery, MailQueue } from './receiving-accounts.js';

/** What sending notices needs: the users (email, language), organisations (members), the mail queue and mailer. */
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
}

const CLAIM_LEASE_MS = 5 * 60_000;

/** The queued mail's id for a notice: one per kind, thing and reader (DynamoDB key characters only). */
export const noticeMailId = (n: Pick<Notice, 'kind' | 'about' | 'userId'>) => `n-${n.kind}-${n.about}-${n.userId}`;

/**
 * Queues a notice as an email in the reader's language and, with inline delivery, sends it (claim, send, mark sent,
 * so two calls send once). Answers what happened (NotifyOutcome); a failed send leaves the mail queued.
 */
export async function notify(deps: NotifyDeps, notice: Notice): Promise<NotifyOutcome> {
  const user = await deps.users.get(notice.userId);
  if (!user?.email) return 'no_recipient';
  const locale: Locale = user.profile.locale;
  const { subject, text } = notice.message(locale);
  const id = noticeMailId(notice);
  const at = deps.clock.now().toISOString();
  const queued = await deps.queue.enqueue({ id, to: user.email, subject, text }, at);
  if (!queued) return 'duplicate';
  if (deps.mailDelivery === 'stream') return 'queued';
  const now = deps.clock.now();
  const mail = await deps.queue.claim(id, now.toISOString(), new Date(now.getTime() - CLAIM_LEASE_MS).toISOString());
  if (!mail) return 'duplicate';
  try {
    await deps.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text });
  } catch {
    await deps.queue.release(id);
    return 'queued';
  }
  await deps.queue.markSent(id, deps.clock.now().toISOString());
  return 'sent';
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
