import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignJWT, importJWK } from 'jose';
import { seedDemoRates, seedProjects } from '@mekendesh/db';
import { bishkekDay, unsubscribeToken } from '@mekendesh/domain';
import {
  authStack,
  newConfirmedInvestor,
  newUserInGroup,
  PASSWORD,
  post,
  signInToken,
  uniqueEmail,
  type AuthStack,
} from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';
import { PROJECT_ROWS, proposalWorld, type ProposalWorld } from './matrix-projects.js';
import { CLUB_ROWS, clubWorld, type ClubWorld } from './matrix-clubs.js';
import { QUESTION_ROWS, questionWorld, type QuestionWorld } from './matrix-questions.js';
import { REPORT_ROWS, reportWorld, type ReportWorld } from './matrix-reports.js';

/**
 * Every route of the app, with every kind of caller, against objects owned by others. The route list
 * comes from the app itself: a new route without a row here fails the first test.
 */
const ACTORS = ['nobody', 'investorA', 'investorB', 'officerX', 'officerY', 'staff'] as const;
type ActorName = (typeof ACTORS)[number];
type Expect = Record<ActorName, number>;
const all = (status: number): Expect => Object.fromEntries(ACTORS.map((a) => [a, status])) as Expect;
const signedIn = (status: number): Expect => ({ ...all(status), nobody: 401 });
const staffOnly: Expect = { ...all(403), nobody: 401, staff: 200 };

interface World {
  tokens: Record<Exclude<ActorName, 'nobody'>, string>;
  emails: Record<Exclude<ActorName, 'nobody'>, string>;
  orgX: string;
  orgY: string;
  pendingApprove: string;
  pendingReject: string;
  invitationForB: string;
  projectId: string;
  /** Drafts, proposals and funded projects of organisation X (matrix-projects.ts). */
  proposals?: ProposalWorld;
  /** A pledge of investorA's to projectId. */
  pledgeId: string;
  /** A club organised by investorA with investorB a member, and its pledge on projectId (matrix-clubs.ts). */
  clubs?: ClubWorld;
  /** Organisation Y's project with a private question of A's and a public one of B's (matrix-questions.ts). */
  questions?: QuestionWorld;
  /** A funded project of organisation X with money and two reports (matrix-reports.ts). */
  reports?: ReportWorld;
}

interface Row {
  expect: Expect;
  request(w: World, actor: ActorName): { method?: string; path: string; body?: unknown; headers?: Record<string, string> };
  /** Looks at a 2xx body for leaks of someone else's data. */
  check?(w: World, actor: ActorName, body: unknown): void;
}

