import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { UNAVAILABLE_DETAILS } from '../../functions/api/src/middleware/problem.js';
import { checkLedger, createDb, ensureTable, REQUEST_PATH_TIMEOUTS, seedDemoRates, seedProjects, type Db } from '@mekendesh/db';
import { freePort, QUICK_JVM_ARGS, startDynamoLocal, type LocalDynamo } from '@mekendesh/db/local';
import { bishkekDay, type RateLimits } from '@mekendesh/domain';
import { CognitoIdentity, JwtTokenVerifier } from '@mekendesh/identity';
import { ensureDemoUsers, ensureIdentity, startCognitoLocal, type Child } from '@mekendesh/local-stack';
import { StripePayments } from '@mekendesh/payments';
import { startFakeStripe, type FakeStripe } from '../fixtures/fake-stripe.js';
import { totpCode } from '../fixtures/auth-stack.js';
import { freshTotpCode } from '../fixtures/totp-codes.js';
import { makeProject } from '../fixtures/projects.js';

/**
 * Fault injection (issue 9): this file's own DynamoDB Local on a data directory (so it can be killed and started
 * again with the same data), its own cognito-local and a fake Stripe, with the real app composed on them.
 * A dependency that is down answers 503 problem+json with Retry-After in the caller's language, within the clients'
 * time budgets, never a 500 or a hang; a transaction cut off by a dying database is there whole or not at all; a
 * pledge whose card checkout failed stays pending and can be paid once Stripe is back; people signed in keep
 * working while Cognito is down (cached signing keys).
 */
const PASSWORD = 'Correct-Horse-42!';
const GENEROUS: RateLimits = {
  signInPerIp: 10_000,
  signInPerPair: 10_000,
  signUpPerIp: 10_000,
  resetPerEmail: 10_000,
  codeAttemptsPerAccount: 10_000,
  pledgesPerMinute: 10_000,
  pledgesPerDay: 10_000,
};

let dir: string;
let port: number;
let dynamo: LocalDynamo;
let cognito: Child & { endpoint: string };
let fake: FakeStripe;
let db: Db;
let app: ReturnType<typeof createApp>;
let staff: string;
let investor: string;
let investorEmail: string;
/** The next booking transaction (one that writes ledger entries) goes through this instead of straight to DynamoDB. */
let nextTransact: ((send: () => Promise<unknown>) => Promise<unknown>) | null = null;

