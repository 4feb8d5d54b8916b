import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ulid } from 'ulid';
import { createDb, DynamoOutbox, ensureTable } from '@mekendesh/db';
import { freePort, startDynamoLocal, type LocalDynamo } from '@mekendesh/db/local';
import { startApiServer } from '@mekendesh/api/server';
import { DEMO_USERS } from '@mekendesh/demo-data';
import {
  ensureDemoAccounts, ensureDemoData, ensureDemoRates, ensureDemoReceivingAccounts, ensureDemoUsers, ensureIdentity, mediaEnv, startChild, startCognitoLocal, startMediaStore, waitForHttp,
  type Child, type LocalS3,
} from '@mekendesh/local-stack';

const webServer = fileURLToPath(new URL('../../web/serve.js', import.meta.url));
const webBuild = fileURLToPath(new URL('../../web/build/index.js', import.meta.url));
let dynamo: LocalDynamo | undefined;
let cognito: Child | undefined;
let media: LocalS3 | undefined;
let api: { close: () => Promise<void> } | undefined;
let web: Child | undefined;
let dir: string | undefined;

/**
 * The whole stack as `pnpm dev` runs it, but on free ports with fresh data: the built web app, the API,
 * DynamoDB Local in memory with the demo data, cognito-local with the demo accounts, the dev outbox.
 */
export async function setup(project: TestProject) {
  if (!existsSync(webBuild)) throw new Error('web/build is missing: run `pnpm build` first (`pnpm test` does).');
  dir = mkdtempSync(join(tmpdir(), 'mekendesh-e2e-'));
  const tableName = 'mekendesh-e2e';
  dynamo = await startDynamoLocal({ port: 0 });
  const db = createDb({ tableName, endpoint: dynamo.endpoint, region: 'local' });
  await ensureTable(db.raw, tableName);
  await ensureDemoData(db);
  await ensureDemoRates(db); // today's rates, as `pnpm dev` seeds them, so pledges in USD, EUR, RUB and KZT work
  await ensureDemoReceivingAccounts(db); // the KGS and USD bank accounts and the RUB money-transfer company pledge pages show
  const outbox = new DynamoOutbox(db, ulid);
  cognito = await startCognitoLocal({ port: 0, dataDir: dir, onEmail: (m) => void outbox.send(m, 'cognito') });
  const identity = await ensureIdentity((cognito as Child & { endpoint: string }).endpoint);
  await ensureDemoAccounts(db, await ensureDemoUsers((cognito as Child & { endpoint: string }).endpoint, identity.userPoolId, DEMO_USERS));

  media = await startMediaStore({ port: 0, directory: join(dir, 's3') });
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const proxySecret = randomBytes(24).toString('base64url');
  const started = await startApiServer({
    port: 0,
    env: {
      ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, AWS_REGION: 'local', LOG_LEVEL: 'warn',
      COGNITO_ENDPOINT: (cognito as Child & { endpoint: string }).endpoint, COGNITO_USER_POOL_ID: identity.userPoolId,
      COGNITO_CLIENT_ID: identity.clientId, COGNITO_ISSUER: identity.issuer, DEV_OUTBOX: '1', WEB_ORIGIN: webUrl, PROXY_SECRET: proxySecret,
      // Every browser in these tests comes from 127.0.0.1: one address would soon hit the per-address limits.
      RATE_LIMITS: JSON.stringify({ signInPerIp: 1000, signInPerPair: 1000, signUpPerIp: 1000, pledgesPerMinute: 1000, pledgesPerDay: 1000 }), ...mediaEnv(media),
    },
  });
  api = started;
  const apiUrl = `http://127.0.0.1:${started.port}`;
  web = startChild('web', process.execPath, [webServer], {
    quiet: true,
    env: { ...process.env, PORT: String(webPort), HOST: '127.0.0.1', API_URL: apiUrl, ORIGIN: webUrl, PROXY_SECRET: proxySecret },
  });
  await waitForHttp(`${webUrl}/`, 30_000, web.process);
  project.provide('webUrl', webUrl);
  project.provide('apiUrl', apiUrl);
}

export async function teardown() {
  await web?.stop();
  await api?.close();
  await Promise.all([cognito?.stop(), dynamo?.stop(), media?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    webUrl: string;
    apiUrl: string;
  }
}
