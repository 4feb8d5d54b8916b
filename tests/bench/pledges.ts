/**
 * `pnpm bench:pledges [--count N] [--concurrency C]`: pledges per second through the Hono API (token check and
 * the user's record, validation, one batch read beside the receiving accounts' query, the rate from the instance's
 * cache, the booking transaction with the pledge limits' counts and the email in it) against an in-memory DynamoDB
 * Local, beside the same TransactWriteItems (built by the same function, pledgeActions, from the same kind of plan)
 * sent directly with the same concurrency and the same retry on conflicts, and their ratio. The headline is the API
 * as it runs in Lambda (MAIL_DELIVERY=stream: the request ends with its transaction, the email is the stream's);
 * beside it, for honesty, the API as it runs locally (`inline`: the request also sends the email and marks it sent),
 * each measured against its own direct rounds. Each pledge comes from its own investor and
 * goes to one of PROJECTS projects, so both runs contend on the same project, oblast and platform items.
 * The paths of a pair run in alternating rounds (direct, API, API, direct, ...), each on its own table, so that a
 * noisy machine slows both alike instead of landing in their ratio.
 */
import { randomUUID } from 'node:crypto';
import {
  createDb,
  DynamoUserRepository,
  ensureTable,
  pledgeActions,
  sendTransaction,
  seedDemoRates,
  seedProjects,
  type Db,
} from '@mekendesh/db';
import { startDynamoLocal } from '@mekendesh/db/local';
import {
  bishkekDay,
  DEFAULT_RATE_LIMITS,
  deltas,
  newUserRecord,
  paymentReference,
  pledgeEmail,
  pledgeMailId,
  pledgeView,
  pledgeWindows,
  type MailDelivery,
  type PledgePlan,
  type TokenVerifier,
} from '@mekendesh/domain';
import type { Pledge, Project } from '@mekendesh/contracts';
import { noIdentity } from '../fixtures/identity.js';
import { makeProject } from '../fixtures/projects.js';
import { interleavedRates, isMain, type Call } from './measure.js';

process.env.LOG_LEVEL ??= 'warn';
const { createApp } = await import('@mekendesh/api/app');
const { composeWithDb } = await import('@mekendesh/api/composition');

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 600);
const CONCURRENCY = arg('concurrency', 16);
const PROJECTS = 20;
/** Rounds per path; an even number, run in the order ABBA ABBA... so neither path always goes first. */
const ROUNDS = 6;
const today = bishkekDay(new Date());

async function table(endpoint: string, name: string): Promise<{ db: Db; projects: Project[] }> {
  const db = createDb({ tableName: name, endpoint, region: 'local' });
  await ensureTable(db.raw, name);
  const projects = Array.from({ length: PROJECTS }, (_, i) =>
    makeProject({
      id: `bench-${name}-${i}`,
      oblastSoate: ['41702000000000', '41704000000000', '41706000000000'][i % 3]!,
      rayonSoate: null,
    }),
  );
  await seedProjects(db, { organisations: [], projects });
  await seedDemoRates(db, today);
  return { db, projects };
}

/** The API path, ready to time: its table seeded, COUNT investors stored, the app composed with `mailDelivery`. */
async function throughApi(endpoint: string, mailDelivery: MailDelivery): Promise<Call> {
  const { db, projects } = await table(endpoint, `bench-api-${mailDelivery}`);
  const users = new DynamoUserRepository(db);
  const ids = Array.from({ length: COUNT }, () => randomUUID());
  for (const id of ids)
    await users.ensure(
      newUserRecord({ id, email: `${id}@bench.kg`, displayName: 'Bench', locale: 'en', createdAt: new Date().toISOString() }),
    );
  // Tokens are the user id padded: this bench measures the money path, not JWT signatures.
  const verifier: TokenVerifier = {
    verify: async (token) => ({ userId: token.slice(6), roles: ['investor'], issuedAt: Math.floor(Date.now() / 1000) }) as never,
  };
  const app = createApp(composeWithDb(db, { ...noIdentity(), verifier }, { mailDelivery }));
  const body = JSON.stringify({
    type: 'donation',
    amount: { amount: 10_000, currency: 'USD' },
    channel: 'bank_transfer',
    display: 'anonymous',
  });
  return async (i) => {
    const res = await app.request(`/v1/projects/${projects[i % PROJECTS]!.id}/pledges`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', authorization: `Bearer bench-${ids[i]}`, 'idempotency-key': `bench-key-${i}` },
    });
    if (res.status !== 201) throw new Error(`pledge ${i}: ${res.status} ${await res.text()}`);
  };
}

/**
 * The plan the API decides for pledge `i` of a fresh investor: the booking, its idempotency record, limits and email
 * (pending for the stream's sender, or claimed for the request's own send, as `mailDelivery` says).
 */