const today = () => bishkekDay(new Date());
const statement = (w: World) => ({ csv: `date,amount,currency,description\n${today()},1.00,KGS,no reference ${w.pledgeId}\n` });
/** Pledges, receipts, statements, rates and programmes (issue 5). */
const MONEY_ROWS: Record<string, Row> = {
  'POST /v1/projects/:id/pledges': {
    // Staff book money and do not pledge; officers of other organisations may.
    expect: { ...all(201), nobody: 401, staff: 403 },
    request: (w, actor) => ({
      method: 'POST',
      path: `/v1/projects/${w.projectId}/pledges`,
      headers: { 'idempotency-key': `matrix-${actor}-${w.pledgeId}` },
      body: { type: 'donation', amount: { amount: 60_000, currency: 'KGS' }, channel: 'money_transfer', display: 'anonymous' },
    }),
  },
  'GET /v1/pledges/:id': {
    expect: { ...all(404), nobody: 401, investorA: 200, staff: 200 },
    request: (w) => ({ path: `/v1/pledges/${w.pledgeId}` }),
  },
  'GET /v1/me/pledges': {
    expect: signedIn(200),
    request: () => ({ path: '/v1/me/pledges' }),
    check: (w, actor, body) => {
      const ids = (body as { items: { id: string }[] }).items.map((p) => p.id);
      if (actor !== 'investorA') expect(ids).not.toContain(w.pledgeId);
    },
  },
  'GET /v1/projects/:id/funding': { expect: all(200), request: (w) => ({ path: `/v1/projects/${w.projectId}/funding` }) },
  'POST /v1/pledges/:id/receipts': {
    expect: { ...staffOnly, staff: 201 },
    request: (w, actor) => ({
      method: 'POST',
      path: `/v1/pledges/${w.pledgeId}/receipts`,
      body: { amount: { amount: 10_000, currency: 'KGS' }, receivedOn: today(), bankReference: `matrix-${actor}` },
    }),
  },
  'POST /v1/staff/statements/preview': {
    expect: staffOnly,
    request: (w) => ({ method: 'POST', path: '/v1/staff/statements/preview', body: statement(w) }),
  },
  'POST /v1/staff/statements/commit': {
    expect: staffOnly,
    request: (w) => ({ method: 'POST', path: '/v1/staff/statements/commit', body: statement(w) }),
  },
  'GET /v1/rates': { expect: staffOnly, request: () => ({ path: '/v1/rates' }) },
  'PUT /v1/rates/:date': {
    expect: staffOnly,
    request: () => ({
      method: 'PUT',
      path: `/v1/rates/${today()}`,
      body: { rates: [{ currency: 'USD', value: '87.4500', nominal: 1 }], reason: 'NBKR feed late' },
    }),
  },
  'POST /v1/programmes': {
    expect: { ...staffOnly, staff: 201 },
    request: () => ({
      method: 'POST',
      path: '/v1/programmes',
      body: {
        name: { en: 'Matrix 1+1' },
        ratio: { numerator: 1, denominator: 1 },
        budget: 1_000_000,
        capPerProject: 500_000,
        oblastSoates: 'all',
        sectors: 'all',
        kinds: 'all',
        startDate: '2026-01-01',
        endDate: '2030-12-31',
      },
    }),
  },
  'GET /v1/programmes': { expect: all(200), request: () => ({ path: '/v1/programmes' }) },
  // Receiving accounts (issue 8): staff maintain them; a pledge's payment details are its investor's and staff's.
  'GET /v1/staff/receiving-accounts': { expect: staffOnly, request: () => ({ path: '/v1/staff/receiving-accounts' }) },
  'POST /v1/staff/receiving-accounts': {
    expect: { ...staffOnly, staff: 201 },
    request: () => ({
      method: 'POST',
      path: '/v1/staff/receiving-accounts',
      body: {
        kind: 'money_transfer',
        currency: 'KZT',
        active: true,
        company: 'Matrix Transfer',
        receiverName: 'Matrix Receiver',
        country: 'KG',
        city: { ky: 'Ош', ru: 'Ош', en: 'Osh' },
        instructions: { ky: '{reference}', ru: '{reference}', en: '{reference}' },
      },
    }),
  },
  'PUT /v1/staff/receiving-accounts/:id': {
    expect: { ...staffOnly, staff: 404 },
    request: () => ({
      method: 'PUT',
      path: '/v1/staff/receiving-accounts/ra-none?version=1',
      body: {
        kind: 'money_transfer',
        currency: 'EUR',
        active: false,
        company: 'Matrix Transfer',
        receiverName: 'Matrix Receiver',
        country: 'KG',
        city: { ky: 'Ош', ru: 'Ош', en: 'Osh' },
        instructions: { ky: '{reference}', ru: '{reference}', en: '{reference}' },
      },
    }),
  },
  'DELETE /v1/staff/receiving-accounts/:id': {
    expect: { ...staffOnly, staff: 404 },
    request: () => ({ method: 'DELETE', path: '/v1/staff/receiving-accounts/ra-none?version=1' }),
  },
  'GET /v1/pledges/:id/payment-details': {
    expect: { ...all(404), nobody: 401, investorA: 200, staff: 200 },
    request: (w) => ({ path: `/v1/pledges/${w.pledgeId}/payment-details` }),
  },
  // Card payments are not configured in this stack: the owner hears why (409), everyone else that there is no such pledge.
  'POST /v1/pledges/:id/checkout': {
    expect: { ...all(404), nobody: 401, investorA: 409 },
    request: (w) => ({ method: 'POST', path: `/v1/pledges/${w.pledgeId}/checkout`, body: { locale: 'en' } }),
  },
  'GET /v1/payments/options': {
    expect: all(200),
    request: () => ({ path: '/v1/payments/options' }),
    check: (_w, _a, body) => expect(body).toMatchObject({ cardPayments: { enabled: false, reason: { en: expect.any(String) } } }),
  },
  // Public: the Stripe signature is the authentication (tests/integration/card-payments.test.ts covers it with cards on).
  'POST /v1/webhooks/stripe': {
    expect: all(503),
    request: () => ({ method: 'POST', path: '/v1/webhooks/stripe', body: { id: 'evt_matrix', type: 'checkout.session.completed' } }),
  },
};

