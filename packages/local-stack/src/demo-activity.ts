import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  demoMarkerEntity,
  DynamoClubStore,
  DynamoFollowStore,
  DynamoMailQueue,
  DynamoMoneyStore,
  DynamoOutbox,
  DynamoProgrammeStore,
  DynamoProjectRepository,
  DynamoQuestionStore,
  DynamoRateLimiter,
  DynamoRateStore,
  DynamoReceivingAccountStore,
  DynamoReportStore,
  DynamoUserRepository,
  seedProjects,
  type Db,
} from '@mekendesh/db';
import { DEMO_ACTIVITY, DEMO_INVESTOR_EMAIL, DEMO_OFFICER_EMAIL, DEMO_PROJECTS, DEMO_USERS, type DemoPerson } from '@mekendesh/demo-data';
import {
  addDays,
  answerQuestion,
  askQuestion,
  bishkekDay,
  contributeToClubPledge,
  createClub,
  DEFAULT_RATE_LIMITS,
  followHomeRayon,
  followThing,
  joinClub,
  markMilestonesDue,
  openClubPledge,
  projectAudit,
  recordReceipt,
  releaseExpiredProject,
  REPORTING_STATUSES,
  saveSearch,
  territoryRules,
  transition,
  createPledge,
  type Actor,
  type ClubDeps,
  type FollowDeps,
  type MoneyDeps,
  type Notifier,
  type PaymentDeps,
  type QuestionDeps,
} from '@mekendesh/domain';
import { TERRITORIES, territoryBySoate } from '@mekendesh/territories';
import { ulid } from 'ulid';
import { loadDemoProgress, type DemoMedia } from './demo-progress.js';

/** Bumped when DEMO_ACTIVITY gains something a kept table should get too (the marker's `activity`). */
const DEMO_ACTIVITY_VERSION = 4;

/** The demo's own activity sends no notices: its emails would be signed with this process's key, not the API's. */
const SILENT: Notifier = { notify: async () => 'off', notifyOrganisation: async () => [] };

interface ActivityDeps {
  follows: FollowDeps;
  questions: QuestionDeps;
  clubs: ClubDeps & { payments: PaymentDeps };
}

/** The stores the use cases need, as the API's composition wires them (no identity, cards or media). */
function activityDeps(db: Db, webOrigin: string): ActivityDeps {
  const clock = { now: () => new Date() };
  const users = new DynamoUserRepository(db);
  const projects = new DynamoProjectRepository(db);
  const programmes = new DynamoProgrammeStore(db);
  const territories = territoryRules(TERRITORIES);
  const follows = new DynamoFollowStore(db);
  const money = {
    projects,
    money: new DynamoMoneyStore(db, programmes),
    rates: new DynamoRateStore(db),
    programmes,
    users,
    clock,
    newId: ulid,
    pledging: { limits: DEFAULT_RATE_LIMITS, cardCurrencies: [] },
  };
  const payments: PaymentDeps = {
    money,
    accounts: new DynamoReceivingAccountStore(db),
    queue: new DynamoMailQueue(db),
    // Each contributor's "how to pay" email lands in the dev outbox, as a real pledge's does.
    mailer: new DynamoOutbox(db, ulid),
    office: { email: 'office@mekendesh.kg', phone: null },
    webOrigin,
  };
  return {
    follows: { follows, names: follows, territories, placeName: (s) => territoryBySoate(s)?.fullName, clock },
    questions: {
      questions: new DynamoQuestionStore(db),
      projects,
      users,
      limiter: new DynamoRateLimiter(db),
      notifier: SILENT,
      clock,
      newId: ulid,
      webOrigin,
    },
    clubs: { clubs: new DynamoClubStore(db), projects, users, territories, clock, newId: ulid, payments },
  };
}

/**
 * Loads DEMO_ACTIVITY once (issue 12) through the use cases a request runs, after the demo data, rates, receiving
 * accounts and accounts: the demo investor follows their home rayon (as a profile save does) and a project and keeps a
 * saved search; questions are asked and one answered by the demo officer; the demo club is founded, joined, opens a
 * club pledge and its members contribute through the pledge path, so the club pledge's figures are its members'
 * pledges and `pnpm ledger:check` balances; a lapsed all-or-nothing project leaves one refund for staff to pay (issue 13).
 * `ids` maps each demo email to its account id (ensureDemoUsers).
 * The demo marker's `activity` remembers it; fixed ids and Idempotency-Keys make a load cut short resume without doubles.
 * @example await ensureDemoActivity(db, ids) // 'loaded' the first time, 'present' after
 */
