/**
 * `pnpm jobs:digests [--week 2026-W48]`: the weekly digest run by hand on the local table (DYNAMODB_ENDPOINT, TABLE_NAME;
 * the local stack's by default), sending inline into the dev outbox, its unsubscribe links signed with the local
 * stack's secret (local-jobs.ts). Without --week: the last whole Bishkek week. A rerun for the same week sends nothing twice.
 */
import { digestJob, weekArgument } from '@mekendesh/jobs/digests';
import { localJobDb, localNoticeSettings } from './local-jobs.js';

console.log(await digestJob(localJobDb(), localNoticeSettings(), weekArgument(process.argv.slice(2))));