async function startDynamo() {
  // The port of the killed process can take a moment to be free again on a busy machine.
  for (let i = 0; ; i++) {
    try {
      dynamo = await startDynamoLocal({ port, path: join(dir, 'dynamodb'), jvmArgs: QUICK_JVM_ARGS });
      return;
    } catch (e) {
      if (i >= 20 || !/already in use/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Kills DynamoDB Local as a crash would (SIGKILL, no shutdown), and waits until it is gone. */
async function killDynamo() {
  const child = dynamo.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
  await dynamo.stop(); // forgets its exit hook
}

function request(path: string, init: { method?: string; token?: string; body?: unknown; lang?: string; key?: string } = {}) {
  return app.request(`/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.lang ? { 'accept-language': init.lang } : {}),
      ...(init.key ? { 'idempotency-key': init.key } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

/** TOTP secrets of the accounts enrolled here (staff must use two-step sign-in). */
const secrets = new Map<string, string>();

async function signIn(email: string) {
  const res = await request('/auth/sign-in', { method: 'POST', body: { email, password: PASSWORD } });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string } | { session: string };
  if (!('session' in body)) return body.accessToken;
  const code = await freshTotpCode(secrets.get(email)!);
  const answered = await request('/auth/sign-in/totp', { method: 'POST', body: { email, session: body.session, code } });
  if (answered.status !== 200) throw new Error(`TOTP of ${email}: ${answered.status} ${await answered.text()}`);
  return ((await answered.json()) as { accessToken: string }).accessToken;
}

/** Two-step sign-in through the API, as the account page does it; later sign-ins answer the code. */
async function enrolThroughApi(email: string) {
  const token = await signIn(email);
  const setup = (await (await request('/auth/two-step', { method: 'POST', token, body: {} })).json()) as { secret: string };
  secrets.set(email, setup.secret);
  const confirmed = await request('/auth/two-step/confirm', { method: 'POST', token, body: { code: totpCode(setup.secret) } });
  if (confirmed.status !== 200) throw new Error(`two-step of ${email}: ${confirmed.status} ${await confirmed.text()}`);
}

/** Asserts a 503 problem+json with Retry-After, whose detail names `service` in `lang`. */
async function expectUnavailable(res: Response, service: keyof typeof UNAVAILABLE_DETAILS, lang: 'ky' | 'ru' | 'en') {
  const body = await res.text();
  expect(res.status, body).toBe(503);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(JSON.parse(body)).toMatchObject({
    status: 503,
    type: 'https://mekendesh.kg/problems/unavailable',
    detail: UNAVAILABLE_DETAILS[service][lang],
  });
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

const donation = (amount: number, currency = 'KGS', channel = 'bank_transfer') => ({
  type: 'donation',
  amount: { amount, currency },
  channel,
  display: 'anonymous',
});

async function newProject() {
  const p = makeProject({ id: `prj-${randomUUID().slice(0, 8)}`, pledgeTypes: ['donation'] });
  await seedProjects(db, { organisations: [], projects: [p] });
  return p;
}

/** A project's ledger entries, read by key. */
async function ledgerEntries(projectId: string) {
  const out = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `LEDGER#${projectId}` },
    }),
  );
  return out.Items ?? [];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mekendesh-faults-'));
  mkdirSync(join(dir, 'dynamodb'));
  port = await freePort();
  let c: typeof cognito;
  [, c, fake] = await Promise.all([startDynamo(), startCognitoLocal({ port: 0, dataDir: join(dir, 'cognito') }), startFakeStripe()]);
  cognito = c;
  const pool = await ensureIdentity(cognito.endpoint);
  // The cloud's request-path budget, not the emulator's longer one: this file proves that budget.
  db = createDb({ tableName: 'faults', endpoint: dynamo.endpoint, region: 'local', timeouts: REQUEST_PATH_TIMEOUTS });
  db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      // A booking: the transaction that writes ledger entries (rate-limit counters are transactions too).
      const items = (args.input as { TransactItems?: { Put?: { Item?: { entity?: unknown } } }[] }).TransactItems ?? [];
      const booking = context.commandName === 'TransactWriteItemsCommand' && items.some((i) => i.Put?.Item?.entity === 'LedgerEntry');
      const hook = booking ? nextTransact : null;
      if (!hook) return next(args);
      nextTransact = null;
      return hook(() => next(args)) as ReturnType<typeof next>;
    },
    { step: 'initialize', name: 'faultInjection', priority: 'low' },
  );
  await ensureTable(db.raw, db.tableName);
  await seedDemoRates(db, bishkekDay(new Date()));
  const identity = new CognitoIdentity({
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    region: 'local',
    endpoint: cognito.endpoint,
  });
  const verifier = new JwtTokenVerifier({ issuer: pool.issuer, clientId: pool.clientId, jwksUrl: `${pool.issuer}/.well-known/jwks.json` });
  // A short Stripe budget keeps the slow case quick; the defaults (STRIPE_TIMEOUTS) are the same mechanism.
  const cards = new StripePayments({
    secretKey: 'sk_test_fake',
    webhookSecret: 'whsec_faults',
    host: '127.0.0.1',
    port: fake.port,
    protocol: 'http',
    timeouts: { timeoutMs: 1_500, maxNetworkRetries: 1 },
  });
  app = createApp(composeWithDb(db, { identity, verifier }, { limits: GENEROUS, cards }));
  const tag = randomUUID().slice(0, 8);
  investorEmail = `investor-${tag}@test.mekendesh.kg`;
  const staffEmail = `staff-${tag}@test.mekendesh.kg`;
  await ensureDemoUsers(cognito.endpoint, pool.userPoolId, [
    { email: investorEmail, password: PASSWORD, role: 'investor', displayName: 'Fault investor' },
    { email: staffEmail, password: PASSWORD, role: 'staff', displayName: 'Fault staff' },
  ]);
  await enrolThroughApi(staffEmail);
  [investor, staff] = await Promise.all([signIn(investorEmail), signIn(staffEmail)]);
}, 120_000);

