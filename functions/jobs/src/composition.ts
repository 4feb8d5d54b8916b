/**
 * The scheduled jobs' own composition: the table's repositories and a clock, nothing else. Unlike the API's
 * (functions/api/src/composition.ts) it wires no identity, payments or storage adapters and no routes, so a
 * job's bundle carries none of them (functions/jobs/src/bundles.test.ts holds that).
 */
import { monotonicFactory, ulid } from 'ulid';
import { createDb, OFFLINE_TIMEOUTS, type Db } from '@mekendesh/db/client';
import { cursorSecretOr } from '@mekendesh/db/dynamo/cursor';
import { DEFAULT_TABLE_NAME } from '@mekendesh/db/table';
import { DynamoMailQueue } from '@mekendesh/db/mail-queue';
import { DynamoMoneyStore } from '@mekendesh/db/money-store';
import { DynamoOrganisationStore } from '@mekendesh/db/organisation-repository';
import { DynamoOutbox } from '@mekendesh/db/outbox';
import { DynamoProgrammeStore } from '@mekendesh/db/programme-store';
import { DynamoProjectRepository } from '@mekendesh/db/project-repository';
import { DynamoRateStore } from '@mekendesh/db/rate-store';
import { DynamoUserRepository } from '@mekendesh/db/user-repository';
import { DEFAULT_RATE_LIMITS } from '@mekendesh/domain/rate-limits';
import { emailNotifier } from '@mekendesh/domain/notifications';
import { territoryRules } from '@mekendesh/domain/territory-rules';
import { unsubscribeKey } from '@mekendesh/domain/unsubscribe';
import type { MailDelivery, PaymentDeps } from '@mekendesh/domain/receiving-accounts';
import type { Mailer } from '@mekendesh/domain/account-ports';
import type { MoneyDeps } from '@mekendesh/domain/money-deps';
import type { Notifier } from '@mekendesh/domain/notification-ports';
import type { ProjectDeps } from '@mekendesh/domain/project-ports';
import { TERRITORIES } from '@mekendesh/territories';
import { loadColdStartEnv } from '@mekendesh/lambda-runtime';
import { jobObservability } from './job-runtime.js';

/** What the jobs use, one field per job. */
export interface JobsDeps {
  /** The deadline job's (domain `runDeadlineJob`): projects to settle, and the money store to give pledges back. */
  deadlines: { projects: ProjectDeps; money: MoneyDeps };
  /** Where NBKR rate tables are stored (domain `loadNbkrFeed`). */
  rates: Pick<MoneyDeps, 'rates'>;
}

/** Where a SOATE code lies (the domain's territory rules over the reference data), built once per process. */
const territories = territoryRules(TERRITORIES);

/**
 * Wires the jobs' ports on one table. `clock` is the system clock unless a test moves time.
 * @example await runDeadlineJob(composeJobs(db).deadlines)
 */
export function composeJobs(db: Db, clock: { now(): Date } = { now: () => new Date() }): JobsDeps {
  const projects = new DynamoProjectRepository(db);
  const rates = new DynamoRateStore(db);
  const programmes = new DynamoProgrammeStore(db);
  const money: MoneyDeps = {
    projects,
    money: new DynamoMoneyStore(db, programmes),
    rates,
    programmes,
    users: new DynamoUserRepository(db),
    clock,
    newId: ulid,
    // Jobs take no pledges; the intake is wired because the money use cases share one set of ports.
    pledging: { limits: DEFAULT_RATE_LIMITS, cardCurrencies: [] },
  };
  return {
    // Monotonic: the audit entries a job writes within one millisecond keep their order.
    deadlines: {
      projects: { projects, organisations: new DynamoOrganisationStore(db), territories, clock, newId: monotonicFactory() },
      money,
    },
    rates: { rates },
  };
}

/**
 * Claims after which a mail is left alone. A failed send gives the mail back (pending again: a MODIFY record that comes
 * back to the mail function) besides failing its own record, which Lambda retries and finally sends to the dead-letter
 * queue; the bound stops a mail that can never be sent from looping through its own records (mail.ts) or through the
 * stuck-claim sweep (mail-sweep.ts), which marks it `failed` instead.
 */
export const MAIL_ATTEMPTS = 5;

/** What the mail function (mail.ts) uses: the mail queue, a mailer, and the clock (domain `deliverMail` reads it from `money`). */
export type MailDeps = Pick<PaymentDeps, 'queue' | 'mailer' | 'money'>;

/**
 * Wires the mail function's ports: the jobs' own (composeJobs) plus the queue and `mailer`. The mailer is the caller's
 * (SES in the cloud, the dev outbox in tests), so this module, shared by every job, imports no mail SDK.
 * @example await deliverMail(composeMail(db, new SesMailer(from)), 'pledge-01J...')
 */