/** Following and saved searches (issue 12): each caller acts on their own list only (the paths name no owner). */
const FOLLOW_ROWS: Record<string, Row> = {
  'GET /v1/me/follows': {
    expect: signedIn(200),
    request: () => ({ path: '/v1/me/follows' }),
    // Only what this caller did in these rows: Naryn followed, a water search saved; never another person's.
    check: (_w, _a, body) => {
      const mine = body as { follows: { id: string }[]; searches: { query: { sector?: string } }[] };
      expect(mine.follows.every((f) => f.id === '41704000000000')).toBe(true);
      expect(mine.searches.every((q) => q.query.sector === 'water')).toBe(true);
    },
  },
  'PUT /v1/me/follows/:type/:id': {
    expect: signedIn(200),
    request: () => ({ method: 'PUT', path: '/v1/me/follows/territory/41704000000000' }),
  },
  // Never followed by anyone: 404 to every caller, so nobody can remove or probe another person's follow.
  'DELETE /v1/me/follows/:type/:id': {
    expect: signedIn(404),
    request: () => ({ method: 'DELETE', path: '/v1/me/follows/territory/41708000000000' }),
  },
  'POST /v1/me/saved-searches': {
    expect: signedIn(201),
    request: () => ({ method: 'POST', path: '/v1/me/saved-searches', body: { query: { sector: 'water' } } }),
  },
  'DELETE /v1/me/saved-searches/:id': {
    expect: signedIn(404),
    request: () => ({ method: 'DELETE', path: '/v1/me/saved-searches/someone-elses' }),
  },
};

