import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@mekendesh/contracts';
import { auditPut, transact } from '@mekendesh/db';
import { call, moneyStack, type MoneyStack } from '../fixtures/money.js';

/** The staff audit search (issue 13): by actor, object, action, Bishkek days; one bounded page with a signed cursor. */
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
  // 2026-07-01 in Bishkek is 2026-06-30T18:00Z .. 2026-07-01T18:00Z.
  const entries: [string, string, string, string, string][] = [
    ['2026-06-30T17:59:59.999Z', 'u-ann', 'project.approve', 'project', 'prj-a'], // 30 June, 23:59:59.999 Bishkek
    ['2026-06-30T18:00:00.000Z', 'u-ann', 'project.reject', 'project', 'prj-b'], // 1 July, 00:00 Bishkek
    ['2026-07-01T10:00:00.000Z', 'u-bob', 'receipt.record', 'pledge', 'plg-1'],
    ['2026-07-01T17:59:59.999Z', 'system', 'pledge.refund', 'pledge', 'plg-1'], // 1 July, last millisecond
    ['2026-07-01T18:00:00.000Z', 'u-ann', 'project.approve', 'project', 'prj-c'], // 2 July
    ['2026-07-03T09:00:00.000Z', 'u-bob', 'rates.correct', 'rates', '2026-07-03'],
  ];
  const items = entries.map(([at, actorId, action, objectType, objectId], i): AuditEntry => ({
    id: `aud-${i}`,
    at,
    actorId,
    actorRoles: ['staff'],
    action,
    objectType,
    objectId,
    reason: null,
    before: null,
    after: null,
  }));
  await transact(
    s.db,
    items.map((e) => auditPut(s.db, e)),
  );
}, 120_000);
afterAll(() => s.drop());

const search = async (query: string, token = s.staff) => {
  const res = await call(s.app, token, 'GET', `/audit?${query}`);
  return {
    status: res.status,
    body: (await res.json()) as { items: AuditEntry[]; nextCursor: string | null; errors?: { field: string }[] },
  };
};
const ids = (items: AuditEntry[]) => items.map((e) => e.id);

describe('audit search', () => {
  it('reads by actor, object and action, newest first', async () => {
    expect(ids((await search('actor=u-ann')).body.items)).toEqual(['aud-4', 'aud-1', 'aud-0']);
    expect(ids((await search('objectType=pledge&objectId=plg-1')).body.items)).toEqual(['aud-3', 'aud-2']);
    expect(ids((await search('action=project.approve')).body.items)).toEqual(['aud-4', 'aud-0']);
    expect(ids((await search('action=rates.correct')).body.items)).toEqual(['aud-5']);
  });

  it('takes from/to as Bishkek days, inclusive, on the whole log and on an index', async () => {
    expect(ids((await search('from=2026-07-01&to=2026-07-01')).body.items)).toEqual(['aud-3', 'aud-2', 'aud-1']);
    expect(ids((await search('actor=u-ann&from=2026-07-01&to=2026-07-01')).body.items)).toEqual(['aud-1']);
    expect(ids((await search('objectType=pledge&objectId=plg-1&to=2026-07-01')).body.items)).toEqual(['aud-3', 'aud-2']);
    expect(ids((await search('action=project.approve&from=2026-07-02')).body.items)).toEqual(['aud-4']);
    expect(ids((await search('to=2026-06-30')).body.items)).toEqual(['aud-0']);
  });

  it('pages with a signed cursor, never more than the limit, and refuses a cursor of another search', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.body.items));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['aud-5', 'aud-4', 'aud-3', 'aud-2', 'aud-1', 'aud-0']);
    const first = await search('limit=1&actor=u-ann');
    const other = await search(`limit=1&actor=u-bob&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    expect(other.status).toBe(400);
  });

  it('answers 400 naming the field for bad input, and 403 to non-staff', async () => {
    const field = async (q: string) => {
      const r = await search(q);
      expect(r.status, q).toBe(400);
      return JSON.stringify(r.body);
    };
    expect(await field('actor=u-ann&action=project.approve')).toContain('"query.action"');
    expect(await field('objectType=project')).toContain('"query.objectId"');
    expect(await field('objectId=prj-a')).toContain('"query.objectType"');
    expect(await field('from=2026-07-03&to=2026-07-01')).toContain('"query.to"');
    expect(await field('from=2026-13-01')).toContain('"query.from"');
    expect(await field('action=DROP TABLE')).toContain('"query.action"');
    expect(await field('limit=1000')).toContain('"query.limit"');
    expect((await search('', s.investors[0])).status).toBe(403);
  });
});
