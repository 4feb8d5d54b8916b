/**
 * The local stack's demo activity (issue 12): after the demo data and accounts, every new feature has something to
 * show, loaded through the use cases a request runs, once; the club pledge's figures are its members' pledges and
 * `pnpm ledger:check` passes on the seeded table.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ClubPage, ProjectClubs, QuestionList, RefundDueList } from '@mekendesh/contracts';
import {
  demoMarkerEntity,
  DynamoFollowStore,
  DynamoOutbox,
  DynamoMoneyStore,
  DynamoProgrammeStore,
  DynamoProjectRepository,
  DynamoQuestionStore,
  DynamoReportStore,
  type Db,
} from '@mekendesh/db';
import { DEMO_ACTIVITY, DEMO_INVESTOR_EMAIL, DEMO_PROJECTS, DEMO_USERS } from '@mekendesh/demo-data';
import { bishkekDay, isoWeekOfDay, type TokenVerifier } from '@mekendesh/domain';
import {
  ensureDemoAccounts,
  ensureDemoActivity,
  ensureDemoData,
  ensureDemoRates,
  ensureDemoReceivingAccounts,
} from '@mekendesh/local-stack';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { ulid } from 'ulid';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AT_BASHY = '41704220000000';
const { club } = DEMO_ACTIVITY;
/** Account ids as ensureDemoUsers would hand them back (cognito-local is not part of this test). */
const ids = new Map(DEMO_USERS.map((u) => [u.email, `acct-${u.role}`]));
const investorId = ids.get(DEMO_INVESTOR_EMAIL)!;

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
let firstLoadMs = 0;

