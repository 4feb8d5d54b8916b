import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR } from '@mekendesh/contracts';
import { newConfirmedInvestor, post, signInToken } from '../fixtures/auth-stack.js';
import { call, donation, moneyStack, pledge, type MoneyStack } from '../fixtures/money.js';

/**
 * Issue 12 attack review of hometown clubs: no account id in public answers, contribution messages reach the officers,
 * a per-person limit and one club per name, rayon and city (also when founded at once), officers' own projects.
 */
let s: MoneyStack;
let officer: { token: string; email: string; organisationId: string };
const AT_BASHY = '41704220000000';
const NARYN_OBLAST = '41704000000000';

beforeAll(async () => {
  s = await moneyStack(5, { limits: { clubsPerDay: 3 } });
  const email = await newConfirmedInvestor(s.app, 'club-officer');
  const applied = await post(
    s.app,
    '/organisations',
    {
      name: { en: 'Club review ayil okmotu' },
      kind: 'ayil_okmotu',
      territorySoate: AT_BASHY,
      applicantPosition: 'Head',
      contactPhone: '+996 700 111 333',
      contactEmail: 'clubs@example.kg',
    },
    await signInToken(s.app, email),
  );
  const { id } = (await applied.json()) as { id: string };
  expect((await post(s.app, `/organisations/${id}/approve`, {}, s.staff)).status).toBe(200);
  officer = { token: await signInToken(s.app, email), email, organisationId: id };
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const body = (name: string, city = 'Moscow') => ({ name, homeRayon: AT_BASHY, residenceCountry: 'RU', residenceCity: city });
const found = (token: string, name: string, city?: string) => call(s.app, token, 'POST', '/clubs', body(name, city));
const userId = async (token: string) => ((await (await call(s.app, token, 'GET', '/me')).json()) as { id: string }).id;

function contribute(token: string, clubPledgeId: string, amount: number, extra: Record<string, unknown> = {}, key = randomUUID()) {
  return s.app.request(`/v1/club-pledges/${clubPledgeId}/contributions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${token}` },
    body: JSON.stringify({ amount: { amount, currency: 'KGS' }, channel: 'bank_transfer', ...extra }),
  });
}

/** A club of `organiser` with `member` in it and a club pledge on a new published project of `organisationId`. */
async function clubWithPledge(organiser: string, member: string, name: string, organisationId?: string) {
  const club = (await (await found(organiser, name, 'Yekaterinburg')).json()) as { id: string };
  expect((await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: true })).status).toBe(200);
  const project = await s.project({ oblastSoate: NARYN_OBLAST, rayonSoate: AT_BASHY, ...(organisationId ? { organisationId } : {}) });
  const opened = await call(s.app, organiser, 'POST', `/clubs/${club.id}/pledges`, { projectId: project.id });
  expect(opened.status).toBe(201);
  return { club, project, clubPledge: (await opened.json()) as { id: string } };
}

