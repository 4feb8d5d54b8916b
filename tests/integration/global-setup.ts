import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { QUICK_JVM_ARGS, startDynamoLocal, type LocalDynamo } from '@mekendesh/db/local';
import { ensureIdentity, startCognitoLocal, type Child } from '@mekendesh/local-stack';
import { startLocalS3, type LocalS3 } from '@mekendesh/storage/local';

let dynamo: LocalDynamo | undefined;
let cognito: Child | undefined;
let s3: LocalS3 | undefined;
let dir: string | undefined;

/**
 * One in-memory DynamoDB Local and one cognito-local (fresh data) for the whole integration run; each
 * file makes its own table and its own users. Codes cognito-local would email go to a JSON-lines file.
 */
export async function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), 'mekendesh-it-'));
  const mailFile = join(dir, 'mail.jsonl');
  writeFileSync(mailFile, '');
  const [d, c, media] = await Promise.all([
    startDynamoLocal({ port: 0, jvmArgs: QUICK_JVM_ARGS }),
    startCognitoLocal({ port: 0, dataDir: dir, onEmail: (m) => appendFileSync(mailFile, `${JSON.stringify(m)}\n`) }),
    startLocalS3({ port: 0, directory: join(dir, 's3') }),
  ]);
  dynamo = d;
  cognito = c;
  s3 = media;
  project.provide('s3', { endpoint: media.endpoint, bucket: media.bucket });
  const identity = await ensureIdentity(c.endpoint);
  project.provide('dynamoEndpoint', d.endpoint);
  project.provide('cognito', { endpoint: c.endpoint, ...identity, mailFile, dbDir: join(dir, '.cognito', 'db') });
}

export async function teardown() {
  await Promise.all([dynamo?.stop(), cognito?.stop(), s3?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    cognito: { endpoint: string; userPoolId: string; clientId: string; issuer: string; mailFile: string; dbDir: string };
    s3: { endpoint: string; bucket: string };
  }
}
