/** The table the money commands work on: TABLE_NAME and DYNAMODB_ENDPOINT, the local stack's by default. */
import type { Db } from '@mekendesh/db';
import { jobsDbFromEnv } from '@mekendesh/jobs/composition';

/** As the scheduled functions open it (functions/jobs), but local unless DYNAMODB_ENDPOINT=aws says the cloud. */
export function moneyDb(env: NodeJS.ProcessEnv = process.env): Db {
  if (env.DYNAMODB_ENDPOINT === 'aws') return jobsDbFromEnv({ ...env, DYNAMODB_ENDPOINT: undefined });
  return jobsDbFromEnv({
    ...env,
    DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
    AWS_REGION: env.AWS_REGION ?? 'local',
  });
}
