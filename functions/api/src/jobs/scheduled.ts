/**
 * The scheduled Lambda functions (EventBridge rules in infra/lib/jobs-stack.ts): the National Bank's
 * rates, fetched every morning, and the daily deadline job. Locally: `pnpm rates:load`, `pnpm jobs:deadlines`.
 */
import { createDb, DEFAULT_TABLE_NAME, OFFLINE_TIMEOUTS } from '@mekendesh/db';
import { log } from '../middleware/logger.js';
import { deadlineJob, loadRatesFile } from './money.js';

const db = createDb({ tableName: process.env.TABLE_NAME ?? DEFAULT_TABLE_NAME, endpoint: process.env.DYNAMODB_ENDPOINT, region: process.env.AWS_REGION, timeouts: OFFLINE_TIMEOUTS });
/** The NBKR's published feeds: daily (main currencies) and weekly (the rest). */
export const NBKR_FEEDS = ['https://www.nbkr.kg/XML/daily.xml', 'https://www.nbkr.kg/XML/weekly.xml'] as const;

/**
 * Fetches each feed and stores its rates. A feed that cannot be fetched or parsed is reported and skipped:
 * the rates already stored stay, and staff can enter one by hand. Throws at the end if nothing loaded, so
 * the function's error alarm fires.
 */
export async function ratesHandler(fetchFeed: (url: string) => Promise<Uint8Array> = fetchBytes): Promise<{ loaded: string[]; failed: string[] }> {
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
  log(failed.length ? 'warn' : 'info', 'nbkr rates', { loaded, failed });
  if (loaded.length === 0) throw new Error(`no NBKR feed loaded: ${failed.join('; ')}`);
  return { loaded, failed };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Settles projects past their deadline and gives back the pledges of expired ones. */
export async function deadlinesHandler() {
  const out = await deadlineJob(db);
  log('info', 'deadline job', out);
  return out;
}
