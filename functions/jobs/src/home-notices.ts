/**
 * The home-district notice function (issue 12): on the table's DynamoDB stream, filtered to Project items whose status
 * becomes `published` (infra/lib/home-notices-function.ts), it tells everyone who follows the project's rayon as their
 * home, a page of followers at a time (domain `noticeHomeFollowers`), so that a staff approval ends with its own
 * transaction however many people follow the rayon. Each notice is one queued mail per project and person
 * (`n-home_project-project-<id>-<user>`), so a retried batch queues nothing twice; the mail function sends them.
 * Locally and in tests (MAIL_DELIVERY=inline) the API sends the notice itself after the commit (routes/proposals.ts).
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DynamoFollowStore } from '@mekendesh/db/follow-store';
import { DynamoProjectRepository } from '@mekendesh/db/project-repository';
import { projectEntity } from '@mekendesh/db/entities/catalogue';
import type { Db } from '@mekendesh/db/client';
import { noticeHomeFollowers, type HomeNoticeDeps } from '@mekendesh/domain/home-notices';
import { territoryBySoate } from '@mekendesh/territories';
import { cursorSecretFromEnv, jobsDbWithSecret, jobsNotifier, logJob, streamNoticeSettings, type NoticeSettings } from './composition.js';
import { startJob } from './job-runtime.js';

/**
 * The id of the project a stream record shows being published (a MODIFY of a Project item from another status to
 * `published`); else undefined. Checked here as well as by the mapping's filter, so an unfiltered mapping does no harm.
 */
export function publishedProjectId(record: DynamoDBRecord): string | undefined {
  if (record.eventName !== 'MODIFY') return undefined;
  const before = record.dynamodb?.OldImage;
  const after = record.dynamodb?.NewImage;
  if (after?.entity?.S !== projectEntity.name || after.status?.S !== 'published') return undefined;
  if (!before?.status?.S || before.status.S === 'published') return undefined;
  return after.id?.S;
}

/** What the function needs: the notice's ports and the project repository (a record names the project by id). */
export interface HomeNoticeJobDeps extends HomeNoticeDeps {
  projects: Pick<DynamoProjectRepository, 'get'>;
}

/** Wires the notice's ports on one table: the followers' reverse lists, the projects, the jobs' notifier, territory names. */
export function composeHomeNotices(db: Db, settings: NoticeSettings, clock = { now: () => new Date() }): HomeNoticeJobDeps {
  return {
    follows: new DynamoFollowStore(db),
    projects: new DynamoProjectRepository(db),
    notifier: jobsNotifier(db, settings, clock),
    placeName: (soate) => territoryBySoate(soate)?.fullName,
    webOrigin: settings.webOrigin,
  };
}

/**
 * Fans out the notice of each published project the records show, and answers the records to retry (their fan-out
 * threw; ReportBatchItemFailures). The project is read again: one no longer published by the time a retry comes is
 * not announced. Outcomes per project are logged, e.g. `{ queued: 1200, off: 3 }`.
 * @example await noticeRecords(composeHomeNotices(db, settings), event.Records) // { batchItemFailures: [] }
 */
export async function noticeRecords(deps: HomeNoticeJobDeps, records: readonly DynamoDBRecord[]): Promise<DynamoDBBatchResponse> {
  const failed: string[] = [];
  // One record at a time: a fan-out is already a page of parallel writes.
  for (const record of records) {
    const id = publishedProjectId(record);
    if (!id) continue;
    try {
      const project = await deps.projects.get(id);
      const outcomes = project?.status === 'published' ? await noticeHomeFollowers(deps, project) : {};
      logJob('info', 'home notices', { projectId: id, ...outcomes });
    } catch (e) {
      logJob('warn', 'home notices failed', { projectId: id, error: (e as Error).message });
      failed.push(record.dynamodb?.SequenceNumber ?? record.eventID ?? '');
    }
  }
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}

let deps: HomeNoticeJobDeps | undefined;

/**
 * The Lambda handler: TABLE_NAME, WEB_ORIGIN, API_PUBLIC_URL and the cursor secret (CURSOR_SECRET_ARN: the
 * unsubscribe links are signed with a key derived from it, as the API checks them).
 * @throws Error without a cursor secret (the batch is retried, then goes to the dead-letter queue).
 */
export async function homeNoticesHandler(event: DynamoDBStreamEvent, context?: unknown): Promise<DynamoDBBatchResponse> {
  await startJob(context);
  if (!deps) {
    const secret = await cursorSecretFromEnv();
    if (!secret) throw new Error('no cursor secret: the home-notice function reads CURSOR_SECRET_ARN (infra jobs-stack)');
    deps = composeHomeNotices(jobsDbWithSecret(process.env, secret), streamNoticeSettings(process.env, 'home-notice'));
  }
  return noticeRecords(deps, event.Records);
}