function pledgePlan(project: Project, i: number, mailDelivery: MailDelivery): PledgePlan {
  const at = new Date().toISOString();
  const investorId = randomUUID();
  const pledge: Pledge = {
    id: randomUUID(),
    projectId: project.id,
    projectTitle: project.title,
    investorId,
    type: 'donation',
    amount: { amount: 10_000, currency: 'USD' },
    amountKgs: 874_500,
    rate: { currency: 'USD', value: '87.4500', nominal: 1, date: today },
    termMonths: null,
    inKind: null,
    channel: 'bank_transfer',
    message: null,
    display: 'anonymous',
    displayName: null,
    paymentReference: paymentReference(),
    status: 'pledged',
    received: { amount: 0, currency: 'USD' },
    receivedKgs: 0,
    overpaid: null,
    matchedKgs: 0,
    matchedBy: {},
    receipts: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  // The API's email of this pledge: no receiving accounts in the bench's table, so the office's address instead.
  const email = pledgeEmail({
    pledge: pledgeView(pledge),
    options: [],
    payBy: project.deadline,
    name: 'Bench',
    office: { email: 'office@mekendesh.kg', phone: null },
    link: `http://localhost:5173/en/pledges/${pledge.id}`,
    locale: 'en',
  });
  return {
    booking: {
      entries: [
        {
          id: `${pledge.id}-p`,
          at,
          kind: 'pledged',
          projectId: project.id,
          oblastSoate: project.oblastSoate,
          pledgeId: pledge.id,
          receiptId: null,
          programmeId: null,
          funder: 'diaspora',
          country: null,
          original: pledge.amount,
          deltas: deltas({ pledged: 874_500, supporters: 1 }),
          publicName: null,
        },
      ],
      project: { id: project.id, status: 'published', oblastSoate: project.oblastSoate, sector: project.sector, isPublic: true },
      pledge: { next: pledge, expectedVersion: null },
    },
    idempotency: { scope: investorId, key: `bench-key-${i}`, hash: 'x' },
    firstFromInvestor: true,
    windows: pledgeWindows(DEFAULT_RATE_LIMITS, investorId),
    mail: { id: pledgeMailId(pledge.id), to: `${investorId}@bench.kg`, ...email },
    ...(mailDelivery === 'stream' ? { mailPending: true } : {}),
    listed: { currency: 'USD', accounts: [] },
  };
}

/** The direct path beside the API delivering mail by `mailDelivery`, ready to time: its table seeded. */
async function direct(endpoint: string, mailDelivery: MailDelivery): Promise<Call> {
  const { db, projects } = await table(endpoint, `bench-direct-${mailDelivery}`);
  return async (i) => {
    // The same one call the API's booking makes: contention is retried inside it, a failed condition is a bug here.
    const out = await sendTransaction(db, pledgeActions(db, pledgePlan(projects[i % PROJECTS]!, i, mailDelivery)).actions);
    if (out.kind !== 'committed') throw new Error(`condition failed: ${out.tags.join(', ')}`);
  };
}

/** One pair's pledges per second, sent directly and through the API, and their ratio. */
export interface PledgePair {
  perSecond: { direct: number; api: number };
  ratio: number;
}

/**
 * Pledges per second (count, concurrency and projects as set): the headline pair, the API as in Lambda (`stream`), in
 * `perSecond` and `ratio`; the API as run locally (`inline`, the email sent in the request) in `inline`.
 */
export interface PledgesResult extends PledgePair {
  count: number;
  concurrency: number;
  projects: number;
  rounds: number;
  inline: PledgePair;
}

/**
 * Times the API delivering mail by `mailDelivery` against its own direct path, in alternating rounds, on a fresh
 * in-memory DynamoDB Local of its own: the emulator slows as it fills, so one pair must not run on the other's data.
 */
async function pair(mailDelivery: MailDelivery): Promise<PledgePair> {
  const dynamo = await startDynamoLocal({ port: 0 });
  try {
    const paths = { direct: await direct(dynamo.endpoint, mailDelivery), api: await throughApi(dynamo.endpoint, mailDelivery) };
    const rates = await interleavedRates(paths, ['direct', 'api'], { count: COUNT, concurrency: CONCURRENCY, rounds: ROUNDS });
    return { perSecond: rates, ratio: rates.api / rates.direct };
  } finally {
    await dynamo.stop();
  }
}

/** Runs both pledge pairs, each on its own in-memory DynamoDB Local, each path on its own table; prints and returns the figures. */
export async function runPledges(): Promise<PledgesResult> {
  console.log(
    `\nPledges\nDynamoDB Local in memory, one per pair; ${COUNT} pledges per path, ${CONCURRENCY} in flight, over ${PROJECTS} projects, each path on its own table, in ${ROUNDS} alternating rounds`,
  );
  const stream = await pair('stream');
  const inline = await pair('inline');
  const row = (name: string, n: number, digits = 0) => console.log(`${name.padEnd(60)}${n.toFixed(digits).padStart(12)}`);
  console.log(`\n${'path'.padEnd(60)}${'pledges/s'.padStart(12)}`);
  row('TransactWriteItems sent directly (beside stream)', stream.perSecond.direct);
  row('POST /v1/projects/{id}/pledges, MAIL_DELIVERY=stream (Lambda)', stream.perSecond.api);
  row('TransactWriteItems sent directly (beside inline)', inline.perSecond.direct);
  row('POST /v1/projects/{id}/pledges, inline email (local)', inline.perSecond.api);
  row('ratio API / direct, inline (email sent in the request)', inline.ratio, 2);
  row('ratio API / direct (stream, as in Lambda)', stream.ratio, 2);
  return { count: COUNT, concurrency: CONCURRENCY, projects: PROJECTS, rounds: ROUNDS, ...stream, inline };
}

if (isMain(import.meta.url)) await runPledges();
