/**
 * `pnpm jobs:deadlines`: the scheduled deadline job, run by hand: settles published projects past their
 * deadline (funded or expired) and gives back the pledges of expired ones through the ledger; the funded and refund
 * emails go inline into the dev outbox, their links signed with the local stack's secret (local-jobs.ts).
 */
import { deadlineJob } from '@mekendesh/jobs/deadlines';
import { localJobDb, localNoticeSettings } from './local-jobs.js';

console.log(await deadlineJob(localJobDb(), localNoticeSettings()));