afterAll(async () => {
  nextTransact = null;
  await Promise.all([dynamo?.stop(), cognito?.stop(), fake?.close()]);
  db?.raw.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('DynamoDB Local stopped', () => {
  it('answers a read and a write 503 problem+json with Retry-After in the caller’s language, fast, and serves again after a restart', async () => {
    const project = await newProject();
    const key = randomUUID();
    await killDynamo();
    try {
      const { value: reads, ms } = await timed(() =>
        Promise.all([
          request(`/projects/${project.id}`, { lang: 'ru' }),
          request('/me', { token: investor, lang: 'ky' }),
          request(`/projects/${project.id}/pledges`, { method: 'POST', token: investor, body: donation(500_000), key, lang: 'en' }),
        ]),
      );
      await expectUnavailable(reads[0], 'database', 'ru');
      await expectUnavailable(reads[1], 'database', 'ky');
      await expectUnavailable(reads[2], 'database', 'en');
      // Connection refused: the SDK's three attempts and their backoff, not its 20 s of waiting.
      expect(ms).toBeLessThan(5_000);
    } finally {
      await startDynamo();
    }
    expect((await request(`/projects/${project.id}`)).status).toBe(200);
    expect((await request('/me', { token: investor })).status).toBe(200);
    // Nothing of the refused pledge was written; the same request again makes it once.
    expect(await ledgerEntries(project.id)).toEqual([]);
    expect(
      (await request(`/projects/${project.id}/pledges`, { method: 'POST', token: investor, body: donation(500_000), key })).status,
    ).toBe(201);
    expect((await (await request(`/projects/${project.id}/funding`)).json()).pledged).toBe(500_000);
    expect(await checkLedger(db)).toEqual([]);
  }, 90_000);

  it('answers 503 within the request budget when DynamoDB hangs (SIGSTOP), not after the caller gave up', async () => {
    const project = await newProject();
    dynamo.process.kill('SIGSTOP');
    try {
      const { value, ms } = await timed(() =>
        Promise.all([
          request(`/projects/${project.id}`, { lang: 'ky' }),
          request(`/projects/${project.id}/pledges`, {
            method: 'POST',
            token: investor,
            body: donation(500_000),
            key: randomUUID(),
            lang: 'ru',
          }),
        ]),
      );
      await expectUnavailable(value[0], 'database', 'ky');
      await expectUnavailable(value[1], 'database', 'ru');
      // REQUEST_PATH_TIMEOUTS: 3 attempts of 4 s and their backoff, inside API Gateway's 29 s.
      expect(ms).toBeLessThan(20_000);
    } finally {
      dynamo.process.kill('SIGCONT');
    }
    expect((await request(`/projects/${project.id}`)).status).toBe(200);
  }, 40_000);
});

describe('DynamoDB Local killed in the middle of a money transaction', () => {
  it('keeps all or none of a pledge, and the same Idempotency-Key then makes it exactly once', async () => {
    const cases: { name: string; hook: (send: () => Promise<unknown>) => Promise<unknown> }[] = [
      // Dies while the transaction is in flight: whichever way it fell, whole.
      {
        name: 'in flight',
        hook: async (send) => {
          const sent = send();
          setImmediate(() => dynamo.process.kill('SIGKILL'));
          return sent;
        },
      },
      // Acknowledged, then dies before the answer reaches the app: the caller is told to ask again. (DynamoDB Local
      // acknowledges before its file is written, so a crash right after may lose the transaction: whole, though.)
      {
        name: 'after',
        hook: async (send) => {
          await send();
          await killDynamo();
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        },
      },
    ];
    for (const { name, hook } of cases) {
      const project = await newProject();
      const key = randomUUID();
      nextTransact = hook;
      const res = await request(`/projects/${project.id}/pledges`, {
        method: 'POST',
        token: investor,
        body: donation(500_000),
        key,
        lang: 'ky',
      });
      if (res.status !== 201) await expectUnavailable(res, 'database', 'ky');
      await killDynamo();
      await startDynamo();
      // Whole or nothing: the project's total and its ledger agree, and the pledge exists exactly when its entry does.
      expect(await checkLedger(db), name).toEqual([]);
      const entries = await ledgerEntries(project.id);
      const funding = await (await request(`/projects/${project.id}/funding`)).json();
      expect(entries.length, name).toBe(funding.pledged === 0 ? 0 : 1);
      // The investor asks again with the same key: one pledge, never two.
      const again = await request(`/projects/${project.id}/pledges`, { method: 'POST', token: investor, body: donation(500_000), key });
      expect([200, 201], name).toContain(again.status);
      expect((await (await request(`/projects/${project.id}/funding`)).json()).pledged, name).toBe(500_000);
      expect(await checkLedger(db), name).toEqual([]);
    }
  }, 120_000);

  it('keeps all or none of a receipt booking, and the same bank reference then books it once', async () => {
    const project = await newProject();
    const made = await request(`/projects/${project.id}/pledges`, {
      method: 'POST',
      token: investor,
      body: donation(500_000),
      key: randomUUID(),
    });
    expect(made.status).toBe(201);
    const pledge = (await made.json()) as { id: string };
    const receipt = {
      amount: { amount: 200_000, currency: 'KGS' },
      receivedOn: bishkekDay(new Date()),
      bankReference: `FAULT-${randomUUID().slice(0, 8)}`,
    };
    nextTransact = async (send) => {
      await send();
      await killDynamo();
      throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    };
    const cut = await request(`/pledges/${pledge.id}/receipts`, { method: 'POST', token: staff, body: receipt, lang: 'ru' });
    await expectUnavailable(cut, 'database', 'ru');
    await startDynamo();
    expect(await checkLedger(db)).toEqual([]);
    // Whole or nothing: the receipt, the pledge's received money and the project's raised move together.
    const raised = ((await (await request(`/projects/${project.id}/funding`)).json()) as { raised: number }).raised;
    expect([0, 200_000]).toContain(raised);
    expect(await (await request(`/pledges/${pledge.id}`, { token: investor })).json()).toMatchObject({
      receivedKgs: raised,
      receipts: raised ? 1 : 0,
    });
    // Staff enter the same statement line again: booked now if it was lost, refused as a duplicate if it was kept; once either way.
    const again = await request(`/pledges/${pledge.id}/receipts`, { method: 'POST', token: staff, body: receipt });
    expect(again.status).toBe(raised ? 409 : 201);
    expect(await (await request(`/projects/${project.id}/funding`)).json()).toMatchObject({ pledged: 500_000, raised: 200_000 });
    // `pnpm ledger:check` itself, on this table after all the crashes of this file so far.
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/ledger-check.ts'], {
      cwd: join(import.meta.dirname, '../..'),
      env: { ...process.env, TABLE_NAME: db.tableName, DYNAMODB_ENDPOINT: dynamo.endpoint },
      timeout: 30_000,
    });
    expect(stdout).toMatch(/^✔ ledger of "faults" balances/);
  }, 90_000);
});

