/**
 * `pnpm bench:pledges [--count N] [--concurrency C]`: pledges per second through the Hono API (token check,
 * validation, idempotency read, project read, rate lookup, the booking transaction) against an in-memory
 * DynamoDB Local, beside the same TransactWriteItems (built by the same functions) sent directly with the same
 * concurrency and the same retry on conflicts, and their ratio. Each pledge comes from its own investor and
 * goes to one of PROJECTS projects, so both runs contend on the same project, oblast and platform items.
 * The two paths run in alternating rounds (direct, API, API, direct, ...), each on its own table, so that a
 * noisy machine slows both alike instead of landing in their ratio.
 */
import { randomUUID } from 'node:crypto';
import { bookingActions, createDb, DynamoUserRepository, ensureTable, idempotencyEntity, paymentReferenceEntity, sendTransaction, seedDemoRates, seedProjects, supporterEntity, type Db, type Tagged } from '@mekendesh/db';
import { startDynamoLocal } from '@mekendesh/db/local';
import { bishkekDay, deltas, newUserRecord, paymentReference, type Booking, type TokenVerifier } from '@mekendesh/domain';
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
  const projects = Array.from({ length: PROJECTS }, (_, i) => makeProject({ id: `bench-${name}-${i}`, oblastSoate: ['41702000000000', '41704000000000', '41706000000000'][i % 3]!, rayonSoate: null }));
  await seedProjects(db, { organisations: [], projects });
  await seedDemoRates(db, today);
  return { db, projects };
}

/** The API path, ready to time: its table seeded, COUNT investors stored, the app composed. */
async function throughApi(endpoint: string): Promise<Call> {
  const { db, projects } = await table(endpoint, 'bench-api');
  const users = new DynamoUserRepository(db);
  const ids = Array.from({ length: COUNT }, () => randomUUID());
  for (const id of ids) await users.ensure(newUserRecord({ id, email: `${id}@bench.kg`, displayName: 'Bench', locale: 'en', createdAt: new Date().toISOString() }));
  // Tokens are the user id padded: this bench measures the money path, not JWT signatures.
  const verifier: TokenVerifier = { verify: async (token) => ({ userId: token.slice(6), roles: ['investor'], issuedAt: Math.floor(Date.now() / 1000) }) as never };
  const app = createApp(composeWithDb(db, { ...noIdentity(), verifier }));
  const body = JSON.stringify({ type: 'donation', amount: { amount: 10_000, currency: 'USD' }, channel: 'bank_transfer', display: 'anonymous' });
  return async (i) => {
    const res = await app.request(`/v1/projects/${projects[i % PROJECTS]!.id}/pledges`, {
      method: 'POST', body,
      headers: { 'content-type': 'application/json', authorization: `Bearer bench-${ids[i]}`, 'idempotency-key': `bench-key-${i}` },
    });
    if (res.status !== 201) throw new Error(`pledge ${i}: ${res.status} ${await res.text()}`);
  };
}

function pledgeActions(db: Db, project: Project, i: number): Tagged[] {
  const at = new Date().toISOString();
  const investorId = randomUUID();
  const pledge: Pledge = {
    id: randomUUID(), projectId: project.id, projectTitle: project.title, investorId, type: 'donation', amount: { amount: 10_000, currency: 'USD' },
    amountKgs: 874_500, rate: { currency: 'USD', value: '87.4500', nominal: 1, date: today }, termMonths: null, inKind: null, channel: 'bank_transfer',
    message: null, display: 'anonymous', displayName: null, paymentReference: paymentReference(), status: 'pledged', received: { amount: 0, currency: 'USD' },
    receivedKgs: 0, overpaid: null, matchedKgs: 0, matchedBy: {}, receipts: 0, version: 1, createdAt: at, updatedAt: at,
  };
  const booking: Booking = {
    entries: [{ id: `${pledge.id}-p`, at, kind: 'pledged', projectId: project.id, oblastSoate: project.oblastSoate, pledgeId: pledge.id, receiptId: null, programmeId: null,
      funder: 'diaspora', original: pledge.amount, deltas: deltas({ pledged: 874_500, supporters: 1 }), publicName: null }],
    project: { id: project.id, status: 'published', oblastSoate: project.oblastSoate, isPublic: true },
    pledge: { next: pledge, expectedVersion: null },
  };
  const put = (tag: string, Item: Record<string, unknown>): Tagged => ({ tag, action: { Put: { TableName: db.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } } });
  return [
    put('idem', idempotencyEntity.item({ scope: investorId, key: `bench-key-${i}` }, { hash: 'x', pledgeId: pledge.id })),
    put('payref', paymentReferenceEntity.item({ reference: pledge.paymentReference }, { pledgeId: pledge.id })),
    put('supporter', supporterEntity.item({ projectId: project.id, investorId }, {})),
    ...bookingActions(db, booking),
  ];
}

/** The direct path, ready to time: its table seeded. */
async function direct(endpoint: string): Promise<Call> {
  const { db, projects } = await table(endpoint, 'bench-direct');
  return async (i) => {
    // The same one call the API's booking makes: contention is retried inside it, a failed condition is a bug here.
    const out = await sendTransaction(db, pledgeActions(db, projects[i % PROJECTS]!, i));
    if (out.kind !== 'committed') throw new Error(`condition failed: ${out.tags.join(', ')}`);
  };
}

/** Pledges per second (count, concurrency and projects as set), sent directly and through the API, and their ratio. */
export interface PledgesResult {
  count: number;
  concurrency: number;
  projects: number;
  rounds: number;
  perSecond: { direct: number; api: number };
  ratio: number;
}

/** Runs both pledge paths, each on a fresh table of one in-memory DynamoDB Local; prints and returns the figures. */
export async function runPledges(): Promise<PledgesResult> {
  const dynamo = await startDynamoLocal({ port: 0 });
  try {
    console.log(`\nPledges\nDynamoDB Local in memory; ${COUNT} pledges per path, ${CONCURRENCY} in flight, over ${PROJECTS} projects, each path on its own table, in ${ROUNDS} alternating rounds`);
    const paths = { direct: await direct(dynamo.endpoint), api: await throughApi(dynamo.endpoint) };
    const { direct: viaDirect, api: viaApi } = await interleavedRates(paths, ['direct', 'api'], { count: COUNT, concurrency: CONCURRENCY, rounds: ROUNDS });
    console.log(`\n${'path'.padEnd(44)}${'pledges/s'.padStart(12)}`);
    console.log(`${'TransactWriteItems sent directly'.padEnd(44)}${viaDirect.toFixed(0).padStart(12)}`);
    console.log(`${'POST /v1/projects/{id}/pledges (Hono app)'.padEnd(44)}${viaApi.toFixed(0).padStart(12)}`);
    console.log(`${'ratio API / direct'.padEnd(44)}${(viaApi / viaDirect).toFixed(2).padStart(12)}`);
    return { count: COUNT, concurrency: CONCURRENCY, projects: PROJECTS, rounds: ROUNDS, perSecond: { direct: viaDirect, api: viaApi }, ratio: viaApi / viaDirect };
  } finally {
    await dynamo.stop();
  }
}

if (isMain(import.meta.url)) await runPledges();
