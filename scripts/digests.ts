/**
 * `pnpm jobs:digests [--week 2026-W48]`: the weekly digest run by hand on the local table (DYNAMODB_ENDPOINT, TABLE_NAME;
 * the local stack's by default), sending inline into the dev outbox. Without --week: the last whole Bishkek week.
 * A rerun for the same week sends nothing twice.
 */
import { digestDbFromEnv, digestJob, weekArgument } from '@mekendesh/jobs/digests';

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
  AWS_REGION: process.env.AWS_REGION ?? 'local',
};
console.log(
  await digestJob(
    digestDbFromEnv(env),
    {
      mailDelivery: 'inline',
      webOrigin: env.WEB_ORIGIN ?? 'http://localhost:5173',
      apiOrigin: env.API_PUBLIC_URL ?? 'http://localhost:8787',
    },
    weekArgument(process.argv.slice(2)),
  ),
);
