import { createDb, DEFAULT_TABLE_NAME, DynamoProjectRepository, dynamoHealthProbe, type Db } from '@mekendesh/db';
import type { HealthProbe, ProjectRepository } from '@mekendesh/domain';

/** Everything the routes need, wired once per process (not per request, not per handler). */
export interface Deps {
  projects: ProjectRepository;
  health: HealthProbe;
}

export function composeWithDb(db: Db): Deps {
  return { projects: new DynamoProjectRepository(db), health: dynamoHealthProbe(db) };
}

/** Reads TABLE_NAME and, locally, DYNAMODB_ENDPOINT. */
export function composeFromEnv(env: NodeJS.ProcessEnv = process.env): Deps {
  return composeWithDb(
    createDb({ tableName: env.TABLE_NAME ?? DEFAULT_TABLE_NAME, endpoint: env.DYNAMODB_ENDPOINT, region: env.AWS_REGION }),
  );
}
