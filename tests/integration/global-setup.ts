import type { TestProject } from 'vitest/node';
import { startDynamoLocal, type LocalDynamo } from '@mekendesh/db/local';

let dynamo: LocalDynamo | undefined;

/** One in-memory DynamoDB Local on a free port for the whole integration run; each file makes its own table. */
export async function setup(project: TestProject) {
  dynamo = await startDynamoLocal({ port: 0 });
  project.provide('dynamoEndpoint', dynamo.endpoint);
}

export async function teardown() {
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
