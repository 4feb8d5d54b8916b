/**
 * The deadline function (EventBridge, every day at 00:05 in Bishkek; infra/lib/jobs-stack.ts): settles published
 * projects whose deadline day is over (funded or expired) and gives back the pledges of expired ones through the
 * ledger, telling supporters (project funded) and investors owed money back (refund) by email. Locally `pnpm jobs:deadlines`.
 */
import type { Db } from '@mekendesh/db/client';
import { runDeadlineJob } from '@mekendesh/domain/expiry';
import {
  composeJobs,
  cursorSecretFromEnv,
  jobsDbWithSecret,
  jobsNotifier,
  logJob,
  streamNoticeSettings,
  type NoticeSettings,
} from './composition.js';
import { startJob } from './job-runtime.js';

/** How the deadline job's emails leave and link (composition.ts, as the digest's). */
export type DeadlineNoticeSettings = NoticeSettings;

type Counts = { expired: number; funded: number; released: number; refunded: number };

/**
 * Runs the deadline job on a table; safe to rerun (what is settled is skipped, and each email is keyed by what it is
 * about). Without `notices` no email is sent. The unsubscribe links are signed with `db.cursorSecret`'s derived key.
 * @example await deadlineJob(db, { mailDelivery: 'inline', webOrigin, apiOrigin }) // { expired: 1, funded: 2, released: 3, refunded: 0 }
 */
export function deadlineJob(db: Db, notices?: DeadlineNoticeSettings): Promise<Counts> {
  const deps = composeJobs(db).deadlines;
  if (!notices) return runDeadlineJob(deps);
  const notifier = jobsNotifier(db, notices, deps.money.clock);
  const webOrigin = notices.webOrigin;
  return runDeadlineJob({
    money: { ...deps.money, notices: { notifier, webOrigin } },
    projects: { ...deps.projects, notices: { notifier, webOrigin, pledges: deps.money.money } },
  });
}

// One table client per function instance, made on the first run (the environment is read then, as on Lambda).
let db: Db | undefined;

/**
 * The Lambda handler: runs the deadline job on the function's table and logs the counts. Emails are queued for the
 * mail function (stream) with links to WEB_ORIGIN and API_PUBLIC_URL, signed from the API's cursor secret
 * (CURSOR_SECRET, or the secret CURSOR_SECRET_ARN names); without either secret no email is queued (its links would not verify).
 */
export async function deadlinesHandler(_event?: unknown, context?: unknown): Promise<Counts> {
  await startJob(context);
  const secret = await cursorSecretFromEnv();
  db ??= jobsDbWithSecret(process.env, secret);
  if (!secret) logJob('warn', 'deadline job: no cursor secret, no email queued', {});
  const out = await deadlineJob(db, secret ? streamNoticeSettings(process.env, 'deadline') : undefined);
  logJob('info', 'deadline job', out);
  return out;
}