export function composeMail(db: Db, mailer: Mailer, clock: { now(): Date } = { now: () => new Date() }): MailDeps {
  return { queue: new DynamoMailQueue(db), mailer, money: composeJobs(db, clock).deadlines.money };
}

/**
 * The jobs' table from the environment, as the Lambda functions are configured (infra/lib/jobs-stack.ts): TABLE_NAME,
 * and locally DYNAMODB_ENDPOINT and AWS_REGION. Jobs run offline, so they get the patient timeouts, not the request path's.
 */
export function jobsDbFromEnv(env: NodeJS.ProcessEnv = process.env): Db {
  return createDb({
    tableName: env.TABLE_NAME ?? DEFAULT_TABLE_NAME,
    endpoint: env.DYNAMODB_ENDPOINT,
    region: env.AWS_REGION,
    timeouts: OFFLINE_TIMEOUTS,
  });
}

/**
 * One log line as JSON, shaped as the API's logger writes it (time, level, message, fields); LOG_LEVEL=warn or error
 * (as in tests) leaves out the info lines.
 */
export function logJob(level: 'info' | 'warn', message: string, fields: Record<string, unknown>): void {
  // In Lambda: Powertools' logger (request id, cold start; LOG_LEVEL applies there too).
  const o = jobObservability();
  if (o) return o.log(level, message, fields);
  const threshold = process.env.LOG_LEVEL;
  if (level === 'info' && (threshold === 'warn' || threshold === 'error')) return;
  if (level === 'warn' && threshold === 'error') return;
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
}

/** How a job's emails leave and where they link (digests, deadlines, the home-district notice). */
export interface NoticeSettings {
  /** Inline (locally, tests: sent in the run) or stream (queued; the mail function sends). */
  mailDelivery: MailDelivery;
  /** Only used inline; the dev outbox when not given. */
  mailer?: Mailer;
  webOrigin: string;
  /** The API's public origin, for the List-Unsubscribe URL. */
  apiOrigin: string;
}

/**
 * The jobs' one notifier: users, organisations and the mail queue on `db`, unsubscribe links signed with the key derived
 * from `db.cursorSecret` (as the API checks them), sent inline into `settings.mailer` (the dev outbox unless given) or
 * only queued for the mail function.
 * @example jobsNotifier(db, { mailDelivery: 'inline', webOrigin, apiOrigin }, clock).notify(notice) // 'sent'
 */
export function jobsNotifier(db: Db, settings: NoticeSettings, clock: { now(): Date }): Notifier {
  return emailNotifier({
    users: new DynamoUserRepository(db),
    organisations: new DynamoOrganisationStore(db),
    queue: new DynamoMailQueue(db),
    mailer: settings.mailer ?? new DynamoOutbox(db, ulid),
    mailDelivery: settings.mailDelivery,
    clock,
    webOrigin: settings.webOrigin,
    unsubscribe: { key: unsubscribeKey(db.cursorSecret), apiOrigin: settings.apiOrigin },
  });
}

/**
 * A cloud job's notice settings: queued for the mail function (MAIL_DELIVERY=stream), links to WEB_ORIGIN and
 * API_PUBLIC_URL (production's unless set; infra/lib/jobs-stack.ts sets both). Nothing is sent from the job itself.
 */
export function streamNoticeSettings(env: NodeJS.ProcessEnv, job: string): NoticeSettings {
  return {
    mailDelivery: 'stream',
    mailer: { send: () => Promise.reject(new Error(`the ${job} function only queues mail`)) },
    webOrigin: env.WEB_ORIGIN ?? 'https://mekendesh.kg',
    apiOrigin: env.API_PUBLIC_URL ?? 'https://api.mekendesh.kg',
  };
}

/**
 * The API's cursor secret (unsubscribe links are signed with a key derived from it): CURSOR_SECRET, else the Secrets
 * Manager secret CURSOR_SECRET_ARN names (read by the cold-start loader once per process, with WEB_ORIGIN_PARAMETER;
 * a failed read is tried again on the next run), else undefined (a job then sends no email: its links would not verify).
 * @throws Error when the secret named cannot be read or has no string value.
 */
export async function cursorSecretFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  await loadColdStartEnv(env);
  return env.CURSOR_SECRET;
}

/** The jobs' table (jobsDbFromEnv) signing with `secret` (cursorSecretFromEnv); without one, this process's own. */
export function jobsDbWithSecret(env: NodeJS.ProcessEnv, secret: string | undefined): Db {
  return { ...jobsDbFromEnv(env), cursorSecret: cursorSecretOr(secret) };
}
