import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '@mekendesh/db';
import { call, donation, moneyStack, pledge, type MoneyStack } from '../fixtures/money.js';

/** Issue 12 review: a club is one supporter of a project however many members contribute; a member's own pledge counts them. */
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(3);
}, 120_000);
afterAll(() => s.drop());

function contribute(token: string, clubPledgeId: string, amount: number) {
  return s.app.request(`/v1/club-pledges/${clubPledgeId}/contributions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${token}` },
    body: JSON.stringify({ amount: { amount, currency: 'KGS' }, channel: 'bank_transfer' }),
  });
}

/** The project's public funding figures (GET /v1/projects/{id}/funding). */
async function funding(projectId: string): Promise<{ pledged: number; supporters: number }> {
  return (await s.app.request(`/v1/projects/${projectId}/funding`)).json();
}
const supporters = async (projectId: string) => (await funding(projectId)).supporters;

describe('club supporters', () => {
  it('counts two members of one club as one supporter, and a member’s own plain pledge as theirs', async () => {
    const [organiser, member, other] = s.investors as [string, string, string];
    const club = await (
      await call(s.app, organiser, 'POST', '/clubs', {
        name: 'Naryn people in Bishkek',
        homeRayon: '41704220000000',
        residenceCountry: 'KG',
        residenceCity: 'Bishkek',
      })
    ).json();
    expect((await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: false })).status).toBe(200);
    const project = await s.project({ oblastSoate: '41704000000000', rayonSoate: '41704220000000' });
    const plain = (amount: number, token: string) => pledge(s.app, token, project.id, donation(amount));
    expect((await plain(50_000, other)).status).toBe(201);
    expect(await supporters(project.id)).toBe(1);

    const cp = await (await call(s.app, organiser, 'POST', `/clubs/${club.id}/pledges`, { projectId: project.id })).json();
    expect((await contribute(member, cp.id, 210_000)).status).toBe(201);
    expect(await supporters(project.id)).toBe(2);
    expect((await contribute(organiser, cp.id, 90_000)).status).toBe(201);
    expect((await contribute(member, cp.id, 60_000)).status).toBe(201);
    expect(await supporters(project.id)).toBe(2);

    // The member's own pledge, not through the club: they are a supporter of their own (once).
    expect((await plain(50_000, member)).status).toBe(201);
    expect((await plain(70_000, member)).status).toBe(201);
    expect(await supporters(project.id)).toBe(3);
    expect((await funding(project.id)).pledged).toBe(530_000);
    expect(await checkLedger(s.db)).toEqual([]);
  }, 60_000);
});
