/**
 * `pnpm jobs:deadlines`: the scheduled deadline job, run by hand: settles published projects past their
 * deadline (funded or expired) and gives back the pledges of expired ones through the ledger.
 */
import { deadlineJob } from '@mekendesh/jobs/deadlines';
import { moneyDb } from './money-env.js';

console.log(await deadlineJob(moneyDb()));