/** A validly signed unsubscribe token for an account that does not exist: refused alike to everyone (the token is the authority). */
const noAccountToken = () => unsubscribeToken(s.deps.unsubscribeKey, { userId: 'no-such-user', kind: 'digest' });
/** Email preferences and unsubscribe links (issue 12): one's own preferences only; links answer by their token, not the caller. */
const NOTIFICATION_ROWS: Record<string, Row> = {
  'GET /v1/me/notifications': { expect: signedIn(200), request: () => ({ path: '/v1/me/notifications' }) },
  'PUT /v1/me/notifications': {
    expect: signedIn(200),
    request: () => ({ method: 'PUT', path: '/v1/me/notifications', body: { off: [] } }),
  },
  'GET /v1/unsubscribe/:token': { expect: all(404), request: () => ({ path: `/v1/unsubscribe/${noAccountToken()}` }) },
  'POST /v1/unsubscribe/:token': {
    expect: all(404),
    request: () => ({
      method: 'POST',
      path: `/v1/unsubscribe/${noAccountToken()}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    }),
  },
};

const ROWS: Record<string, Row> = {
  'GET /v1/health': { expect: all(200), request: () => ({ path: '/v1/health' }) },
  'GET /v1/territories': { expect: all(200), request: () => ({ path: '/v1/territories' }) },
  'GET /v1/projects': { expect: all(200), request: () => ({ path: '/v1/projects' }) },
  'GET /v1/projects/:id': { expect: all(200), request: (w) => ({ path: `/v1/projects/${w.projectId}` }) },
  'GET /v1/openapi.json': { expect: all(200), request: () => ({ path: '/v1/openapi.json' }) },
  'GET /v1/docs': { expect: all(200), request: () => ({ path: '/v1/docs' }) },
  'GET /v1/docs/init.js': { expect: all(200), request: () => ({ path: '/v1/docs/init.js' }) },
  'GET /v1/docs/assets/:file': { expect: all(200), request: () => ({ path: '/v1/docs/assets/swagger-ui.css' }) },
  'GET /v1/projects/:id/ledger': { expect: all(200), request: (w) => ({ path: `/v1/projects/${w.projectId}/ledger` }) },
  'GET /v1/stats/oblasts': { expect: all(200), request: () => ({ path: '/v1/stats/oblasts' }) },
  'GET /v1/demand/:soate': {
    // Both organisations govern At-Bashy: officerX reads it, officerY asks for Naryn oblast, which is not theirs.
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 200, officerY: 403, staff: 200 },
    request: (_w, actor) => ({ path: `/v1/demand/${actor === 'officerY' ? '41704000000000' : '41704220000000'}` }),
    check: (_w, _a, body) => expect(JSON.stringify(body)).not.toMatch(/@|"id"|"email"|"displayName"/),
  },
  'GET /v1/dev/outbox': { expect: all(200), request: () => ({ path: '/v1/dev/outbox' }) },
  'POST /v1/auth/sign-up': {
    expect: all(200),
    request: () => ({
      method: 'POST',
      path: '/v1/auth/sign-up',
      body: { email: uniqueEmail('matrix'), password: PASSWORD, displayName: 'Matrix', locale: 'ky' },
    }),
  },
  'POST /v1/auth/confirm': {
    expect: all(400),
    request: (w) => ({ method: 'POST', path: '/v1/auth/confirm', body: { email: w.emails.investorA, code: '000000' } }),
  },
  'POST /v1/auth/sign-in': {
    expect: all(401),
    request: (w) => ({ method: 'POST', path: '/v1/auth/sign-in', body: { email: w.emails.investorA, password: 'Not-The-Password-1!' } }),
  },
  'POST /v1/auth/refresh': {
    expect: all(401),
    request: () => ({ method: 'POST', path: '/v1/auth/refresh', body: { refreshToken: 'forged-refresh-token-value' } }),
  },
  'POST /v1/auth/sign-out': { expect: signedIn(200), request: () => ({ method: 'POST', path: '/v1/auth/sign-out', body: {} }) },
  // Two-step sign-in (issue 14): answering a challenge is public and a forged session gets nowhere; enrolment is one's
  // own, after authentication (a body it refuses shows validation comes second; no secret is replaced).
  'POST /v1/auth/sign-in/totp': {
    expect: all(400),
    request: (w) => ({
      method: 'POST',
      path: '/v1/auth/sign-in/totp',
      body: { email: w.emails.investorA, session: 'forged-session', code: '000000' },
    }),
  },
  'POST /v1/auth/two-step': {
    expect: signedIn(400),
    request: () => ({ method: 'POST', path: '/v1/auth/two-step', body: { secret: 'mine' } }),
  },
  'POST /v1/auth/two-step/confirm': {
    expect: signedIn(400),
    request: () => ({ method: 'POST', path: '/v1/auth/two-step/confirm', body: { code: 'abc' } }),
  },
  'POST /v1/auth/forgot-password': {
    expect: all(200),
    request: () => ({ method: 'POST', path: '/v1/auth/forgot-password', body: { email: uniqueEmail('nobody') } }),
  },
  'POST /v1/auth/reset-password': {
    expect: all(400),
    request: (w) => ({
      method: 'POST',
      path: '/v1/auth/reset-password',
      body: { email: w.emails.investorA, code: '000000', password: 'Another-Password-9!' },
    }),
  },
  'GET /v1/me': {
    expect: signedIn(200),
    request: () => ({ path: '/v1/me' }),
    check: (w, actor, body) => expect((body as { email: string }).email).toBe(w.emails[actor as Exclude<ActorName, 'nobody'>]),
  },
  'GET /v1/me/recommendations': {
    // From the caller's own stored profile only (recommendations.test.ts pins two investors' different answers).
    expect: signedIn(200),
    request: () => ({ path: '/v1/me/recommendations?near=home' }),
    check: (_w, _a, body) => expect(JSON.stringify(body)).not.toMatch(/@|"email"|"displayName"|"investorId"/),
  },
  'GET /v1/recommendations': { expect: all(200), request: () => ({ path: '/v1/recommendations?oblast=41704000000000&sectors=water' }) },
  'PUT /v1/me/profile': {
    expect: signedIn(200),
    request: (_w, actor) => ({ method: 'PUT', path: '/v1/me/profile', body: { displayName: `Renamed ${actor}` } }),
    check: (w, actor, body) =>
      expect(body).toMatchObject({ email: w.emails[actor as Exclude<ActorName, 'nobody'>], profile: { displayName: `Renamed ${actor}` } }),
  },
  'POST /v1/organisations': {
    expect: { nobody: 401, investorA: 201, investorB: 201, officerX: 403, officerY: 403, staff: 403 },
    request: () => ({
      method: 'POST',
      path: '/v1/organisations',
      body: {
        name: { ky: 'Сынак айыл өкмөтү' },
        kind: 'ayil_okmotu',
        territorySoate: '41704220000000',
        applicantPosition: 'Башчы',
        contactPhone: '+996 555 000 111',
        contactEmail: 'office@example.kg',
      },
    }),
  },
  'GET /v1/organisations/:id': {
    // A pending application exists only for its applicant and staff.
    expect: { ...all(404), staff: 200 },
    request: (w) => ({ path: `/v1/organisations/${w.pendingApprove}` }),
  },
  'GET /v1/organisations/:id/published-projects': {
    // Anyone, the organisation's own officers too, reads only its public projects: its drafts (proposalWorld) left out.
    expect: all(200),
    request: (w) => ({ path: `/v1/organisations/${w.orgX}/published-projects` }),
    check: (_w, _a, body) => {
      const items = (body as { items: { status: string; statusReason?: unknown }[] }).items;
      expect(items.filter((p) => !['published', 'funded', 'in_progress', 'completed'].includes(p.status) || 'statusReason' in p)).toEqual(
        [],
      );
    },
  },
  'GET /v1/organisations/:id/unanswered-questions': {
    // The organisation's own officers and staff (orgY's project has questions: matrix-questions.ts); others 403.
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 403, officerY: 200, staff: 200 },
    request: (w) => ({ path: `/v1/organisations/${w.orgY}/unanswered-questions` }),
  },
  'GET /v1/staff/organisations': { expect: staffOnly, request: () => ({ path: '/v1/staff/organisations?status=pending' }) },
  'POST /v1/organisations/:id/approve': {
    expect: staffOnly,
    request: (w) => ({ method: 'POST', path: `/v1/organisations/${w.pendingApprove}/approve`, body: {} }),
  },
  'POST /v1/organisations/:id/reject': {
    expect: staffOnly,
    request: (w) => ({ method: 'POST', path: `/v1/organisations/${w.pendingReject}/reject`, body: { reason: 'The territory is wrong' } }),
  },
  'POST /v1/organisations/:id/invitations': {
    expect: { ...all(403), nobody: 401, officerX: 201 },
    request: (_w, actor) => ({
      method: 'POST',
      path: `/v1/organisations/${_w.orgX}/invitations`,
      body: { email: uniqueEmail(`invitee-of-${actor}`) },
    }),
    check: (_w, _a, body) => expect(body).not.toHaveProperty('token'),
  },
  'GET /v1/audit': { expect: staffOnly, request: () => ({ path: '/v1/audit' }) },
  'GET /v1/staff/dashboard': { expect: staffOnly, request: () => ({ path: '/v1/staff/dashboard?from=2026-01&to=2026-12' }) },
  'GET /v1/staff/refunds': { expect: staffOnly, request: () => ({ path: '/v1/staff/refunds' }) },
  'POST /v1/staff/refunds/:id/paid': {
    expect: { ...all(403), nobody: 401, staff: 404 },
    request: () => ({ method: 'POST', path: '/v1/staff/refunds/pl-none/paid', body: { paidOn: '2026-01-01', bankReference: 'PAYOUT-1' } }),
  },
  ...PROJECT_ROWS,
  ...REPORT_ROWS,
  'POST /v1/invitations/:token/accept': {
    expect: { nobody: 401, investorA: 404, investorB: 200, officerX: 404, officerY: 404, staff: 404 },
    request: (w) => ({ method: 'POST', path: `/v1/invitations/${w.invitationForB}/accept` }),
  },
  ...MONEY_ROWS,
  ...CLUB_ROWS,
  ...QUESTION_ROWS,
  ...NOTIFICATION_ROWS,
  ...FOLLOW_ROWS,
  'DELETE /v1/me': { expect: signedIn(200), request: () => ({ method: 'DELETE', path: '/v1/me' }) },
};

let s: AuthStack;
let w: World;

async function approvedOrganisation(staffToken: string, who: string) {
  const email = await newConfirmedInvestor(s.app, who);
  const applicant = await signInToken(s.app, email);
  const applied = await post(
    s.app,
    '/organisations',
    {
      name: { en: `${who} ayil okmotu` },
      kind: 'ayil_okmotu',
      territorySoate: '41704220000000',
      applicantPosition: 'Head',
      contactPhone: '+996 700 111 222',
      contactEmail: `${who}@example.kg`,
    },
    applicant,
  );
  const { id } = await applied.json();
  expect((await post(s.app, `/organisations/${id}/approve`, {}, staffToken)).status).toBe(200);
  return { id, email };
}

async function pendingOrganisation(who: string) {
  const token = await signInToken(s.app, await newConfirmedInvestor(s.app, who));
  const res = await post(
    s.app,
    '/organisations',
    {
      name: { en: `${who} city` },
      kind: 'city',
      territorySoate: '41703000000000',
      applicantPosition: 'Mayor',
      contactPhone: '+996 700 333 444',
      contactEmail: `${who}@example.kg`,
    },
    token,
  );
  return (await res.json()).id as string;
}

beforeAll(async () => {
  s = await authStack();
  const project = makeProject();
  await seedProjects(s.db, { organisations: [], projects: [project] });
  const staffEmail = await newUserInGroup('staff');
  const staff = await signInToken(s.app, staffEmail);
  const [a, b, x, y] = await Promise.all([
    newConfirmedInvestor(s.app, 'a'),
    newConfirmedInvestor(s.app, 'b'),
    approvedOrganisation(staff, 'x'),
    approvedOrganisation(staff, 'y'),
  ]);
  const emails = { investorA: a, investorB: b, officerX: x.email, officerY: y.email, staff: staffEmail };
  // Sign in after approval: the officer group is in new tokens only.
  const tokens = Object.fromEntries(
    await Promise.all(Object.entries(emails).map(async ([k, e]) => [k, await signInToken(s.app, e)])),
  ) as World['tokens'];
  const invitation = await post(s.app, `/organisations/${x.id}/invitations`, { email: b }, tokens.officerX);
  expect(invitation.status).toBe(201);
  const mail = (await s.deps.outbox!.latest(50)).find((m) => m.to === b && m.text.includes('/invitations/'));
  const invitationForB = /\/invitations\/([a-z0-9]+)/.exec(mail!.text)![1]!;
  await seedDemoRates(s.db, today());
  const pledged = await s.app.request(`/v1/projects/${project.id}/pledges`, {
    method: 'POST',
    body: JSON.stringify({
      type: 'donation',
      amount: { amount: 100_000, currency: 'KGS' },
      channel: 'bank_transfer',
      display: 'anonymous',
    }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.investorA}`, 'idempotency-key': `matrix-${Date.now()}` },
  });
  expect(pledged.status).toBe(201);
  w = {
    pledgeId: (await pledged.json()).id,
    tokens,
    emails,
    orgX: x.id,
    orgY: y.id,
    projectId: project.id,
    invitationForB,
    pendingApprove: await pendingOrganisation('pa'),
    pendingReject: await pendingOrganisation('pr'),
  };
  w.proposals = await proposalWorld(s, w.orgX, w.tokens.officerX, w.tokens.staff);
  w.clubs = await clubWorld(s, w.tokens, w.projectId);
  w.questions = await questionWorld(s, w.orgY, w.tokens);
  w.reports = await reportWorld(s, w.orgX, w.tokens.officerX, w.tokens.staff);
}, 120_000);
afterAll(() => s.drop());

