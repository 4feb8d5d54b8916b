/**
 * Money jobs, one module for the scheduled functions and the local commands: the deadline job (settle
 * projects past their deadline, give back pledges of expired ones) and loading NBKR rate feeds.
 */
import { DynamoRateStore, type Db } from '@mekendesh/db';
import { loadNbkrFeed, NbkrFeedError, runDeadlineJob } from '@mekendesh/domain';
import { noIdentity } from '@mekendesh/identity';
import { composeWithDb } from '../composition.js';

const NO_IDENTITY = noIdentity('jobs use no identity service');

/** Runs the deadline job on a table; safe to rerun (what is settled is skipped). */
export function deadlineJob(db: Db) {
  const deps = composeWithDb(db, NO_IDENTITY);
  return runDeadlineJob({ projects: deps.projectDeps, money: deps.money });
}

/**
 * Stores one NBKR feed; a malformed one returns the reason and writes nothing, so the stored rates stay.
 * @example await loadRatesFile(db, readFileSync('daily.xml')) // { ok: true, date: '2013-12-15', currencies: 4 }
 */
export async function loadRatesFile(db: Db, bytes: Uint8Array): Promise<{ ok: true; date: string; currencies: number } | { ok: false; error: string }> {
  try {
    return { ok: true, ...(await loadNbkrFeed({ rates: new DynamoRateStore(db) }, bytes)) };
  } catch (e) {
    if (e instanceof NbkrFeedError) return { ok: false, error: e.message };
    throw e;
  }
}