describe('Stripe slow or failing', () => {
  it('answers the checkout 503 in the caller’s language, keeps the pledge pending, and pays once Stripe is back', async () => {
    const project = await newProject();
    const made = await request(`/projects/${project.id}/pledges`, {
      method: 'POST',
      token: investor,
      body: donation(10_000, 'USD', 'card'),
      key: randomUUID(),
    });
    expect(made.status).toBe(201);
    const pledge = (await made.json()) as { id: string };
    const checkout = (lang: string) =>
      request(`/pledges/${pledge.id}/checkout`, { method: 'POST', token: investor, body: { locale: lang }, lang });
    try {
      fake.fault = { delayMs: 4_000 };
      const slow = await timed(async () => checkout('ky'));
      await expectUnavailable(slow.value, 'payments', 'ky');
      expect(slow.ms).toBeLessThan(8_000);
      fake.fault = { status: 500 };
      await expectUnavailable(await checkout('ru'), 'payments', 'ru');
    } finally {
      fake.fault = null;
    }
    expect(await (await request(`/pledges/${pledge.id}`, { token: investor })).json()).toMatchObject({ status: 'pledged', receivedKgs: 0 });
    const ok = await checkout('en');
    expect(ok.status).toBe(200);
    expect((await ok.json()).url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${fake.port}/pay/cs_test_`));
    expect(await checkLedger(db)).toEqual([]);
  }, 40_000);
});

describe('cognito-local down', () => {
  it('refuses sign-in with a clear 503 while people already signed in keep working', async () => {
    // Signed in before the outage (beforeAll): the pool's keys are cached by the verifier.
    expect((await request('/me', { token: investor })).status).toBe(200);
    await cognito.stop();
    const { value: refused, ms } = await timed(async () =>
      request('/auth/sign-in', { method: 'POST', body: { email: investorEmail, password: PASSWORD }, lang: 'ru' }),
    );
    await expectUnavailable(refused, 'identity', 'ru');
    expect(ms).toBeLessThan(5_000);
    await expectUnavailable(
      await request('/auth/sign-in', { method: 'POST', body: { email: investorEmail, password: PASSWORD }, lang: 'ky' }),
      'identity',
      'ky',
    );
    const me = await request('/me', { token: investor });
    expect(me.status).toBe(200);
    const project = await newProject();
    expect(
      (await request(`/projects/${project.id}/pledges`, { method: 'POST', token: investor, body: donation(500_000), key: randomUUID() }))
        .status,
    ).toBe(201);
    // A forged token is still refused (401), not waved through or answered 503.
    expect((await request('/me', { token: `${investor.slice(0, -4)}AAAA` })).status).toBe(401);
  });
});