describe('authorization matrix', () => {
  it('has a row for every route of the app', () => {
    const routes = new Set(s.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    expect([...routes].filter((r) => !(r in ROWS))).toEqual([]);
    expect(Object.keys(ROWS).filter((r) => !routes.has(r))).toEqual([]);
  });

  it('answers each caller on each route as it must, and never shows someone else’s data', async () => {
    const table: string[] = [`${'route'.padEnd(42)} ${ACTORS.map((a) => a.padEnd(9)).join(' ')}`];
    const failures: string[] = [];
    for (const [route, row] of Object.entries(ROWS)) {
      const cells: string[] = [];
      for (const actor of ACTORS) {
        const { method = 'GET', path, body, headers: extra } = row.request(w, actor);
        const headers: Record<string, string> = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra };
        if (actor !== 'nobody') headers.authorization = `Bearer ${w.tokens[actor]}`;
        const sent = typeof body === 'string' ? body : JSON.stringify(body);
        const res = await s.app.request(path, { method, headers, ...(body === undefined ? {} : { body: sent }) });
        cells.push(String(res.status).padEnd(9));
        if (res.status !== row.expect[actor])
          failures.push(`${route} as ${actor}: ${res.status}, expected ${row.expect[actor]} ${await res.text()}`);
        else if (res.status < 300 && row.check) row.check(w, actor, await res.json());
      }
      table.push(`${route.padEnd(42)} ${cells.join(' ')}`);
    }
    console.log(`\n${table.join('\n')}\n`);
    expect(failures).toEqual([]);
  }, 120_000);

  it('shows an approved organisation’s contacts to its own officers and staff only', async () => {
    const fresh = await authStack();
    try {
      // The matrix deleted its actors at the end; this check uses its own.
      const staff = await signInToken(fresh.app, await newUserInGroup('staff', 'staff2'));
      const applicant = await signInToken(fresh.app, await newConfirmedInvestor(fresh.app, 'owner'));
      const other = await signInToken(fresh.app, await newConfirmedInvestor(fresh.app, 'other'));
      const { id } = await (
        await post(
          fresh.app,
          '/organisations',
          {
            name: { ru: 'Мэрия' },
            kind: 'city',
            territorySoate: '41706000000000',
            applicantPosition: 'Мэр',
            contactPhone: '+996 312 000 000',
            contactEmail: 'meria@example.kg',
          },
          applicant,
        )
      ).json();
      await post(fresh.app, `/organisations/${id}/approve`, {}, staff);
      const view = async (token?: string) =>
        (await fresh.app.request(`/v1/organisations/${id}`, token ? { headers: { authorization: `Bearer ${token}` } } : {})).json();
      expect(await view(applicant)).toHaveProperty('contactPhone', '+996 312 000 000');
      expect(await view(staff)).toHaveProperty('contactPhone');
      expect(await view(other)).not.toHaveProperty('contactPhone');
      expect(await view()).not.toHaveProperty('contactPhone');
    } finally {
      await fresh.drop();
    }
  }, 60_000);
});

