/**
 * The deadline function (EventBridge, every day at 00:05 in Bishkek; infra/lib/jobs-stack.ts): settles published
 * projects whose deadline day is over (funded or expired) and gives back the pledges of expired ones through the
 * ledger, telling supporters (project funded) and investors owed money back (refund) by email. Locally `pnpm jobs:deadlines`.
 */
import { ulid } from 'ulid';
import { cursorSecretOr, DynamoMailQueue, DynamoOrganisationStore, DynamoOutbox, DynamoUserRepository, type Db } from '@mekendesh/db';
import { emailNotifier, runDeadlineJob, unsubscribeKey, type MailDelivery, type Mailer } from '@mekendesh/domain';
import { composeJobs, jobsDbFromEnv, logJob } from './composition.js';

/** How the deadline job's emails leave and link (as the digest's: digests.ts). */
export interface DeadlineNoticeSettings {
  /** Inline (locally, tests: sent in the run) or stream (queued; the mail function sends). */
  mailDelivery: MailDelivery;
  /** Only used inline; the dev outbox when not given. */
  mailer?: Mailer;
  webOrigin: string;
  /** The API's public origin, for the List-Unsubscribe URL. */
  apiOrigin: string;
}

type Counts = { expired: number; funded: number; released: number; refunded: number };

/**
 * Runs the deadline job on a table; safe to rerun (what is settled is skipped, and each email is keyed by what it is
 * about). Without `notices` no email is sent. The unsubscribe links are signed with `db.cursorSecret`'s derived key.
 * @example await deadlineJob(db, { mailDelivery: 'inline', webOrigin, apiOrigin }) // { expired: 1, funded: 2, released: 3, refunded: 0 }
 */
export function deadlineJob(db: Db, notices?: DeadlineNoticeSettings): Promise<Counts> {
  const deps = composeJobs(db).deadlines;
  if (!notices) return runDeadlineJob(deps);
  const clock = deps.money.clock;
  const notifier = emailNotifier({
    users: new DynamoUserRepository(db),
    organisations: new DynamoOrganisationStore(db),
    queue: new DynamoMailQueue(db),
    mailer: notices.mailer ?? new DynamoOutbox(db, ulid),
    mailDelivery: notices.mailDelivery,
    clock,
    webOrigin: notices.webOrigin,
    unsubscribe: { key: unsubscribeKey(db.cursorSecret), apiOrigin: notices.apiOrigin },
  });
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
export async function deadlinesHandler(): Promise<Counts> {
  const env = process.env;
  if (!env.CURSOR_SECRET && env.CURSOR_SECRET_ARN) {
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: env.CURSOR_SECRET_ARN }));
    if (!out.SecretString) throw new Error('CURSOR_SECRET_ARN names a secret without a string value');
    env.CURSOR_SECRET = out.SecretString;
  }
  db ??= { ...jobsDbFromEnv(env), cursorSecret: cursorSecretOr(env.CURSOR_SECRET) };
  const notices: DeadlineNoticeSettings | undefined = env.CURSOR_SECRET
    ? {
        mailDelivery: 'stream',
        // Stream delivery only queues: the mail function sends. No mailer is called here.
        mailer: { send: () => Promise.reject(new Error('the deadline function only queues mail')) },
        webOrigin: env.WEB_ORIGIN ?? 'https://mekendesh.kg',
        apiOrigin: env.API_PUBLIC_URL ?? 'https://api.mekendesh.kg',
      }
    : undefined;
  const out = await deadlineJob(db, notices);
  logJob('info', 'deadline job', out);
  return out;
}
