import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, moneyStack, today, type MoneyStack } from '../fixtures/money.js';

/**
 * A club pledge's figures are moved by ADD in the same transaction as each member's pledge and receipt: many members
 * at once give the exact sum, and a request sent twice with one Idempotency-Key (a retry, a double click) counts once.
 */
const MEMBERS = 12;
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(MEMBERS);
}, 180_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

function contribute(token: string, clubPledgeId: string, amount: number, key: string) {
  return s.app.request(`/v1/club-pledges/${clubPledgeId}/contributions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${token}` },
    body: JSON.stringify({ amount: { amount, currency: 'KGS' }, channel: 'money_transfer' }),
  });
}

describe('a club pledge under concurrent contributions', () => {
  it('equals the exact sum of its members’ pledges and receipts; duplicate keys do not double', async () => {
    const [organiser, ...others] = s.investors as [string, ...string[]];
    const club = await (
      await call(s.app, organiser, 'POST', '/clubs', {
        name: 'Talas people in Almaty',
        homeRayon: '41707215000000',
        residenceCountry: 'KZ',
        residenceCity: 'Almaty',
      })
    ).json();
    expect(club.id).toBeTruthy();
    await Promise.all(others.map((t) => call(s.app, t, 'PUT', `/clubs/${club.id}/membership`, { shown: false })));
    const project = await s.project({ oblastSoate: '41707000000000', rayonSoate: '41707215000000' });
    const cp = await (await call(s.app, organiser, 'POST', `/clubs/${club.id}/pledges`, { projectId: project.id })).json();

    // Every member at once, each request sent twice with its key: 12 pledges, not 24.
    const amounts = s.investors.map((_, i) => 100_000 + i * 1_337);
    const keys = amounts.map(() => randomUUID());
    const sent = await Promise.all([0, 1].flatMap(() => s.investors.map((t, i) => contribute(t, cp.id, amounts[i]!, keys[i]!))));
    const statuses = sent.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(MEMBERS);
    expect(statuses.filter((x) => x !== 201 && x !== 200)).toEqual([]);
    const pledges = await Promise.all(sent.map((r) => r.json()));
    const ids = new Set(pledges.map((p: { id: string }) => p.id));
    expect(ids.size).toBe(MEMBERS);

    const expected = amounts.reduce((a, b) => a + b, 0);
    const figures = async () => (await (await call(s.app, undefined, 'GET', `/projects/${project.id}/clubs`)).json()).items[0];
    expect(await figures()).toMatchObject({ pledged: expected, received: 0, contributions: MEMBERS });

    // Receipts for every pledge at once, one booked twice (the same bank reference): received is the exact sum.
    const byId = [...ids];
    const receipts = await Promise.all(
      [...byId, byId[0]!].map((id, i) =>
        call(s.app, s.staff, 'POST', `/pledges/${id}/receipts`, {
          amount: { amount: 50_000, currency: 'KGS' },
          receivedOn: today(),
          bankReference: `TX-CC-${i === byId.length ? 0 : i}`,
        }),
      ),
    );
    expect(receipts.filter((r) => r.status === 201)).toHaveLength(MEMBERS);
    expect(await figures()).toMatchObject({ pledged: expected, received: 50_000 * MEMBERS, contributions: MEMBERS });

    // The project's own totals hold the same money (a club is one supporter on the page, its members people in the count).
    const funding = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/funding`)).json();
    expect(funding).toMatchObject({ pledged: expected, raised: 50_000 * MEMBERS });
  }, 120_000);
});
