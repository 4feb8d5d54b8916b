import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clubMemberEntity } from '@mekendesh/db';
import { call, moneyStack, type MoneyStack } from '../fixtures/money.js';

/** Issue 12 gaps: an organiser's deleted account leaves no headless club; the public member list pages shown names only. */
let s: MoneyStack;
const AT_BASHY = '41704220000000';
beforeAll(async () => {
  s = await moneyStack(5);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const found = async (token: string, name: string) =>
  (await (
    await call(s.app, token, 'POST', '/clubs', { name, homeRayon: AT_BASHY, residenceCountry: 'RU', residenceCity: 'Moscow' })
  ).json()) as { id: string };
const page = async (clubId: string, token?: string, cursor?: string) => {
  const res = await call(s.app, token, 'GET', `/clubs/${clubId}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
  expect(res.status).toBe(200);
  return res.json();
};
const join = (token: string, clubId: string) => call(s.app, token, 'PUT', `/clubs/${clubId}/membership`, { shown: false });
const open = (token: string, clubId: string, projectId: string) => call(s.app, token, 'POST', `/clubs/${clubId}/pledges`, { projectId });

describe('the organiser deletes their account', () => {
  it('hands the organiser role to the longest-standing remaining member, with the membership removal', async () => {
    const [organiser, first, second] = s.investors.slice(0, 3) as [string, string, string];
    const club = await found(organiser, 'Ak-Muz people in Moscow');
    expect((await join(first, club.id)).status).toBe(200);
    expect((await join(second, club.id)).status).toBe(200);
    expect((await call(s.app, organiser, 'DELETE', '/me')).status).toBe(200);

    const after = await page(club.id, first);
    expect(after.club.members).toBe(2);
    expect(after.club).not.toHaveProperty('organiserId');
    expect(after.club.closed).toBeUndefined();
    expect(after.organiser).toBe(true);
    expect((await page(club.id, second)).organiser).toBe(false);
    // The new organiser opens club pledges; the other member still may not.
    const project = await s.project({ oblastSoate: '41704000000000', rayonSoate: AT_BASHY });
    expect((await open(second, club.id, project.id)).status).toBe(403);
    expect((await open(first, club.id, project.id)).status).toBe(201);
  }, 60_000);

  it('closes the club to new club pledges when no member remains; its open club pledge still takes contributions', async () => {
    const [organiser, newcomer] = s.investors.slice(3, 5) as [string, string];
    const club = await found(organiser, 'Kazarman people in Tyumen');
    const project = await s.project({ oblastSoate: '41704000000000', rayonSoate: AT_BASHY });
    const cp = await (await open(organiser, club.id, project.id)).json();
    expect((await call(s.app, organiser, 'DELETE', '/me')).status).toBe(200);

    const after = await page(club.id);
    expect(after.club).toMatchObject({ members: 0, closed: true });
    expect((await join(newcomer, club.id)).status).toBe(200);
    const other = await s.project({ oblastSoate: '41704000000000', rayonSoate: AT_BASHY });
    const refused = await s.app.request(`/v1/clubs/${club.id}/pledges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${newcomer}`, 'accept-language': 'ru' },
      body: JSON.stringify({ projectId: other.id }),
    });
    expect(refused.status).toBe(409);
    expect((await refused.json()).detail).toBe('Клуб больше не открывает новые взносы: у него нет организатора');
    const given = await s.app.request(`/v1/club-pledges/${cp.id}/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), authorization: `Bearer ${newcomer}` },
      body: JSON.stringify({ amount: { amount: 80_000, currency: 'KGS' }, channel: 'bank_transfer' }),
    });
    expect(given.status).toBe(201);
  }, 60_000);
});

describe('the public member list', () => {
  it('pages the shown members however many hide (120 hidden members ahead of 60 shown)', async () => {
    // Founded by an investor whose account the tests above keep.
    const { id: clubId } = await found(s.investors[1]!, 'Naryn people in Istanbul');
    const member = (i: number, shown: boolean) => {
      const m = {
        clubId,
        userId: `u-${shown ? 's' : 'h'}${i}`,
        shown,
        displayName: shown ? `Shown ${String(i).padStart(2, '0')}` : null,
        // Hidden members joined first: a read of the first 100 members would find no shown one.
        joinedAt: new Date(Date.UTC(2026, 0, 1, shown ? 12 : 0, 0, i)).toISOString(),
      };
      return { PutRequest: { Item: clubMemberEntity.item(m) } };
    };
    const items = [...Array.from({ length: 120 }, (_, i) => member(i, false)), ...Array.from({ length: 60 }, (_, i) => member(i, true))];
    for (let i = 0; i < items.length; i += 25)
      await s.db.doc.send(new BatchWriteCommand({ RequestItems: { [s.db.tableName]: items.slice(i, i + 25) } }));

    const first = await page(clubId);
    expect(first.shownMembers.map((m: { displayName: string }) => m.displayName)).toEqual(
      Array.from({ length: 50 }, (_, i) => `Shown ${String(i).padStart(2, '0')}`),
    );
    expect(first.shownMembersNext).toEqual(expect.any(String));
    const second = await page(clubId, undefined, first.shownMembersNext);
    expect(second.shownMembers.map((m: { displayName: string }) => m.displayName)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Shown ${String(i + 50).padStart(2, '0')}`),
    );
    expect(second.shownMembersNext).toBeNull();
    const forged = await call(s.app, undefined, 'GET', `/clubs/${clubId}?cursor=not-a-cursor`);
    expect(forged.status).toBe(400);
    expect(JSON.stringify(await forged.json())).toContain('"field":"cursor"');
  }, 60_000);
});