describe('clubs after the attack review', () => {
  it('puts no account id in any public answer about clubs, their projects, ledgers or questions', async () => {
    const [organiser, member] = s.investors as [string, string];
    const { club, project, clubPledge } = await clubWithPledge(organiser, member, 'Kara-Suu people in Yekaterinburg');
    expect((await contribute(member, clubPledge.id, 150_000, { message: 'For the roof' })).status).toBe(201);
    const ids = [await userId(organiser), await userId(member)];
    const publicPaths = [
      `/clubs?rayon=${AT_BASHY}`,
      `/clubs?oblast=${NARYN_OBLAST}`,
      `/clubs/${club.id}`,
      `/projects/${project.id}`,
      `/projects/${project.id}/clubs`,
      `/projects/${project.id}/ledger`,
      `/projects/${project.id}/questions`,
    ];
    for (const path of publicPaths) {
      const res = await call(s.app, undefined, 'GET', path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text, path).not.toMatch(/organiserId|investorId|userId|askerId/);
      for (const id of ids) expect(text.includes(id), `${path} holds ${id}`).toBe(false);
    }
    // The page still tells the organiser it is theirs, and only them.
    expect((await (await call(s.app, organiser, 'GET', `/clubs/${club.id}`)).json()).organiser).toBe(true);
    expect((await (await call(s.app, member, 'GET', `/clubs/${club.id}`)).json()).organiser).toBe(false);
  }, 60_000);

  it("emails a new club contribution's message to the project's officers once (not again on a replay)", async () => {
    const [organiser, member] = s.investors.slice(1, 3) as [string, string];
    const { clubPledge } = await clubWithPledge(organiser, member, 'Ak-Moyun people in Yekaterinburg', officer.organisationId);
    const key = randomUUID();
    const first = await contribute(member, clubPledge.id, 120_000, { message: 'From the Kara-Suu lads' }, key);
    expect(first.status).toBe(201);
    const replay = await contribute(member, clubPledge.id, 120_000, { message: 'From the Kara-Suu lads' }, key);
    expect(replay.status).toBe(200);
    expect((await contribute(member, clubPledge.id, 90_000)).status).toBe(201);
    const mails = (await s.deps.outbox!.latest(200)).filter((m) => m.to === officer.email && m.subject.includes('came with a message'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('From the Kara-Suu lads');
  }, 60_000);

  it('refuses an officer a club pledge on their own organisation’s project (403 in their language), and writes none', async () => {
    const club = (await (await found(officer.token, 'Officers of At-Bashy in Bishkek', 'Bishkek')).json()) as { id: string };
    const own = await s.project({ oblastSoate: NARYN_OBLAST, rayonSoate: AT_BASHY, organisationId: officer.organisationId });
    const refused = await s.app.request(`/v1/clubs/${club.id}/pledges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer.token}`, 'accept-language': 'ky' },
      body: JSON.stringify({ projectId: own.id }),
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).detail).toBe(
      'Өз уюмуңуздун долбооруна клубдун салымын ача албайсыз: анын кызматкерлери ага салым кошпойт',
    );
    expect((await (await call(s.app, undefined, 'GET', `/projects/${own.id}/clubs`)).json()).items).toEqual([]);
    // Another organisation's project is theirs to support.
    const other = await s.project({ oblastSoate: NARYN_OBLAST, rayonSoate: AT_BASHY });
    expect((await call(s.app, officer.token, 'POST', `/clubs/${club.id}/pledges`, { projectId: other.id })).status).toBe(201);
  }, 60_000);

  it('refuses a second club of the same name for the rayon and city (409 naming `name`), also when both are founded at once', async () => {
    const [a, b] = s.investors.slice(3, 5) as [string, string];
    expect((await found(a, 'Naryn people in Kazan', 'Kazan')).status).toBe(201);
    const again = await found(b, '  naryn\u200b PEOPLE in kazan ', ' kazan');
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain('"field":"name"');
    // The same name in another city is another club.
    expect((await found(b, 'Naryn people in Kazan', 'Tyumen')).status).toBe(201);
    // Two at once with one new name: exactly one is written.
    const both = await Promise.all([found(a, 'At-Bashy people in Omsk', 'Omsk'), found(b, 'AT-BASHY people in Omsk', 'Omsk')]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const listed = (await (await call(s.app, undefined, 'GET', `/clubs?rayon=${AT_BASHY}&limit=100`)).json()) as {
      items: { name: string }[];
    };
    expect(listed.items.filter((c) => c.name.toLowerCase().includes('omsk'))).toHaveLength(1);
  }, 60_000);

  it('lets one person found 3 clubs a Bishkek day: 10 at once give 3 clubs and 429s with Retry-After in their language', async () => {
    const founder = await signInToken(s.app, await newConfirmedInvestor(s.app, 'club-founder'));
    const tries = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        s.app.request('/v1/clubs', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${founder}`, 'accept-language': 'ru' },
          body: JSON.stringify(body(`Burst club ${i}`, 'Novosibirsk')),
        }),
      ),
    );
    const statuses = tries.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(3);
    expect(statuses.filter((x) => x === 429)).toHaveLength(7);
    const limited = tries.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).detail).toMatch(/^Вы создали слишком много клубов за сегодня/);
    const listed = (await (await call(s.app, undefined, 'GET', `/clubs?rayon=${AT_BASHY}&limit=100`)).json()) as {
      items: { name: string }[];
    };
    expect(listed.items.filter((c) => c.name.startsWith('Burst club'))).toHaveLength(3);
  }, 60_000);

  it('holds club contributions to exactly the amount rules of plain pledges (over-pledging a goal is allowed to both)', async () => {
    const [organiser, member] = s.investors as [string, string];
    const { project, clubPledge } = await clubWithPledge(organiser, member, 'Bash-Kaiyndy people in Yekaterinburg');
    const plain = (amount: number) => pledge(s.app, member, project.id, donation(amount));
    // Beyond one amount's maximum: 400 on the same field both ways.
    for (const res of [await plain(MAX_AMOUNT_MINOR + 1), await contribute(member, clubPledge.id, MAX_AMOUNT_MINOR + 1)]) {
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('"field":"amount.amount"');
    }
    // Below the project's minimum: refused both ways.
    const below = project.minimumPledge - 1;
    expect([(await plain(below)).status, (await contribute(member, clubPledge.id, below)).status]).toEqual([400, 400]);
    // The largest single amount is taken both ways, whatever the goal: pledges are promises, the goal is not a cap.
    expect(MAX_AMOUNT_MINOR).toBeGreaterThan(project.goal);
    expect([(await plain(MAX_AMOUNT_MINOR)).status, (await contribute(member, clubPledge.id, MAX_AMOUNT_MINOR)).status]).toEqual([
      201, 201,
    ]);
  }, 60_000);
});
