/**
 * The rates function (EventBridge, every morning at 09:00 in Bishkek; infra/lib/jobs-stack.ts): fetches the National
 * Bank's feeds and stores their rates. Locally `pnpm rates:load <file.xml>` stores a downloaded feed.
 */
import type { Db } from '@mekendesh/db/client';
import { loadNbkrFeed } from '@mekendesh/domain/money-admin';
import { NbkrFeedError } from '@mekendesh/domain/nbkr';
import { composeJobs, jobsDbFromEnv, logJob } from './composition.js';
import { startJob } from './job-runtime.js';

/** The NBKR's published feeds: daily (main currencies) and weekly (the rest). */
export const NBKR_FEEDS = ['https://www.nbkr.kg/XML/daily.xml', 'https://www.nbkr.kg/XML/weekly.xml'] as const;

/**
 * Stores one NBKR feed; a malformed one returns the reason and writes nothing, so the stored rates stay.
 * @example await loadRatesFile(db, readFileSync('daily.xml')) // { ok: true, date: '2013-12-15', currencies: 4 }
 */
export async function loadRatesFile(
  db: Db,
  bytes: Uint8Array,
): Promise<{ ok: true; date: string; currencies: number } | { ok: false; error: string }> {
  try {
    return { ok: true, ...(await loadNbkrFeed(composeJobs(db).rates, bytes)) };
  } catch (e) {
    if (e instanceof NbkrFeedError) return { ok: false, error: e.message };
    throw e;
  }
}

// One table client per function instance, made on the first run (the environment is read then, as on Lambda).
let db: Db | undefined;

/**
 * The Lambda handler: fetches each feed and stores its rates. A feed that cannot be fetched or parsed is reported
 * and skipped: the rates already stored stay, and staff can enter one by hand. Throws at the end if nothing
 * loaded, so the function's error alarm fires.
 */
export async function ratesHandler(
  fetchFeedOrEvent?: ((url: string) => Promise<Uint8Array>) | object,
  context?: unknown,
): Promise<{ loaded: string[]; failed: string[] }> {
  // Lambda passes the EventBridge event first; tests and scripts pass a fetcher.
  const fetchFeed = typeof fetchFeedOrEvent === 'function' ? fetchFeedOrEvent : fetchBytes;
  await startJob(context);
  db ??= jobsDbFromEnv();
  const loaded: string[] = [];
  const failed: string[] = [];
  for (const url of NBKR_FEEDS) {
    try {
      const out = await loadRatesFile(db, await fetchFeed(url));
      if (out.ok) loaded.push(`${url}: ${out.date}, ${out.currencies} currencies`);
      else failed.push(`${url}: ${out.error}`);
    } catch (e) {
      failed.push(`${url}: ${(e as Error).message}`);
    }
  }
  logJob(failed.length ? 'warn' : 'info', 'nbkr rates', { loaded, failed });
  if (loaded.length === 0) throw new Error(`no NBKR feed loaded: ${failed.join('; ')}`);
  return { loaded, failed };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
