import type { Mailer, UserRecord, UserRepository } from './account-ports.js';
import type { MailQueue, QueuedMail } from './receiving-accounts.js';

/**
 * A claim on a mail older than this, ms, was never finished (the sender died mid-send): another attempt, or the
 * stuck-mail sweep (functions/jobs/src/mail-sweep.ts), may take it over. No sender runs this long.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * What became of a delivery: sent by this call, already taken (sent or being sent by another), failed (left queued),
 * or dropped (a notice whose reader deleted the account or turned its kind off since it was queued: never sent).
 */
export type DeliveryOutcome = 'sent' | 'taken' | 'failed' | 'dropped';

type SendDeps = { queue: MailQueue; mailer: Mailer; clock: { now: () => Date } };
/** What delivering needs: the queue, the mailer, the clock and the users, read again for a notice before it is sent. */
type DeliveryDeps = SendDeps & { users: Pick<UserRepository, 'get'> };

/**
 * Sends a mail this call holds the claim of (a pledge's email is written claimed in the pledge's own transaction):
 * send with its headers, mark sent. A failed send gives the claim back and answers 'failed': the mail stays queued.
 */
export async function sendClaimedMail(deps: SendDeps, mail: QueuedMail): Promise<Exclude<DeliveryOutcome, 'taken' | 'dropped'>> {
  try {
    await deps.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text, ...(mail.headers ? { headers: mail.headers } : {}) });
  } catch {
    await deps.queue.release(mail.id);
    return 'failed';
  }
  await deps.queue.markSent(mail.id, deps.clock.now().toISOString());
  return 'sent';
}

/** Whether the reader of a notice still wants it: the account is there with an email, and the kind is not off. */
const stillWanted = (user: UserRecord | undefined, kind: NonNullable<QueuedMail['notice']>['kind']) =>
  !!user?.email && !(user.notificationsOff ?? []).includes(kind);

/**
 * Sends a queued mail if nobody has: claim (a conditional update, so of two senders one sends), then sendClaimedMail.
 * A notice (`mail.notice`) is checked again first, with one read of its reader's account (issue 12, second attack
 * review: a notice given back by the stuck-mail sweep was sent after its reader unsubscribed or deleted the account):
 * gone or turned off, it is marked `dropped` and answers 'dropped'. Other mail (a pledge's) is sent as it was queued.
 * @example await deliverQueued({ queue, mailer, clock, users }, 'pledge-p1') // 'sent'
 */
export async function deliverQueued(deps: DeliveryDeps, id: string): Promise<DeliveryOutcome> {
  const now = deps.clock.now();
  const mail = await deps.queue.claim(id, now.toISOString(), new Date(now.getTime() - CLAIM_LEASE_MS).toISOString());
  if (!mail) return 'taken';
  if (mail.notice && !stillWanted(await deps.users.get(mail.notice.userId), mail.notice.kind)) {
    await deps.queue.drop(mail.id, deps.clock.now().toISOString());
    return 'dropped';
  }
  return sendClaimedMail(deps, mail);
}
