/**
 * The authorization matrix's rows for progress reports, disbursements, co-funding and the late queue (issue 13, part B)
 * and public transparency (supporters, programme statistics, open data; part D), and the objects they act on: a funded
 * project of organisation X holding co-funded money, with one report to edit and one to send back for correction.
 */
import { expect } from 'vitest';
import { seedProjects, type Db } from '@mekendesh/db';
import { bishkekDay } from '@mekendesh/domain';
import { type AuthStack } from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';
import { send } from '../fixtures/proposals.js';

type ActorName = 'nobody' | 'investorA' | 'investorB' | 'officerX' | 'officerY' | 'staff';
type Expect = Record<ActorName, number>;

export interface ReportWorld {
  /** Funded, of organisation X, with 1,000 som received from its municipality (so disbursements have money to spend). */
  projectId: string;
  /** A report of officer X's, version 1, for the edit row. */
  toEdit: string;
  /** Another report of officer X's, version 1, for staff to send back. */
  toCorrect: string;
}

interface MatrixWorld {
  projectId: string;
  reports?: ReportWorld;
}

interface ReportRow {
  expect: Expect;
  request(w: MatrixWorld, actor: ActorName): { method?: string; path: string; body?: unknown; headers?: Record<string, string> };
  check?(w: MatrixWorld, actor: ActorName, body: unknown): void;
}

const r = (w: MatrixWorld) => w.reports!;
const all = (status: number): Expect => ({
  nobody: status,
  investorA: status,
  investorB: status,
  officerX: status,
  officerY: status,
  staff: status,
});
/** The project's own officers and staff may; anyone else signed in is refused (the project is public, so 403, not 404). */
const reporters = (ok: number): Expect => ({ nobody: 401, investorA: 403, investorB: 403, officerX: ok, officerY: 403, staff: ok });
const staffOnly = (ok: number): Expect => ({ ...all(403), nobody: 401, staff: ok });
const reportText = (who: string) => ({ en: `Walls are up (${who})` });

/** The funded project, its co-funded money (booked by staff through the API) and two reports posted by officer X. */
export async function reportWorld(
  s: { app: AuthStack['app']; db: Db },
  orgX: string,
  officerX: string,
  staff: string,
): Promise<ReportWorld> {
  const project = makeProject({
    organisationId: orgX,
    status: 'funded',
    raised: 100_000_000,
    pledged: 100_000_000,
    milestones: [
      { id: 'm1', title: { en: 'Materials' }, dueDate: '2027-03-01', tranche: 50_000_000 },
      { id: 'm2', title: { en: 'Works' }, dueDate: '2027-06-01', tranche: 50_000_000 },
    ],
  });
  await seedProjects(s.db, { organisations: [], projects: [project] });
  const today = bishkekDay(new Date());
  const cofunded = await send(s.app, 'POST', `/staff/projects/${project.id}/cofunding`, {
    token: staff,
    body: { funder: 'municipality', amountKgs: 100_000, receivedOn: today, note: 'matrix' },
    headers: { 'idempotency-key': `matrix-cofunding-${project.id}` },
  });
  expect(cofunded.status).toBe(201);
  const posted = async (milestoneId: string) => {
    const res = await send(s.app, 'POST', `/projects/${project.id}/reports`, {
      token: officerX,
      body: { milestoneId, text: reportText(milestoneId) },
    });
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  };
  return { projectId: project.id, toEdit: await posted('m1'), toCorrect: await posted('m2') };
}

/** No row's answer carries an account's email or id (names are shown only as the supporter chose). */
const noPeople = (_w: MatrixWorld, _a: ActorName, body: unknown) => expect(JSON.stringify(body)).not.toMatch(/@|"email"|"investorId"/);

export const REPORT_ROWS: Record<string, ReportRow> = {
  'GET /v1/projects/:id/progress': {
    expect: all(200),
    request: (w) => ({ path: `/v1/projects/${r(w).projectId}/progress` }),
    check: (w, _a, body) => {
      expect((body as { reports: { projectId: string }[] }).reports.length).toBeGreaterThanOrEqual(2);
      noPeople(w, _a, body);
    },
  },
  'POST /v1/projects/:id/reports': {
    expect: reporters(201),
    request: (w, actor) => ({
      method: 'POST',
      path: `/v1/projects/${r(w).projectId}/reports`,
      body: { milestoneId: 'm1', text: reportText(actor) },
    }),
  },
  'PUT /v1/projects/:id/reports/:reportId': {
    // Officer X edits version 1; staff, after them, version 2 (a stale version would be 409, reports.test.ts).
    expect: reporters(200),
    request: (w, actor) => ({
      method: 'PUT',
      path: `/v1/projects/${r(w).projectId}/reports/${r(w).toEdit}`,
      body: { text: reportText(`edited by ${actor}`), version: actor === 'staff' ? 2 : 1 },
    }),
  },
  'POST /v1/projects/:id/reports/:reportId/correction': {
    expect: staffOnly(200),
    request: (w) => ({
      method: 'POST',
      path: `/v1/projects/${r(w).projectId}/reports/${r(w).toCorrect}/correction`,
      body: { reason: 'The photo is missing', version: 1 },
    }),
  },
  'POST /v1/projects/:id/disbursements': {
    expect: reporters(201),
    request: (w, actor) => ({
      method: 'POST',
      path: `/v1/projects/${r(w).projectId}/disbursements`,
      body: { amountKgs: 10_000, paidOn: bishkekDay(new Date()), purpose: `Cement bought by ${actor}` },
      headers: { 'idempotency-key': `matrix-disbursement-${actor}` },
    }),
  },
  'POST /v1/staff/projects/:id/cofunding': {
    expect: staffOnly(201),
    request: (w, actor) => ({
      method: 'POST',
      path: `/v1/staff/projects/${r(w).projectId}/cofunding`,
      body: { funder: 'other_donors', amountKgs: 5_000, receivedOn: bishkekDay(new Date()), note: null },
      headers: { 'idempotency-key': `matrix-cofunding-${actor}` },
    }),
  },
  'GET /v1/staff/late-reports': { expect: staffOnly(200), request: () => ({ path: '/v1/staff/late-reports' }) },
  'GET /v1/projects/:id/supporters': {
    expect: all(200),
    request: (w) => ({ path: `/v1/projects/${w.projectId}/supporters` }),
    check: noPeople,
  },
  'GET /v1/stats/programme': { expect: all(200), request: () => ({ path: '/v1/stats/programme' }), check: noPeople },
  // A CSV: the status is what the matrix checks (transparency.test.ts reads its rows).
  'GET /v1/stats/open-data.csv': { expect: all(200), request: () => ({ path: '/v1/stats/open-data.csv' }) },
};
