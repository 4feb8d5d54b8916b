/**
 * The staff audit and rates answers for people (issue 13, part C): GET /v1/audit names the page's actors (a deleted
 * account marked as such), GET /v1/rates pages stored tables newest first and marks the one in force per day even
 * when a day's tables fall on two pages; programme creation is audited in its own transaction.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList, RateTableList } from '@mekendesh/contracts';
import { call, moneyStack, programmeBody, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(2);
}, 120_000);
afterAll(async () => s?.drop());
afterEach(() => s.balanced());

const audit = async (query: string) => {
  const res = await call(s.app, s.staff, 'GET', `/audit?${query}`);
  expect(res.status, query).toBe(200);
  return (await res.json()) as AuditList;
};
const rates = (query = '', token = s.staff) => call(s.app, token, 'GET', `/rates${query}`);

describe('staff audit and rates API', () => {
  it('pages rate tables newest first; today’s manual table is in force, the demo one it replaced is not, across pages', async () => {
    const day = today();
    const put = await call(s.app, s.staff, 'PUT', `/rates/${day}`, {
      rates: [{ currency: 'USD', value: '88.1234', nominal: 1 }],
      reason: 'NBKR corrected its table',
    });
    expect(put.status).toBe(200);
    const first = (await (await rates('?limit=1')).json()) as RateTableList;
    expect(first.today).toBe(day);
    expect(first.items.map((t) => [t.date, t.source, t.inForce, t.reason])).toEqual([[day, 'manual', true, 'NBKR corrected its table']]);
    expect(first.nextCursor).toBeTruthy();
    const second = (await (await rates(`?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)).json()) as RateTableList;
    expect(second.items.map((t) => [t.date, t.source, t.inForce])).toEqual([[day, 'demo', false]]);
    expect(first.todayTables.at(-1)?.source).toBe('manual');
    expect(first.todayTables.at(-1)?.rates.USD?.value).toBe('88.1234');
  });

  it('rates: 403 for non-staff, 400 naming the field for a bad query', async () => {
    expect((await rates('', s.investors[0])).status).toBe(403);
    expect((await rates('')).status).toBe(200);
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=abc', 'limit'],
      ['?sort=old', 'sort'],
    ] as const) {
      const res = await rates(query);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(await res.json()), query).toContain(field);
    }
  });

  it('names the actors of the page, and programme creation is audited by the staff member who made it', async () => {
    const created = await call(s.app, s.staff, 'POST', '/programmes', programmeBody());
    expect(created.status).toBe(201);
    const programme = (await created.json()) as { id: string };
    const page = await audit(`action=programme.create`);
    const entry = page.items.find((e) => e.objectId === programme.id);
    expect(entry).toMatchObject({ objectType: 'programme', actorRoles: ['staff'] });
    const me = (await (await call(s.app, s.staff, 'GET', '/me')).json()) as { id: string; profile: { displayName: string } };
    expect(entry!.actorId).toBe(me.id);
    expect(page.actors).toContainEqual({ id: me.id, displayName: me.profile.displayName, deleted: false });
  });

  it('marks an actor whose account was deleted', async () => {
    const leaver = s.investors[1]!;
    const me = (await (await call(s.app, leaver, 'GET', '/me')).json()) as { id: string };
    expect((await call(s.app, leaver, 'DELETE', '/me')).status).toBe(200);
    const page = await audit(`actor=${encodeURIComponent(me.id)}`);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.actors).toEqual([{ id: me.id, displayName: null, deleted: true }]);
  });
});