const get = async <T>(path: string): Promise<T> => {
  const res = await app.request(`/v1${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
};

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  // The order of `pnpm dev`: demo data, rates, receiving accounts, the accounts, then the activity.
  await ensureDemoData(db);
  await ensureDemoRates(db);
  await ensureDemoReceivingAccounts(db);
  await ensureDemoAccounts(db, ids);
  const started = performance.now();
  expect(await ensureDemoActivity(db, ids)).toBe('loaded');
  firstLoadMs = performance.now() - started;
  // Any token is the demo staff account: only the refunds queue below needs one.
  const verifier: TokenVerifier = {
    verify: async () => ({ userId: ids.get('staff@demo.mekendesh.kg')!, roles: ['staff'], issuedAt: Math.floor(Date.now() / 1000) - 60 }),
  };
  app = createApp(composeWithDb(db, { identity: noIdentity().identity, verifier }));
}, 120_000);
afterAll(() => drop());

describe('demo activity', () => {
  it('loads once: a second start finds it present', async () => {
    // A figure to read, not a limit: speed is measured by benchmarks, never asserted by timed tests.
    console.log(`demo activity loaded in ${firstLoadMs.toFixed(0)} ms`);
    expect(await ensureDemoActivity(db, ids)).toBe('present');
  });

  it('the demo investor follows the home rayon (as the profile save would) and a project, and keeps one saved search', async () => {
    const mine = await new DynamoFollowStore(db).list(investorId);
    expect(mine.follows.map((f) => [f.type, f.targetId, f.source]).sort()).toEqual([
      ['project', 'prj-001', 'manual'],
      ['territory', AT_BASHY, 'home'],
    ]);
    expect(mine.searches.map((s) => [s.name, s.query.sector, s.query.oblast])).toEqual([
      ['Нарындагы суу долбоорлору', 'water', '41704000000000'],
    ]);
  });

  it('shows public questions to everyone, one answered by the officer’s organisation; the investor’s private one only to those who may', async () => {
    const thread = await get<QuestionList>('/projects/prj-001/questions');
    expect(thread.items.map((q) => [q.id, q.visibility, q.answer?.text ?? null])).toEqual([
      ['demo-question-roof-help', 'public', null],
      ['demo-question-roof-start', 'public', DEMO_ACTIVITY.questions[0]!.answer],
    ]);
    const secret = await new DynamoQuestionStore(db).get('demo-question-receipt');
    expect([secret?.askerId, secret?.visibility, secret?.organisationId]).toEqual([investorId, 'private', 'org-naryn-at-bashy-kara-suu']);
    expect((await get<QuestionList>('/projects/prj-003/questions')).items.map((q) => q.id)).toEqual(['demo-question-felt-shop']);
  });

  it('the club has four members, two shown by name, and one club pledge whose figures are its members’ pledges', async () => {
    const page = await get<ClubPage>(`/clubs/${club.id}`);
    expect([page.club.name, page.club.members]).toEqual(['Москвадагы ат-башылыктар', 4]);
    expect(page.shownMembers.map((m) => m.displayName).sort()).toEqual(['Айгүл С.', 'Жылдыз Т.']);
    // 10,000 + 5,000 + 2,500 som, three contributions, nothing received yet (transfers still to come).
    const onProject = await get<ProjectClubs>(`/projects/${club.pledge.projectId}/clubs`);
    expect(onProject.items.map((p) => [p.clubId, p.pledged, p.received, p.contributions, p.goalKgs])).toEqual([
      [club.id, 1_750_000, 0, 3, 5_000_000],
    ]);
    const store = new DynamoMoneyStore(db, new DynamoProgrammeStore(db));
    const pledges = await store.listProjectPledges({ projectId: club.pledge.projectId, limit: 50 });
    const ofClub = pledges.items.filter((p) => p.club?.clubPledgeId === onProject.items[0]!.id);
    expect(ofClub.map((p) => p.amount?.amount).sort()).toEqual([1_000_000, 250_000, 500_000]);
  });

  it('marks the milestones of demo projects seeded as funded or in progress due (the late-report queue)', async () => {
    const reporting = DEMO_PROJECTS.filter((p) => p.status === 'funded' || p.status === 'in_progress');
    expect(reporting.length).toBeGreaterThan(0);
    const due = (await new DynamoReportStore(db).dueBefore({ before: '9999-12-31', limit: 200 })).items;
    const expected = reporting.flatMap((p) => p.milestones.map((m) => `${p.id}#${m.id}#${m.dueDate}`)).sort();
    expect(due.map((d) => `${d.projectId}#${d.milestoneId}#${d.dueDate}`).sort()).toEqual(expected);
  });

  it('leaves one refund for staff to pay: the lapsed all-or-nothing project’s received transfer, refunded by its booking', async () => {
    const { refund } = DEMO_ACTIVITY;
    const res = await app.request('/v1/staff/refunds', { headers: { authorization: 'Bearer demo-staff-token-for-refunds' } });
    expect(res.status).toBe(200);
    const items = ((await res.json()) as RefundDueList).items;
    expect(items.map((r) => [r.projectId, r.channel, r.receivedKgs, r.why, r.investor.id])).toEqual([
      [refund.projectId, 'bank_transfer', refund.amountKgs, 'expired', 'demo-demand-03'],
    ]);
    expect((await new DynamoProjectRepository(db).get(refund.projectId))?.status).toBe('expired');
  });

  it('loading again after a start cut short (the marker lost) doubles nothing, and `pnpm ledger:check` passes', async () => {
    await db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: demoMarkerEntity.key({}), UpdateExpression: 'REMOVE activity' }));
    expect(await ensureDemoActivity(db, ids)).toBe('loaded');
    expect((await get<ProjectClubs>(`/projects/${club.pledge.projectId}/clubs`)).items.map((p) => [p.pledged, p.contributions])).toEqual([
      [1_750_000, 3],
    ]);
    expect((await get<QuestionList>('/projects/prj-001/questions')).items).toHaveLength(2);
    expect((await new DynamoFollowStore(db).list(investorId)).searches).toHaveLength(1);
    const refunds = await app.request('/v1/staff/refunds', { headers: { authorization: 'Bearer demo-staff-token-for-refunds' } });
    expect(((await refunds.json()) as RefundDueList).items.map((r) => r.projectId)).toEqual([DEMO_ACTIVITY.refund.projectId]);
    const { stdout } = await promisify(execFile)('pnpm', ['--silent', 'ledger:check'], {
      cwd: ROOT,
      env: { ...process.env, TABLE_NAME: db.tableName, DYNAMODB_ENDPOINT: inject('dynamoEndpoint') },
    });
    expect(stdout).toContain(`ledger of "${db.tableName}" balances`);
  }, 60_000);

  it('`pnpm jobs:digests` for this week sends the demo investor a digest with the answer on the project they follow', async () => {
    const week = isoWeekOfDay(bishkekDay(new Date()));
    await promisify(execFile)('pnpm', ['--silent', 'jobs:digests', '--week', week], {
      cwd: ROOT,
      env: { ...process.env, TABLE_NAME: db.tableName, DYNAMODB_ENDPOINT: inject('dynamoEndpoint') },
    });
    const mail = (await new DynamoOutbox(db, ulid).latest(100)).filter((m) => m.to === DEMO_INVESTOR_EMAIL);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('Иштер 10-июнда башталат');
  }, 60_000);
});