describe('tokens', () => {
  // cognito-local signs with a key shipped in its package: a token made with it passes the signature
  // check, so these prove the API also checks audience, expiry and use.
  const keyFile = createRequire(import.meta.url).resolve('cognito-local/lib/keys/cognitoLocal.private.json');

  async function craft(claims: Record<string, unknown>, exp: number) {
    const { jwk } = JSON.parse(readFileSync(keyFile, 'utf8'));
    const key = await importJWK(jwk, 'RS256');
    const c = inject('cognito');
    return new SignJWT({ token_use: 'access', client_id: c.clientId, 'cognito:groups': ['staff'], ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
      .setSubject('someone')
      .setIssuer(c.issuer)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(key);
  }

  it.each([
    ['expired', () => craft({}, Math.floor(Date.now() / 1000) - 120)],
    ['for another app client', () => craft({ client_id: 'someone-elses-client' }, Math.floor(Date.now() / 1000) + 600)],
    ['an id token', () => craft({ token_use: 'id' }, Math.floor(Date.now() / 1000) + 600)],
    [
      'tampered',
      async () => {
        const t = await craft({}, Math.floor(Date.now() / 1000) + 600);
        return `${t.slice(0, -6)}AAAAAA`;
      },
    ],
  ])('refuses a token that is %s with 401', async (_name, make) => {
    const res = await s.app.request('/v1/audit', { headers: { authorization: `Bearer ${await make()}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });
});
