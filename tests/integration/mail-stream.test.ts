/**
 * The pledge email by stream, end to end on DynamoDB Local: the API composed as in Lambda (MAIL_DELIVERY=stream)
 * writes the mail pending and sends nothing; the table's REAL stream records, read through the DynamoDB Streams API,
 * handed to the mail function's handler send it once, and handed again send nothing more.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from 'vitest';
import type { PledgeView } from '@mekendesh/contracts';
import { composeMail } from '@mekendesh/jobs/composition';
import { deliverRecords } from '@mekendesh/jobs/mail';
import { donation, moneyStack, pledge, streamApp, type MoneyStack } from '../fixtures/money.js';
import { localStreams, streamRecords as recordsOf } from '../fixtures/streams.js';

let s: MoneyStack;
let streams: ReturnType<typeof localStreams>;
beforeAll(async () => {
  s = await moneyStack(1);
  streams = localStreams(inject('dynamoEndpoint'));
}, 120_000);
afterAll(async () => {
  streams?.destroy();
  await s.drop();
});
afterEach(() => s.balanced());

const streamRecords = () => recordsOf(streams, s.db);

const mailsAbout = async (reference: string) => (await s.deps.outbox!.latest(100)).filter((m) => m.text.includes(reference));

describe('the pledge email by stream', () => {
  it('is sent by the mail function from the real stream records, once, however often they are handed to it', async () => {
    const app = streamApp(s);
    const project = await s.project();
    const res = await pledge(app, s.investors[0]!, project.id, donation(1_000, 'USD'));
    expect(res.status).toBe(201);
    const made = (await res.json()) as PledgeView;
    // The request committed and sent nothing.
    expect(await mailsAbout(made.paymentReference)).toEqual([]);

    const records = await streamRecords();
    const mailRecords = records.filter((r) => r.dynamodb?.NewImage?.entity?.S === 'QueuedMail');
    expect(mailRecords.map((r) => [r.eventName, r.dynamodb?.NewImage?.status?.S])).toEqual([['INSERT', 'pending']]);

    // The outbox stands in for SES; every record of the table is handed over, as an unfiltered mapping would.
    const deps = composeMail(s.db, s.deps.outbox!);
    expect(await deliverRecords(deps, records)).toEqual({ batchItemFailures: [] });
    const mails = await mailsAbout(made.paymentReference);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(made.paymentReference);

    // A redelivered batch (Lambda retries, a replayed shard) and the stream's own records of the claim and the mark.
    expect(await deliverRecords(deps, records)).toEqual({ batchItemFailures: [] });
    expect(await deliverRecords(deps, await streamRecords())).toEqual({ batchItemFailures: [] });
    expect(await mailsAbout(made.paymentReference)).toHaveLength(1);
  }, 60_000);
});