export async function ensureDemoActivity(
  db: Db,
  ids: Map<string, string>,
  options: { webOrigin?: string; media?: DemoMedia } = {},
): Promise<'loaded' | 'present' | 'skipped'> {
  const marker = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: demoMarkerEntity.key({}) }));
  if (!marker.Item) return 'skipped'; // no demo data in this table
  if (marker.Item.activity === DEMO_ACTIVITY_VERSION) return 'present';
  const investorId = ids.get(DEMO_INVESTOR_EMAIL);
  const officerId = ids.get(DEMO_OFFICER_EMAIL);
  if (!investorId || !officerId) return 'skipped';
  const deps = activityDeps(db, options.webOrigin ?? 'http://localhost:5173');
  const actorOf = (p: DemoPerson) => investorActor('email' in p ? ids.get(p.email)! : p.id);
  await follow(deps.follows, investorId);
  await ask(deps.questions, actorOf, officerActor(officerId));
  await club(deps.clubs, actorOf);
  await markDemoMilestonesDue(db);
  await refundToPay(db, deps.clubs.payments.money, actorOf, staffActor(ids));
  // Issue 13: a funded project's report (with a photo when the media server runs), spending, and a late milestone.
  await loadDemoProgress(
    db,
    deps.clubs.payments.money,
    { actorOf, staff: staffActor(ids), officer: officerActor(officerId) },
    options.media,
  );
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: demoMarkerEntity.key({}),
      UpdateExpression: 'SET activity = :v',
      ExpressionAttributeValues: { ':v': DEMO_ACTIVITY_VERSION },
    }),
  );
  return 'loaded';
}

const investorActor = (id: string): Actor => ({
  kind: 'user',
  id,
  roles: ['investor'],
  organisationId: null,
  organisationRole: null,
  mfa: false,
});

function staffActor(ids: Map<string, string>): Actor {
  const staff = DEMO_USERS.find((u) => u.role === 'staff')!;
  // The seed acts for the demo staff account, which signs in with a code: its actor says so (mfa is read fail closed).
  return {
    kind: 'user',
    id: ids.get(staff.email) ?? 'demo-staff',
    roles: ['staff'],
    organisationId: null,
    organisationRole: null,
    mfa: true,
  };
}

function officerActor(id: string): Actor {
  const officer = DEMO_USERS.find((u) => u.email === DEMO_OFFICER_EMAIL)!;
  return {
    kind: 'user',
    id,
    roles: ['investor', 'officer'],
    organisationId: officer.organisationId ?? null,
    organisationRole: 'admin',
    mfa: false,
  };
}

/**
 * Demo projects seeded as already funded or in progress get their milestones' due markers, as the move to funded
 * writes them (issue 13), so the staff late-report queue and the late flags have something to show. Idempotent Puts.
 */
async function markDemoMilestonesDue(db: Db): Promise<void> {
  const store = new DynamoReportStore(db);
  for (const p of DEMO_PROJECTS.filter((x) => REPORTING_STATUSES.includes(x.status))) await markMilestonesDue(store, p);
}

/** The home rayon as the profile save follows it, then the listed follows (idempotent) and the saved search (once). */
async function follow(deps: FollowDeps, investorId: string): Promise<void> {
  const home = DEMO_USERS.find((u) => u.email === DEMO_INVESTOR_EMAIL)?.homeRayonSoate ?? null;
  await followHomeRayon(deps, investorId, home);
  const actor = investorActor(investorId);
  for (const f of DEMO_ACTIVITY.follows) await followThing(deps, actor, f);
  // Saving a query again is no change (one saved search per person and query).
  for (const s of DEMO_ACTIVITY.searches) await saveSearch(deps, actor, { ...s, locale: 'ky' });
}

/** Each question under its fixed id (skipped when there already), and its answer by the demo officer. */
async function ask(deps: QuestionDeps, actorOf: (p: DemoPerson) => Actor, officer: Actor): Promise<void> {
  for (const q of DEMO_ACTIVITY.questions) {
    if (!(await deps.questions.get(q.id)))
      await askQuestion({ ...deps, newId: () => q.id }, actorOf(q.asker), { projectId: q.projectId, request: q.request });
    if (q.answer && !(await deps.questions.get(q.id))?.answer)
      await answerQuestion(deps, officer, { questionId: q.id, request: { text: q.answer } });
  }
}

