/**
 * The deadline function (EventBridge, every day at 00:05 in Bishkek; infra/lib/jobs-stack.ts): settles published
 * projects whose deadline day is over (funded or expired) and gives back the pledges of expired ones through the
 * ledger. Locally `pnpm jobs:deadlines`.
 */
import type { Db } from '@mekendesh/db';
import { runDeadlineJob } from '@mekendesh/domain';
import { composeJobs, jobsDbFromEnv, logJob } from './composition.js';

/**
 * Runs the deadline job on a table; safe to rerun (what is settled is skipped).
 * @example await deadlineJob(db) // { expired: 1, funded: 2, released: 3, refunded: 0 }
 */
export function deadlineJob(db: Db): Promise<{ expired: number; funded: number; released: number; refunded: number }> {
  return runDeadlineJob(composeJobs(db).deadlines);
}

// One table client per function instance, made on the first run (the environment is read then, as on Lambda).
let db: Db | undefined;

/** The Lambda handler: runs the deadline job on the function's table and logs the counts. */
export async function deadlinesHandler(): Promise<{ expired: number; funded: number; released: number; refunded: number }> {
  db ??= jobsDbFromEnv();
  const out = await deadlineJob(db);
  logJob('info', 'deadline job', out);
  return out;
}
