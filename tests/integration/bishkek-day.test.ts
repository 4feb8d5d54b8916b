/**
 * Deadlines are Bishkek days (UTC+6): a project whose deadline is 30 June takes pledges until 23:59:59 on 30 June
 * in Bishkek (17:59:59 UTC) and no later, and the nightly job run just after Bishkek midnight settles it.
 * The clock is injected into the composed use cases; the stores are DynamoDB Local.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb, type Deps } from '@mekendesh/api/composition';
import { checkLedger, DynamoUserRepository, seedProjects, type Db } from '@mekendesh/db';
import { newUserRecord, runDeadlineJob, type TokenVerifier } from '@mekendesh/domain';
import { composeJobs } from '@mekendesh/jobs/composition';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeProject } from '../fixtures/projects.js';

const INVESTOR = 'investor-of-the-bishkek-day-test';
let db: Db;
let drop: () => Promise<void>;
let deps: Deps;

// The token is the investor's id: this file is about the clock, not about signatures (auth.test.ts is).
const verifier: TokenVerifier = { verify: async (token) => ({ userId: token, roles: ['investor'], issuedAt: 0 }) as never };

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  deps = composeWithDb(db, { ...noIdentity(), verifier });
  await new DynamoUserRepository(db).ensure(
    newUserRecord({
      id: INVESTOR,
      email: 'bishkek-day@test.mekendesh.kg',
      displayName: 'Investor',
      locale: 'ky',
      createdAt: '2026-01-01T00:00:00.000Z',
    }),
  );
});
afterAll(() => drop());
afterEach(async () => expect(await checkLedger(db)).toEqual([]));

/** The app and the use cases as they run at `iso`. */
function at(iso: string) {
  const clock = { now: () => new Date(iso) };
  const money = { ...deps.money, clock };
  const projectDeps = { ...deps.projectDeps, clock };
  return { app: createApp({ ...deps, money, projectDeps, payments: { ...deps.payments, money } }), money, projectDeps };
}

/** The deadline job's ports as the scheduled function wires them (functions/jobs), at `iso`. */
const jobAt = (iso: string) => composeJobs(db, { now: () => new Date(iso) }).deadlines;

function pledgeAt(iso: string, projectId: string, key: string) {
  return at(iso).app.request(`/v1/projects/${projectId}/pledges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${INVESTOR}`, 'idempotency-key': key, 'accept-language': 'en' },
    body: JSON.stringify({
      type: 'donation',
      amount: { amount: 100_000, currency: 'KGS' },
      channel: 'bank_transfer',
      display: 'anonymous',
    }),
  });
}

const funding = async (projectId: string) =>
  (await (await at('2026-06-30T12:00:00Z').app.request(`/v1/projects/${projectId}/funding`)).json()) as {
    pledged: number;
    supporters: number;
  };

describe('a deadline of 30 June, in Bishkek', () => {
  it('takes a pledge at 23:59:59 Bishkek (17:59:59Z) and refuses one at 00:00:01 on 1 July (18:00:01Z) with a 409 naming deadline', async () => {
    const project = makeProject({ deadline: '2026-06-30' });
    await seedProjects(db, { organisations: [], projects: [project] });

    const inTime = await pledgeAt('2026-06-30T17:59:59Z', project.id, 'bishkek-day-in-time');
    expect(inTime.status).toBe(201);
    expect(await inTime.json()).toMatchObject({ amountKgs: 100_000, createdAt: '2026-06-30T17:59:59.000Z' });

    const late = await pledgeAt('2026-06-30T18:00:01Z', project.id, 'bishkek-day-late');
    expect(late.status).toBe(409);
    expect(late.headers.get('content-type')).toBe('application/problem+json');
    const problem = await late.json();
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'deadline' })]);
    expect(problem.errors[0].message).toMatch(/Bishkek time \(UTC\+6\)/);
    // In the caller's language too.
    const russian = await at('2026-06-30T18:00:01Z').app.request(`/v1/projects/${project.id}/pledges`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${INVESTOR}`,
        'idempotency-key': 'bishkek-day-late-ru',
        'accept-language': 'ru',
      },
      body: JSON.stringify({
        type: 'donation',
        amount: { amount: 100_000, currency: 'KGS' },
        channel: 'bank_transfer',
        display: 'anonymous',
      }),
    });
    expect(russian.status).toBe(409);
    expect((await russian.json()).errors).toEqual([
      { field: 'deadline', code: 'invalid', message: expect.stringMatching(/по бишкекскому времени \(UTC\+6\)/) },
    ]);
    // Nothing changed: one pledge of 1 000 som, one supporter.
    expect(await funding(project.id)).toMatchObject({ pledged: 100_000, supporters: 1 });
  });

  it('is settled by the nightly job at 00:05 Bishkek (18:05Z), not a minute before midnight', async () => {
    const project = makeProject({ deadline: '2026-06-30', fundingModel: 'all_or_nothing' });
    const later = makeProject({ deadline: '2026-07-01', fundingModel: 'all_or_nothing' });
    await seedProjects(db, { organisations: [], projects: [project, later] });
    const made = await pledgeAt('2026-06-30T17:00:00Z', project.id, 'bishkek-day-job');
    expect(made.status).toBe(201);
    const pledgeId = ((await made.json()) as { id: string }).id;

    expect(await runDeadlineJob(jobAt('2026-06-30T17:59:00Z'))).toMatchObject({ expired: 0, funded: 0 });
    expect((await deps.projects.get(project.id))?.status).toBe('published');

    // Other tests' projects may also be past 30 June by now: count only this one.
    await runDeadlineJob(jobAt('2026-06-30T18:05:00Z'));
    expect((await deps.projects.get(project.id))?.status).toBe('expired');
    expect((await deps.projects.get(later.id))?.status).toBe('published');
    // Expired short of an all-or-nothing goal: the pledge goes back.
    expect((await deps.money.money.getPledge(pledgeId))?.status).toBe('released');
  });
});
