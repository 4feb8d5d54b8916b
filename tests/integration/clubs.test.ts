import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, moneyStack, today, type MoneyStack } from '../fixtures/money.js';

/** Hometown clubs (issue 12): who may found, join, leave, open a club pledge and contribute; bad input changes nothing. */
let s: MoneyStack;
let organiser: string;
let member: string;
let outsider: string;
const AT_BASHY = '41704220000000';
const NARYN_OBLAST = '41704000000000';

beforeAll(async () => {
  s = await moneyStack(3);
  [organiser, member, outsider] = s.investors as [string, string, string];
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const clubBody = (name = 'At-Bashy people in Moscow') => ({
  name,
  homeRayon: AT_BASHY,
  homeSettlement: 'Kara-Suu',
  residenceCountry: 'RU',
  residenceCity: 'Moscow',
  description: 'We build the school roof together',
});

function contribute(token: string | undefined, clubPledgeId: string, amount: number, key = randomUUID()) {
  return s.app.request(`/v1/club-pledges/${clubPledgeId}/contributions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ amount: { amount, currency: 'KGS' }, channel: 'bank_transfer' }),
  });
}

async function clubsOfRayon(): Promise<string[]> {
  const res = await call(s.app, undefined, 'GET', `/clubs?rayon=${AT_BASHY}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { name: string }[] }).items.map((c) => c.name);
}

describe('hometown clubs', () => {
  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await clubsOfRayon();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...clubBody('Bad rayon'), homeRayon: NARYN_OBLAST }, 'homeRayon'],
      [{ ...clubBody('Bad code'), homeRayon: '123' }, 'homeRayon'],
      [{ ...clubBody(), name: '' }, 'name'],
      [{ ...clubBody('Bad country'), residenceCountry: 'XX' }, 'residenceCountry'],
      [{ ...clubBody('Smuggled'), members: 500 }, 'members'],
    ];
    for (const [body, field] of cases) {
      const res = await call(s.app, organiser, 'POST', '/clubs', body);
      expect(res.status, field).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(await res.json()), field).toContain(`"field":"${field}"`);
    }
    expect(await clubsOfRayon()).toEqual(before);
    const list = await call(s.app, undefined, 'GET', '/clubs');
    expect(list.status).toBe(400);
    expect(JSON.stringify(await list.json())).toContain('"field":"rayon"');
  });

  it('founds, joins, leaves, opens a club pledge and takes contributions only from members (anonymous, outsider, member, organiser, staff)', async () => {
    expect((await call(s.app, undefined, 'POST', '/clubs', clubBody())).status).toBe(401);
    expect((await call(s.app, s.staff, 'POST', '/clubs', clubBody())).status).toBe(403);
    const created = await call(s.app, organiser, 'POST', '/clubs', clubBody());
    expect(created.status).toBe(201);
    const club = (await created.json()) as { id: string; members: number; homeOblast: string };
    expect(club).toMatchObject({ members: 1, homeOblast: NARYN_OBLAST });
    expect(await clubsOfRayon()).toContain('At-Bashy people in Moscow');
    const byOblast = await (await call(s.app, undefined, 'GET', `/clubs?oblast=${NARYN_OBLAST}`)).json();
    expect(byOblast.items.map((c: { id: string }) => c.id)).toContain(club.id);

    // Join: anonymous 401, staff 403, a member's second join only changes the name choice.
    expect((await call(s.app, undefined, 'PUT', `/clubs/${club.id}/membership`, { shown: true })).status).toBe(401);
    expect((await call(s.app, s.staff, 'PUT', `/clubs/${club.id}/membership`, { shown: true })).status).toBe(403);
    expect(await (await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: false })).json()).toEqual({ joined: true });
    expect(await (await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: true })).json()).toEqual({ joined: false });
    const bad = await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('"field":"shown"');
    expect((await call(s.app, member, 'PUT', '/clubs/no-such-club/membership', { shown: true })).status).toBe(404);

    const page = await (await call(s.app, undefined, 'GET', `/clubs/${club.id}`)).json();
    expect(page.club.members).toBe(2);
    expect(page.membership).toBeNull();
    // Only the member who chose to be shown is named; the organiser stays anonymous; no ids or emails.
    expect(page.shownMembers.map((m: { displayName: string }) => m.displayName)).toEqual(['Test inv1']);
    expect(JSON.stringify(page)).not.toMatch(/@|userId/);
    const mine = await (await call(s.app, member, 'GET', `/clubs/${club.id}`)).json();
    expect(mine.membership).toEqual({ shown: true });

    // A club pledge: only the organiser opens it; a second on the same project is a 409; a bad goal names `goalKgs`.
    const project = await s.project({ oblastSoate: NARYN_OBLAST, rayonSoate: AT_BASHY });
    const open = (token: string | undefined, body: unknown) => call(s.app, token, 'POST', `/clubs/${club.id}/pledges`, body);
    expect((await open(undefined, { projectId: project.id })).status).toBe(401);
    expect((await open(s.staff, { projectId: project.id })).status).toBe(403);
    expect((await open(member, { projectId: project.id })).status).toBe(403);
    expect((await open(outsider, { projectId: project.id })).status).toBe(403);
    const badGoal = await open(organiser, { projectId: project.id, goalKgs: -5 });
    expect(badGoal.status).toBe(400);
    expect(JSON.stringify(await badGoal.json())).toContain('"field":"goalKgs"');
    expect((await open(organiser, { projectId: 'no-such-project' })).status).toBe(404);
    const opened = await open(organiser, { projectId: project.id, goalKgs: 10_000_000 });
    expect(opened.status).toBe(201);
    const clubPledge = (await opened.json()) as { id: string };
    expect((await open(organiser, { projectId: project.id })).status).toBe(409);

    // Contributions: anonymous 401, staff 403, outsider 403 (nothing written), member and organiser 201.
    expect((await contribute(undefined, clubPledge.id, 100_000)).status).toBe(401);
    expect((await contribute(s.staff, clubPledge.id, 100_000)).status).toBe(403);
    expect((await contribute(outsider, clubPledge.id, 100_000)).status).toBe(403);
    const zero = await contribute(member, clubPledge.id, 0);
    expect(zero.status).toBe(400);
    expect(JSON.stringify(await zero.json())).toContain('"field":"amount.amount"');
    const a = await contribute(member, clubPledge.id, 150_000);
    const b = await contribute(organiser, clubPledge.id, 250_000);
    expect([a.status, b.status]).toEqual([201, 201]);
    const pledgeA = await a.json();
    expect(pledgeA).toMatchObject({ display: 'anonymous', club: { clubId: club.id, clubPledgeId: clubPledge.id } });

    const figures = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/clubs`)).json();
    expect(figures.items).toMatchObject([{ clubName: 'At-Bashy people in Moscow', pledged: 400_000, received: 0, contributions: 2 }]);

    // A receipt for the member's pledge moves the club's `received` in its transaction.
    const booked = await call(s.app, s.staff, 'POST', `/pledges/${pledgeA.id}/receipts`, {
      amount: { amount: 150_000, currency: 'KGS' },
      receivedOn: today(),
      bankReference: `TX-CLUB-${randomUUID().slice(0, 6)}`,
    });
    expect(booked.status).toBe(201);
    const after = await (await call(s.app, undefined, 'GET', `/clubs/${club.id}`)).json();
    expect(after.pledges).toMatchObject([{ projectId: project.id, pledged: 400_000, received: 150_000 }]);

    // The public ledger names the club, never the member.
    const ledger = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger`)).json();
    const named = ledger.items.filter((e: { funder: string }) => e.funder === 'diaspora').map((e: { publicName: string }) => e.publicName);
    expect(named).toEqual(['At-Bashy people in Moscow', 'At-Bashy people in Moscow', 'At-Bashy people in Moscow']);

    // Leave: the organiser cannot (409); the member leaves once, then contributes no more (403); their pledge stays.
    expect((await call(s.app, organiser, 'DELETE', `/clubs/${club.id}/membership`)).status).toBe(409);
    expect(await (await call(s.app, member, 'DELETE', `/clubs/${club.id}/membership`)).json()).toEqual({ left: true });
    expect(await (await call(s.app, member, 'DELETE', `/clubs/${club.id}/membership`)).json()).toEqual({ left: false });
    expect((await contribute(member, clubPledge.id, 100_000)).status).toBe(403);
    expect((await call(s.app, member, 'GET', `/pledges/${pledgeA.id}`)).status).toBe(200);
    expect((await (await call(s.app, undefined, 'GET', `/clubs/${club.id}`)).json()).club.members).toBe(1);
  }, 60_000);

  it('removes memberships with the account; the pledges stay in the ledger', async () => {
    const fresh = s.investors[2]!;
    const club = await (await call(s.app, organiser, 'POST', '/clubs', clubBody('Naryn people in Bishkek'))).json();
    await call(s.app, fresh, 'PUT', `/clubs/${club.id}/membership`, { shown: true });
    const project = await s.project({ oblastSoate: NARYN_OBLAST, rayonSoate: AT_BASHY });
    const cp = await (await call(s.app, organiser, 'POST', `/clubs/${club.id}/pledges`, { projectId: project.id })).json();
    expect((await contribute(fresh, cp.id, 120_000)).status).toBe(201);
    expect((await (await call(s.app, undefined, 'GET', `/clubs/${club.id}`)).json()).club.members).toBe(2);
    expect((await call(s.app, fresh, 'DELETE', '/me')).status).toBe(200);
    const page = await (await call(s.app, undefined, 'GET', `/clubs/${club.id}`)).json();
    expect(page.club.members).toBe(1);
    expect(page.shownMembers).toEqual([]);
    expect(page.pledges).toMatchObject([{ pledged: 120_000, contributions: 1 }]);
  }, 60_000);
});
