/**
 * `pnpm dev`: the whole local stack, each part a real server on loopback.
 *   DynamoDB Local :8000 (data in .local/dynamodb), cognito-local :9229 (data in .local/cognito),
 *   s3rver :4569 (photos and documents in .local/s3), the Hono API :8787/v1, the SvelteKit app :5173. Demo data on first start. Ctrl-C stops everything.
 *   `pnpm dev --fresh` (or `pnpm dev:fresh`) wipes .local/ first.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ulid } from 'ulid';
import { createDb, DEFAULT_TABLE_NAME, DynamoOutbox, ensureTable } from '@mekendesh/db';
import { MissingJavaError, QUICK_JVM_ARGS, checkJava, startDynamoLocal } from '@mekendesh/db/local';
import { startApiServer } from '@mekendesh/api/server';
import { DEMO_USERS } from '@mekendesh/demo-data';
import {
  ensureDemoAccounts,
  ensureDemoActivity,
  ensureDemoData,
  ensureDemoRates,
  ensureDemoReceivingAccounts,
  ensureDemoTotp,
  ensureDemoUsers,
  ensureIdentity,
  findTakenPort,
  mediaEnv,
  startChild,
  startCognitoLocal,
  startMediaStore,
  takenPortMessage,
  waitForHttp,
} from '@mekendesh/local-stack';
import { localCursorSecret } from './local-jobs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const localDir = `${root}.local`;
/** The demo staff and admin accounts' TOTP secrets (JSON, email → base32), read by `pnpm totp` (scripts/totp.ts). */
const DEMO_TOTP_FILE = `${localDir}/cognito/demo-totp.json`;
const PORTS = { dynamo: 8000, cognito: 9229, s3: 4569, api: 8787, web: 5173 } as const;
const started = performance.now();
const stops: (() => Promise<void>)[] = [];

function step(message: string) {
  console.log(`\u001b[36m›\u001b[0m ${message}`);
}

async function shutdown(code: number) {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}

