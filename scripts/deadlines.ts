/**
 * `pnpm jobs:deadlines`: the scheduled deadline job, run by hand: settles published projects past their
 * deadline (funded or expired) and gives back the pledges of expired ones through the ledger; the funded and refund
 * emails go inline into the dev outbox (links signed with CURSOR_SECRET, or this process's own secret).
 */
import { deadlineJob } from '@mekendesh/jobs/deadlines';
import { moneyDb } from './money-env.js';

const env = process.env;
console.log(
  await deadlineJob(moneyDb(), {
    mailDelivery: 'inline',
    webOrigin: env.WEB_ORIGIN ?? 'http://localhost:5173',
    apiOrigin: env.API_PUBLIC_URL ?? 'http://localhost:8787',
  }),
);
