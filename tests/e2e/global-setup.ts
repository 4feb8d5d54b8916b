import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createDb, ensureTable } from '@mekendesh/db';
import { freePort, startDynamoLocal, type LocalDynamo } from '@mekendesh/db/local';
import { startApiServer } from '@mekendesh/api/server';
import { ensureDemoData, startChild, waitForHttp, type Child } from '@mekendesh/local-stack';

const webBuild = fileURLToPath(new URL('../../web/build/index.js', import.meta.url));
let dynamo: LocalDynamo | undefined;
let api: { close: () => Promise<void> } | undefined;
let web: Child | undefined;

/** The built app against the real API and an in-memory DynamoDB Local with the demo data. */
export async function setup(project: TestProject) {
  if (!existsSync(webBuild)) throw new Error('web/build is missing: run `pnpm build` first (`pnpm test` does).');
  dynamo = await startDynamoLocal({ port: 0 });
  const tableName = 'mekendesh-e2e';
  const db = createDb({ tableName, endpoint: dynamo.endpoint, region: 'local' });
  await ensureTable(db.raw, tableName);
  await ensureDemoData(db);
  const started = await startApiServer({
    port: 0,
    env: { ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'local', LOG_LEVEL: 'warn' },
  });
  api = started;
  const apiUrl = `http://127.0.0.1:${started.port}`;
  const port = await freePort();
  const webUrl = `http://127.0.0.1:${port}`;
  web = startChild('web', process.execPath, [webBuild], {
    quiet: true,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', API_URL: apiUrl, ORIGIN: webUrl },
  });
  await waitForHttp(`${webUrl}/`, 30_000, web.process);
  project.provide('webUrl', webUrl);
  project.provide('apiUrl', apiUrl);
}

export async function teardown() {
  await web?.stop();
  await api?.close();
  await dynamo?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
  }
}
