/**
 * The stuck-`sending` sweep (issue 12, part E): a mail claimed by a sender that died (a Lambda timed out between the
 * claim and the send) stays `sending`, and its stream records were already answered (a claim within the lease counts
 * as done). Every 10 minutes in the cloud (infra/lib/jobs-stack.ts; locally `pnpm jobs:mail-sweep`) this job finds
 * claims older than the lease in the claimed-mail index (gsi3, sparse, sharded; no Scan) and gives each back: pending
 * again, so the stream delivers it once more, or, after MAIL_ATTEMPTS claims, `failed` (logged, never tried again).
 */
import { DynamoMailQueue } from '@mekendesh/db/mail-queue';
import type { Db } from '@mekendesh/db/client';
import { CLAIM_LEASE_MS } from '@mekendesh/domain/mail-delivery';
import { deliverMail } from '@mekendesh/domain/pledge-email';
import type { Mailer } from '@mekendesh/domain/account-ports';
import { composeMail, jobsDbFromEnv, logJob, MAIL_ATTEMPTS } from './composition.js';
import { startJob } from './job-runtime.js';

/**
 * How old a claim must be to be given back, ms: the senders' lease (the domain's CLAIM_LEASE_MS), past which any sender
 * may take a claim over. No sender runs that long (the mail function stops at 30 s, the API's requests sooner).
 */
export const STALE_CLAIM_MS = CLAIM_LEASE_MS;

/** Claims read per shard and round; a sweep goes round until a round finds none (at most SWEEP_ROUNDS rounds). */
const PER_SHARD = 100;
const SWEEP_ROUNDS = 10;

/** Claims given back (pending), given up (failed), found finished meanwhile (skipped); delivered here (inline only). */
type Counts = { pending: number; failed: number; skipped: number; delivered: number };

/**
 * Gives back the claims older than STALE_CLAIM_MS at `clock.now()`. With `deliver` (locally, tests: no stream) each mail
 * given back is then delivered here through the domain's `deliverMail` (claim, send, mark sent), so it is sent once.
 * @example await sweepMail(db, { now: () => new Date() }) // { pending: 2, failed: 0, skipped: 0, delivered: 0 }
 */
export async function sweepMail(db: Db, clock: { now(): Date }, deliver?: { mailer: Mailer }): Promise<Counts> {
  const queue = new DynamoMailQueue(db);
  const counts: Counts = { pending: 0, failed: 0, skipped: 0, delivered: 0 };
  const mail = deliver ? composeMail(db, deliver.mailer, clock) : undefined;
  for (let round = 0; round < SWEEP_ROUNDS; round++) {
    const staleBefore = new Date(clock.now().getTime() - STALE_CLAIM_MS).toISOString();
    const claims = await queue.staleClaims(staleBefore, PER_SHARD);
    if (claims.length === 0) break;
    for (const claim of claims) {
      const outcome = await queue.giveBack(claim, MAIL_ATTEMPTS);
      counts[outcome] += 1;
      if (outcome === 'failed') logJob('warn', 'mail given up after its attempts', { id: claim.id, attempts: claim.attempts });
      if (outcome === 'pending' && mail && (await deliverMail(mail, claim.id))) counts.delivered += 1;
    }
  }
  return counts;
}

let db: Db | undefined;

/** The Lambda handler (EventBridge, every 10 minutes): gives stale claims back for the mail function; logs the counts. */
export async function mailSweepHandler(_event?: unknown, context?: unknown): Promise<Counts> {
  await startJob(context);
  db ??= jobsDbFromEnv();
  const out = await sweepMail(db, { now: () => new Date() });
  logJob(out.failed > 0 ? 'warn' : 'info', 'mail sweep', out);
  return out;
}
