/**
 * The mail function (the table's DynamoDB stream, filtered to pending queued mail; infra/lib/jobs-stack.ts): sends
 * the emails the API only writes when it runs with MAIL_DELIVERY=stream (a pledge's payment details), so that a
 * request ends with its transaction. Each record is delivered with the domain's `deliverMail` (claim, send, mark
 * sent), so a record delivered twice, or a mail the API already sent, sends nothing again.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mailEntity } from '@mekendesh/db/entities/money';
import { deliverMail } from '@mekendesh/domain/pledge-email';
import { SesMailer } from '@mekendesh/identity/ses-mailer';
import { composeMail, jobsDbFromEnv, logJob, MAIL_ATTEMPTS, type MailDeps } from './composition.js';
import { startJob } from './job-runtime.js';

// Attempts after which a mail is left alone (composition.ts): here its records, in the sweep (mail-sweep.ts) its claims.
export { MAIL_ATTEMPTS } from './composition.js';

/** The id of the mail a stream record announces, when its new image is a queued mail still pending; else undefined. */
export function pendingMailId(record: DynamoDBRecord): string | undefined {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return undefined;
  const image = record.dynamodb?.NewImage;
  if (image?.entity?.S !== mailEntity.name || image.status?.S !== 'pending') return undefined;
  if (Number(image.attempts?.N ?? 0) >= MAIL_ATTEMPTS) return undefined;
  return image.id?.S;
}

/**
 * Delivers the pending mail of each record (others are skipped) and answers the records to retry: those whose
 * send failed or threw, by sequence number (ReportBatchItemFailures). A failed send leaves its mail pending.
 * @example await deliverRecords(composeMail(db, outbox), event.Records) // { batchItemFailures: [] }
 */
export async function deliverRecords(deps: MailDeps, records: readonly DynamoDBRecord[]): Promise<DynamoDBBatchResponse> {
  const failed = await Promise.all(
    records.map(async (record) => {
      const id = pendingMailId(record);
      if (!id) return undefined;
      try {
        if (await deliverMail(deps, id)) return undefined;
        logJob('warn', 'mail not sent', { id });
      } catch (e) {
        logJob('warn', 'mail not sent', { id, error: (e as Error).message });
      }
      return record.dynamodb?.SequenceNumber ?? record.eventID ?? '';
    }),
  );
  return { batchItemFailures: failed.filter((s) => s !== undefined).map((itemIdentifier) => ({ itemIdentifier })) };
}

// One composition per function instance, made on the first event (the environment is read then, as on Lambda).
let deps: MailDeps | undefined;

/**
 * The Lambda handler: TABLE_NAME and MAIL_FROM (the SES identity that sends) from the environment.
 * @throws Error when MAIL_FROM is not set (the whole batch then retries).
 */
export async function mailHandler(event: DynamoDBStreamEvent, context?: unknown): Promise<DynamoDBBatchResponse> {
  await startJob(context);
  if (!deps) {
    const from = process.env.MAIL_FROM;
    if (!from) throw new Error('MAIL_FROM is not set: the mail function sends through SES from that address (infra jobs-stack)');
    deps = composeMail(jobsDbFromEnv(), new SesMailer(from, process.env.AWS_REGION));
  }
  const out = await deliverRecords(deps, event.Records);
  logJob('info', 'mail records', { records: event.Records.length, failed: out.batchItemFailures.length });
  return out;
}
