/**
 * The authorization matrix's rows for hometown clubs (issue 12), and the club they act on: organised by investorA,
 * with investorB a member and a club pledge on the matrix's project; officers and staff are not members.
 */
import { expect } from 'vitest';
import { seedProjects } from '@mekendesh/db';
import { post, type AuthStack } from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';

type ActorName = 'nobody' | 'investorA' | 'investorB' | 'officerX' | 'officerY' | 'staff';
type Expect = Record<ActorName, number>;

export interface ClubWorld {
  clubId: string;
  clubPledgeId: string;
  /** A second published project, for the organiser's new club pledge. */
  projectForPledge: string;
}

interface MatrixWorld {
  projectId: string;
  clubs?: ClubWorld;
}

interface ClubRow {
  expect: Expect;
  request(w: MatrixWorld, actor: ActorName): { method?: string; path: string; body?: unknown; headers?: Record<string, string> };
  check?(w: MatrixWorld, actor: ActorName, body: unknown): void;
}

const ALL = (status: number): Expect => ({
  nobody: status,
  investorA: status,
  investorB: status,
  officerX: status,
  officerY: status,
  staff: status,
});
/** Signed in and not staff: staff book money, so they neither found, join nor give. */
const investors = (status: number): Expect => ({ ...ALL(status), nobody: 401, staff: 403 });
const club = (w: MatrixWorld) => w.clubs!;
const noPersonalData = (_w: MatrixWorld, _a: ActorName, body: unknown) => expect(JSON.stringify(body)).not.toMatch(/@|userId|investorId/);

/** The club and its pledge, made through the API by investorA (organiser) with investorB joined. */
export async function clubWorld(s: AuthStack, tokens: { investorA: string; investorB: string }, projectId: string): Promise<ClubWorld> {
  const founded = await post(
    s.app,
    '/clubs',
    { name: 'Matrix club', homeRayon: '41704220000000', residenceCountry: 'RU', residenceCity: 'Moscow' },
    tokens.investorA,
  );
  expect(founded.status).toBe(201);
  const clubId = ((await founded.json()) as { id: string }).id;
  const joined = await s.app.request(`/v1/clubs/${clubId}/membership`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.investorB}` },
    body: JSON.stringify({ shown: false }),
  });
  expect(joined.status).toBe(200);
  const opened = await post(s.app, `/clubs/${clubId}/pledges`, { projectId }, tokens.investorA);
  expect(opened.status).toBe(201);
  const other = makeProject({ id: `prj-club-${Date.now().toString(36)}` });
  await seedProjects(s.db, { organisations: [], projects: [other] });
  return { clubId, clubPledgeId: ((await opened.json()) as { id: string }).id, projectForPledge: other.id };
}

export const CLUB_ROWS: Record<string, ClubRow> = {
  'GET /v1/clubs': { expect: ALL(200), request: () => ({ path: '/v1/clubs?rayon=41704220000000' }), check: noPersonalData },
  'POST /v1/clubs': {
    expect: investors(201),
    request: (_w, actor) => ({
      method: 'POST',
      path: '/v1/clubs',
      body: { name: `Club of ${actor}`, homeRayon: '41704220000000', residenceCountry: 'KZ', residenceCity: 'Almaty' },
    }),
  },
  // Your own clubs only: investorA organises the matrix club, investorB is a member of it, nobody else is in it.
  'GET /v1/me/clubs': {
    expect: { ...ALL(200), nobody: 401 },
    request: () => ({ path: '/v1/me/clubs' }),
    check: (w, actor, body) => {
      const mine = (body as { items: { id: string; organiser: boolean }[] }).items.filter((c) => c.id === club(w).clubId);
      const expected = actor === 'investorA' ? [true] : actor === 'investorB' ? [false] : [];
      expect(
        mine.map((c) => c.organiser),
        actor,
      ).toEqual(expected);
      noPersonalData(w, actor, body);
    },
  },
  'GET /v1/clubs/:id': { expect: ALL(200), request: (w) => ({ path: `/v1/clubs/${club(w).clubId}` }), check: noPersonalData },
  // Anyone signed in (not staff) may join; a member joining again only changes the name choice.
  'PUT /v1/clubs/:id/membership': {
    expect: investors(200),
    request: (w) => ({ method: 'PUT', path: `/v1/clubs/${club(w).clubId}/membership`, body: { shown: false } }),
  },
  // Only the organiser may open a club pledge; one per project, so the organiser's call is the first and only.
  'POST /v1/clubs/:id/pledges': {
    expect: { ...investors(403), investorA: 201 },
    request: (w) => ({ method: 'POST', path: `/v1/clubs/${club(w).clubId}/pledges`, body: { projectId: club(w).projectForPledge } }),
  },
  // Members give (investorA organises, investorB joined, officers just joined above); staff never; the officers' own
  // organisation is not the project's.
  'POST /v1/club-pledges/:id/contributions': {
    expect: investors(201),
    request: (w, actor) => ({
      method: 'POST',
      path: `/v1/club-pledges/${club(w).clubPledgeId}/contributions`,
      headers: { 'idempotency-key': `matrix-club-${actor}-${club(w).clubId}` },
      body: { amount: { amount: 60_000, currency: 'KGS' }, channel: 'money_transfer' },
    }),
  },
  'GET /v1/projects/:id/clubs': {
    expect: ALL(200),
    request: (w) => ({ path: `/v1/projects/${w.projectId}/clubs` }),
    check: (w, a, body) => {
      noPersonalData(w, a, body);
      expect((body as { items: { clubName: string }[] }).items.map((i) => i.clubName)).toEqual(['Matrix club']);
    },
  },
  // Leaving: the organiser cannot (409); everyone else who joined above leaves.
  'DELETE /v1/clubs/:id/membership': {
    expect: { ...investors(200), investorA: 409 },
    request: (w) => ({ method: 'DELETE', path: `/v1/clubs/${club(w).clubId}/membership` }),
  },
};
