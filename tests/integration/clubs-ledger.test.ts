import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger, clubPledgeEntity } from '@mekendesh/db';
import { call, moneyStack, today, type MoneyStack } from '../fixtures/money.js';

/** `pnpm ledger:check` recomputes each club pledge's pledged/received/contributions from its members' pledges. */
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(2);
}, 120_000);
afterAll(() => s.drop());

function contribute(token: string, clubPledgeId: string, amount: number) {
  return s.app.request(`/v1/club-pledges/${clubPledgeId}/contributions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${token}` },
    body: JSON.stringify({ amount: { amount, currency: 'KGS' }, channel: 'bank_transfer' }),
  });
}

describe('ledger check of club pledges', () => {
  it('passes a correct history and reports a tampered club pledge total', async () => {
    const [organiser, member] = s.investors as [string, string];
    const club = await (
      await call(s.app, organiser, 'POST', '/clubs', {
        name: 'Kochkor people in Kazan',
        homeRayon: '41704220000000',
        residenceCountry: 'RU',
        residenceCity: 'Kazan',
      })
    ).json();
    expect(club.id).toBeTruthy();
    expect((await call(s.app, member, 'PUT', `/clubs/${club.id}/membership`, { shown: false })).status).toBe(200);
    const project = await s.project({ oblastSoate: '41704000000000', rayonSoate: '41704220000000' });
    const cp = await (await call(s.app, organiser, 'POST', `/clubs/${club.id}/pledges`, { projectId: project.id })).json();
    const a = await contribute(member, cp.id, 210_000);
    expect((await contribute(organiser, cp.id, 90_000)).status).toBe(201);
    expect(a.status).toBe(201);
    const received = await call(s.app, s.staff, 'POST', `/pledges/${(await a.json()).id}/receipts`, {
      amount: { amount: 200_000, currency: 'KGS' },
      receivedOn: today(),
      bankReference: `TX-LC-${randomUUID().slice(0, 6)}`,
    });
    expect(received.status).toBe(201);
    expect(await checkLedger(s.db)).toEqual([]);

    // Tampered: 1 tyiyn more pledged and one contribution less than the members' pledges add up to.
    await s.db.doc.send(
      new UpdateCommand({
        TableName: s.db.tableName,
        Key: clubPledgeEntity.key({ id: cp.id }),
        UpdateExpression: 'ADD pledged :one, contributions :less',
        ExpressionAttributeValues: { ':one': 1, ':less': -1 },
      }),
    );
    expect(await checkLedger(s.db)).toEqual([
      { scope: 'club-pledge', id: cp.id, field: 'pledged', stored: 300_001, ledger: 300_000 },
      { scope: 'club-pledge', id: cp.id, field: 'contributions', stored: 1, ledger: 2 },
    ]);
  }, 60_000);
});
