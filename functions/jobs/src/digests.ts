/**
 * The weekly digest (issue 12): EventBridge every Monday at 08:00 in Bishkek (infra/lib/jobs-stack.ts) sends the week
 * that just ended; locally `pnpm jobs:digests [--week 2026-W48]`. Each subscriber gets at most one email per week
 * (kind `digest`, about `digest-<week>`), so a rerun for the same week sends nothing twice. In the cloud the emails
 * are queued (MAIL_DELIVERY=stream) and the mail function sends them through SES; locally they are sent inline.
 */
import { DynamoDigestSource } from '@mekendesh/db/digest-source';
import { DynamoFollowStore } from '@mekendesh/db/follow-store';
import { DynamoQuestionStore } from '@mekendesh/db/question-store';
import type { Db } from '@mekendesh/db/client';
import { previousIsoWeek, runDigests, type DigestAnswers, type DigestDeps } from '@mekendesh/domain/digests';
import { territoryRules } from '@mekendesh/domain/territory-rules';
import { TERRITORIES, territoryBySoate } from '@mekendesh/territories';
import { cursorSecretFromEnv, jobsDbWithSecret, jobsNotifier, logJob, streamNoticeSettings, type NoticeSettings } from './composition.js';
import { digestMetricValues, emfLine } from './job-metrics.js';
import { publishJobCounts, startJob } from './job-runtime.js';

/** Where a digest run sends from and links to. */
export interface DigestSettings extends NoticeSettings {
  /**
   * New answers on followed projects in a window; the question store (`answeredBetween`: public, visible answers) unless
   * given, null leaves them out. Progress reports (issue 13) will come through a port of the same shape.
   */
  answers?: DigestAnswers;
  clock?: { now: () => Date };
}

/** The digest's ports on one table: follows, the facet index, and the notifier (preferences and unsubscribe links inside). */
export function composeDigests(db: Db, settings: DigestSettings): DigestDeps {
  const clock = settings.clock ?? { now: () => new Date() };
  const notifier = jobsNotifier(db, settings, clock);
  return {
    follows: new DynamoFollowStore(db),
    source: new DynamoDigestSource(db),
    answers: settings.answers === undefined ? new DynamoQuestionStore(db) : settings.answers,
    notifier,
    territories: territoryRules(TERRITORIES),
    placeName: (soate) => territoryBySoate(soate)?.fullName,
    webOrigin: settings.webOrigin,
  };
}

/**
 * Runs the digest of `week` (default: the last whole Bishkek week) on a table; safe to rerun.
 * @example await digestJob(db, { mailDelivery: 'inline', webOrigin, apiOrigin }, '2026-W48') // { subscribers: 3, sent: 2, empty: 1 }
 */
export async function digestJob(
  db: Db,
  settings: DigestSettings,
  week?: string,
): Promise<{ week: string } & Record<string, number | string>> {
  const which = week ?? previousIsoWeek((settings.clock ?? { now: () => new Date() }).now());
  return { week: which, ...(await runDigests(composeDigests(db, settings), which)) };
}

/** The week a command line names (`--week 2026-W48`), or undefined for the last whole week. */
export function weekArgument(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--week');
  if (i < 0) return undefined;
  const week = argv[i + 1];
  if (!week || !/^\d{4}-W\d{2}$/.test(week)) throw new Error('--week takes an ISO week, e.g. --week 2026-W48');
  return week;
}

let db: Db | undefined;

/**
 * The Lambda handler: TABLE_NAME, WEB_ORIGIN, API_PUBLIC_URL and the cursor secret (CURSOR_SECRET, or the Secrets
 * Manager secret CURSOR_SECRET_ARN names: unsubscribe links are signed with a key derived from it, as the API checks).
 * Logs the counts and writes them as metrics (an EMF line: DigestsFailed, DigestsSent, DigestsSkippedSearches): the
 * run does not throw for a failed subscriber, so the alarm on DigestsFailed (infra/lib/jobs-stack.ts) is what tells.
 * A rerun of the week (`pnpm jobs:digests --week` against the cloud table, or invoking the function) sends only those.
 */
export async function digestsHandler(_event?: unknown, context?: unknown): Promise<Record<string, number | string>> {
  await startJob(context);
  const secret = await cursorSecretFromEnv();
  // Links signed with another process's secret would not verify at the API: better no digest than dead links.
  if (!secret) throw new Error('no cursor secret: the digest function reads CURSOR_SECRET_ARN (infra jobs-stack)');
  db ??= jobsDbWithSecret(process.env, secret);
  const out = await digestJob(db, streamNoticeSettings(process.env, 'digest'));
  logJob(typeof out.failed === 'number' && out.failed > 0 ? 'warn' : 'info', 'digest job', out);
  const name = process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'digests';
  publishJobCounts(digestMetricValues(out), () => emfLine(name, digestMetricValues(out), new Date()));
  return out;
}
