import type { Mailer } from './account-ports.js';
import type { MailQueue, QueuedMail } from './receiving-accounts.js';

/**
 * A claim on a mail older than this, ms, was never finished (the sender died mid-send): another attempt, or the
 * stuck-mail sweep (functions/jobs/src/mail-sweep.ts), may take it over. No sender runs this long.
 */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** What became of a delivery: sent by this call, already taken (sent or being sent by another), or failed (left queued). */
export type DeliveryOutcome = 'sent' | 'taken' | 'failed';

type DeliveryDeps = { queue: MailQueue; mailer: Mailer; clock: { now: () => Date } };

/**
 * Sends a mail this call holds the claim of (a pledge's email is written claimed in the pledge's own transaction):
 * send with its headers, mark sent. A failed send gives the claim back and answers 'failed': the mail stays queued.
 */
export async function sendClaimedMail(deps: DeliveryDeps, mail: QueuedMail): Promise<Exclude<DeliveryOutcome, 'taken'>> {
  try {
    await deps.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text, ...(mail.headers ? { headers: mail.headers } : {}) });
  } catch {
    await deps.queue.release(mail.id);
    return 'failed';
  }
  await deps.queue.markSent(mail.id, deps.clock.now().toISOString());
  return 'sent';
}

/**
 * Sends a queued mail if nobody has: claim (a conditional update, so of two senders one sends), then sendClaimedMail.
 * @example await deliverQueued({ queue, mailer, clock }, 'pledge-p1') // 'sent'
 */
export async function deliverQueued(deps: DeliveryDeps, id: string): Promise<DeliveryOutcome> {
  const now = deps.clock.now();
  const mail = await deps.queue.claim(id, now.toISOString(), new Date(now.getTime() - CLAIM_LEASE_MS).toISOString());
  return mail ? sendClaimedMail(deps, mail) : 'taken';
}