/** The club under its fixed id, its members, its pledge (one per club and project) and each contribution once. */
async function club(deps: ClubDeps & { payments: PaymentDeps }, actorOf: (p: DemoPerson) => Actor): Promise<void> {
  const c = DEMO_ACTIVITY.club;
  const organiser = actorOf(c.organiser);
  if (!(await deps.clubs.get(c.id))) await createClub({ ...deps, newId: () => c.id }, organiser, c.create);
  for (const m of c.members) await joinClub(deps, actorOf(m.person), c.id, { shown: m.shown });
  const pledgeId = await clubPledgeId(deps, organiser, c.id, c.pledge);
  const contributions = [
    { actor: organiser, contribution: c.organiserContribution },
    ...c.members.flatMap((m) => (m.contribution ? [{ actor: actorOf(m.person), contribution: m.contribution }] : [])),
  ];
  for (const { actor, contribution } of contributions) {
    // A fixed Idempotency-Key per contributor: loading again answers with the pledge already made.
    const idempotencyKey = `demo-club-${actor.kind === 'user' ? actor.id : ''}`;
    await contributeToClubPledge(deps, actor, { clubPledgeId: pledgeId, idempotencyKey, contribution });
  }
}

/** Opens the club's pledge on the project, or finds the one it opened before (the store answers null then). */
async function clubPledgeId(deps: ClubDeps, organiser: Actor, clubId: string, pledge: { projectId: string; goalKgs: number }) {
  const open = await deps.clubs.pledgesOnProject(pledge.projectId, 50);
  const existing = open.find((p) => p.clubId === clubId);
  return existing ? existing.id : (await openClubPledge(deps, organiser, clubId, pledge)).id;
}

/**
 * Only the demo refund to pay (DEMO_ACTIVITY.refund), for a stack without the rest of the demo activity (the e2e
 * stack): `staffId` is the account id of the staff member who records its receipt. Safe to call again.
 * @example await ensureDemoRefund(db, staffId)
 */
export async function ensureDemoRefund(db: Db, staffId: string): Promise<void> {
  const deps = activityDeps(db, 'http://localhost:5173');
  const staff: Actor = { kind: 'user', id: staffId, roles: ['staff'], organisationId: null, organisationRole: null, mfa: true };
  await refundToPay(db, deps.clubs.payments.money, (p) => investorActor('id' in p ? p.id : p.email), staff);
}

/**
 * One refund for staff to pay (issue 13, DEMO_ACTIVITY.refund): an all-or-nothing project (published, its totals at
 * zero) gets a bank-transfer pledge whose money staff record as received; its deadline then passes short of the goal
 * and the deadline job's booking (releaseExpiredProject) refunds it, which puts the pledge in the REFUNDDUE queue.
 * Each step checks what is stored first, so a load cut short resumes without doubles.
 */
async function refundToPay(db: Db, money: MoneyDeps, actorOf: (p: DemoPerson) => Actor, staff: Actor): Promise<void> {
  const r = DEMO_ACTIVITY.refund;
  const today = bishkekDay(new Date());
  if (!(await money.projects.get(r.projectId))) await seedProjects(db, { organisations: [], projects: [lapsedProject(today)] });
  const project = (await money.projects.get(r.projectId))!;
  if (project.status === 'published') {
    const request = {
      type: 'donation',
      amount: { amount: r.amountKgs, currency: 'KGS' },
      channel: 'bank_transfer',
      display: 'anonymous',
    } as const;
    const investor = actorOf(r.investor);
    const { pledge } = await createPledge(money, investor, { projectId: r.projectId, idempotencyKey: 'demo-lapsed-pledge', request });
    if (pledge.status === 'pledged')
      await recordReceipt(money, staff, { pledgeId: pledge.id, amount: request.amount, receivedOn: today, bankReference: r.bankReference });
    // As the deadline job settles it (settleDeadlines), for this project only: the other demo projects keep their state.
    const current = (await money.projects.get(r.projectId))!;
    const past = { ...current, deadline: addDays(today, -1) };
    const next = transition(money, past, 'expired', 'the deadline passed before the goal was reached');
    const ids = { clock: money.clock, newId: money.newId };
    const audit = projectAudit(ids, null, {
      action: 'project.expired',
      projectId: r.projectId,
      reason: next.statusReason,
      before: { status: current.status, version: current.version },
      after: { status: next.status, version: next.version },
    });
    await new DynamoProjectRepository(db).save(next, current, [audit]);
  }
  await releaseExpiredProject(money, r.projectId);
}

/** The lapsed project as published, from its template (`like`): another id, slug and title, all totals at zero. */
function lapsedProject(today: string): (typeof DEMO_PROJECTS)[number] {
  const r = DEMO_ACTIVITY.refund;
  const like = DEMO_PROJECTS.find((p) => p.id === r.like)!;
  return {
    ...like,
    id: r.projectId,
    slug: 'kara-suu-summer-camp-lapsed',
    title: r.title,
    status: 'published',
    fundingModel: 'all_or_nothing',
    pledgeTypes: ['donation'],
    raised: 0,
    pledged: 0,
    supporters: 0,
    deadline: addDays(today, 30),
    milestones: like.milestones.map((m, i) => ({ ...m, id: `${r.projectId}-m${i + 1}` })),
  };
}
