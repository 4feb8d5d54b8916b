/**
 * The weekly digest (issue 12): EventBridge every Monday at 08:00 in Bishkek (infra/lib/jobs-stack.ts) sends the week
 * that just ended; locally `pnpm jobs:digests [--week 2026-W48]`. Each subscriber gets at most one email per week
 * (kind `digest`, about `digest-<week>`), so a rerun for the same week sends nothing twice. In the cloud the emails
 * are queued (MAIL_DELIVERY=stream) and the mail function sends them through SES; locally they are sent inline.
 */
import { ulid } from 'ulid';
import {
  cursorSecretOr,
  DynamoDigestSource,
  DynamoFollowStore,
  DynamoMailQueue,
  DynamoOrganisationStore,
  DynamoOutbox,
  DynamoQuestionStore,
  DynamoUserRepository,
  type Db,
} from '@mekendesh/db';
import {
  emailNotifier,
  previousIsoWeek,
  runDigests,
  territoryRules,
  unsubscribeKey,
  type DigestAnswers,
  type DigestDeps,
  type MailDelivery,
  type Mailer,
} from '@mekendesh/domain';
import { TERRITORIES } from '@mekendesh/territories';
import { jobsDbFromEnv, logJob } from './composition.js';

/** Where a digest run sends from and links to. */
export interface DigestSettings {
  /** Inline (locally, tests: sent in the run) or stream (queued; the mail function sends). */
  mailDelivery: MailDelivery;
  /** Only used inline; the dev outbox when not given. */
  mailer?: Mailer;
  webOrigin: string;
  /** The API's public origin, for the List-Unsubscribe URL. */
  apiOrigin: string;
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
  const users = new DynamoUserRepository(db);
  const unsubscribe = { key: unsubscribeKey(db.cursorSecret), apiOrigin: settings.apiOrigin };
  const notifier = emailNotifier({
    users,
    organisations: new DynamoOrganisationStore(db),
    queue: new DynamoMailQueue(db),
    mailer: settings.mailer ?? new DynamoOutbox(db, ulid),
    mailDelivery: settings.mailDelivery,
    clock,
    webOrigin: settings.webOrigin,
    unsubscribe,
  });
  return {
    follows: new DynamoFollowStore(db),
    source: new DynamoDigestSource(db),
    answers: settings.answers === undefined ? new DynamoQuestionStore(db) : settings.answers,
    notifier,
    territories: territoryRules(TERRITORIES),
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

/**
 * The jobs' table (jobsDbFromEnv) with the API's cursor secret (CURSOR_SECRET), from which the unsubscribe links' key
 * is derived: links the digest signs must verify at the API. Unset (a local run), the process makes its own.
 */
export function digestDbFromEnv(env: NodeJS.ProcessEnv = process.env): Db {
  return { ...jobsDbFromEnv(env), cursorSecret: cursorSecretOr(env.CURSOR_SECRET) };
}

let db: Db | undefined;

/**
 * The Lambda handler: TABLE_NAME, WEB_ORIGIN, API_PUBLIC_URL and the cursor secret (CURSOR_SECRET, or the Secrets
 * Manager secret CURSOR_SECRET_ARN names: unsubscribe links are signed with a key derived from it, as the API checks).
 */
export async function digestsHandler(): Promise<Record<string, number | string>> {
  const env = process.env;
  if (!env.CURSOR_SECRET && env.CURSOR_SECRET_ARN) {
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: env.CURSOR_SECRET_ARN }));
    if (!out.SecretString) throw new Error('CURSOR_SECRET_ARN names a secret without a string value');
    env.CURSOR_SECRET = out.SecretString;
  }
  db ??= digestDbFromEnv(env);
  const out = await digestJob(db, {
    mailDelivery: 'stream',
    // Stream delivery only queues: the mail function sends. No mailer is called here.
    mailer: { send: () => Promise.reject(new Error('the digest function only queues mail')) },
    webOrigin: env.WEB_ORIGIN ?? 'http://localhost:5173',
    apiOrigin: env.API_PUBLIC_URL ?? 'http://localhost:8787',
  });
  logJob('info', 'digest job', out);
  return out;
}