async function main() {
  try {
    checkJava();
  } catch (e) {
    if (e instanceof MissingJavaError) {
      console.error(`✖ ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  // Every port is checked before anything starts: never attach to a database this command did not start.
  const taken = await findTakenPort([
    { port: PORTS.dynamo, part: 'DynamoDB Local' },
    { port: PORTS.cognito, part: 'cognito-local' },
    { port: PORTS.s3, part: 's3rver' },
    { port: PORTS.api, part: 'the API' },
    { port: PORTS.web, part: 'the web app' },
  ]);
  if (taken) {
    console.error(`✖ ${takenPortMessage(taken)}`);
    process.exit(1);
  }
  if (process.argv.includes('--fresh') && existsSync(localDir)) {
    step('--fresh: removing .local/ (database, identities)');
    rmSync(localDir, { recursive: true, force: true });
  }
  mkdirSync(`${localDir}/dynamodb`, { recursive: true });
  mkdirSync(`${localDir}/cognito`, { recursive: true });

  step(`DynamoDB Local on :${PORTS.dynamo} (data in .local/dynamodb)`);
  const dynamo = await startDynamoLocal({ port: PORTS.dynamo, path: `${localDir}/dynamodb`, jvmArgs: QUICK_JVM_ARGS });
  stops.push(dynamo.stop);
  const tableName = DEFAULT_TABLE_NAME;
  const db = createDb({ tableName, endpoint: dynamo.endpoint, region: 'local' });
  step(`table "${tableName}": ${await ensureTable(db.raw, tableName)}`);
  step(`demo data: ${await ensureDemoData(db)}`);
  step(`demo exchange rates for ${await ensureDemoRates(db)} (pnpm rates:load <nbkr.xml> loads real ones)`);
  step(`demo receiving accounts: ${await ensureDemoReceivingAccounts(db)} new (staff edit them at /<lang>/staff/receiving-accounts)`);

  step(`cognito-local on :${PORTS.cognito} (data in .local/cognito)`);
  // The codes cognito-local would email land in the dev outbox, readable at /<lang>/dev/outbox.
  const outbox = new DynamoOutbox(db, ulid);
  const cognito = await startCognitoLocal({
    port: PORTS.cognito,
    dataDir: `${localDir}/cognito`,
    onEmail: (email) => void outbox.send(email, 'cognito').catch((e: unknown) => console.error(`outbox: ${(e as Error).message}`)),
  });
  stops.push(cognito.stop);
  const identity = await ensureIdentity(cognito.endpoint);
  const demoIds = await ensureDemoUsers(cognito.endpoint, identity.userPoolId, DEMO_USERS);
  await ensureDemoAccounts(db, demoIds);
  // Staff and admins sign in with a TOTP code (issue 14): their secrets are kept beside cognito-local's data.
  const totpSecrets = await ensureDemoTotp(cognito.endpoint, identity, DEMO_USERS, DEMO_TOTP_FILE);
  step(`s3rver on :${PORTS.s3} (photos and documents in .local/s3)`);
  const media = await startMediaStore({ port: PORTS.s3, directory: `${localDir}/s3` });
  stops.push(media.stop);

  // Follows, questions and a hometown club with its club pledge (issue 12), through the same use cases as requests;
  // a progress report whose photo goes through the upload path into s3rver, spending and a late milestone (issue 13).
  const demoMedia = { bucket: media.bucket, endpoint: media.endpoint };
  step(`demo activity: ${await ensureDemoActivity(db, demoIds, { webOrigin: `http://localhost:${PORTS.web}`, media: demoMedia })}`);

  const env = {
    ...process.env,
    ...mediaEnv(media),
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'local',
    COGNITO_ENDPOINT: cognito.endpoint,
    COGNITO_USER_POOL_ID: identity.userPoolId,
    COGNITO_CLIENT_ID: identity.clientId,
    COGNITO_ISSUER: identity.issuer,
    DEV_OUTBOX: '1',
    // Lets the API rate-limit per visitor behind the web server (web and API both get it).
    PROXY_SECRET: randomBytes(24).toString('base64url'),
    WEB_ORIGIN: `http://localhost:${PORTS.web}`,
    // One secret for the API and the job commands (`pnpm jobs:*`), kept in .local/: links in their emails open here.
    CURSOR_SECRET: process.env.CURSOR_SECRET || localCursorSecret(root),
  };
  step(`API on :${PORTS.api}`);
  const api = await startApiServer({ port: PORTS.api, env });
  stops.push(api.close);

  step(`web app on :${PORTS.web}`);
  // vite itself rather than through pnpm, so that Ctrl-C ends it quietly.
  const web = startChild(
    'web',
    process.execPath,
    [`${root}web/node_modules/vite/bin/vite.js`, 'dev', '--port', String(PORTS.web), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: `${root}web`,
      // The web server never signs or checks cursors: the API's secret stays with the API.
      // Upload forms post straight to s3rver (CSP form-action), and /media/projects/* is read from it as CloudFront would (issue 14).
      env: {
        ...env,
        CURSOR_SECRET: undefined,
        API_URL: `http://127.0.0.1:${PORTS.api}`,
        MEDIA_UPLOAD_ORIGIN: media.endpoint,
        LOCAL_MEDIA: `${media.endpoint}/${media.bucket}`,
      },
    },
  );
  stops.push(web.stop);
  await waitForHttp(`http://127.0.0.1:${PORTS.web}/`, 120_000, web.process);
  // First request compiles the page; warm it so the first visitor does not wait.
  await fetch(`http://127.0.0.1:${PORTS.web}/ky/`).catch(() => undefined);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // STRIPE_* pass through in env (process.env); with a test key, `stripe listen --forward-to` brings the webhooks here.
  const stripeKey = process.env.STRIPE_SECRET_KEY;
  const cards =
    stripeKey && process.env.STRIPE_WEBHOOK_SECRET
      ? `on (${stripeKey.startsWith('sk_live') ? 'LIVE' : 'test'} mode), webhook http://localhost:${PORTS.api}/v1/webhooks/stripe`
      : 'off: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to pay pledges by card';
  console.log(`
\u001b[32m✔ Mekendesh is running\u001b[0m (ready in ${seconds} s)
  Web app        http://localhost:${PORTS.web}/  (/ky/, /ru/, /en/; emails land in /en/dev/outbox)
  API            http://localhost:${PORTS.api}/v1  (reference: /v1/docs, OpenAPI: /v1/openapi.json)
  DynamoDB Local http://localhost:${PORTS.dynamo}  table "${tableName}"
  cognito-local  http://localhost:${PORTS.cognito}  pool ${identity.userPoolId}, client ${identity.clientId}
  Card payments  ${cards}

  Demo accounts:
${DEMO_USERS.map((u) => `    ${u.role.padEnd(8)} ${u.email.padEnd(40)} ${u.password}`).join('\n')}
  Staff and admin sign in with a code too: add the secret to an authenticator app, or run \`pnpm totp\` for the current codes.
${[...totpSecrets].map(([email, secret]) => `    ${email.padEnd(49)} TOTP secret ${secret}`).join('\n')}

  Ctrl-C stops everything.`);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (e: unknown) => {
  console.error(`✖ ${(e as Error).message}`);
  await shutdown(1);
});
