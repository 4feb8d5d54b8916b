import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, moneyStack, type MoneyStack } from '../fixtures/money.js';

/**
 * Issue 12, second attack review: `{"q":"ｒｏｏｆ school"}` saved as a second search beside `{"q":"roof school"}` (its
 * id came from other words), and discovery dropped the fullwidth word. Search words are NFKC now (contracts textWords):
 * the same search, the same saved-search id.
 */
let s: MoneyStack;
let roofId: string;

beforeAll(async () => {
  s = await moneyStack(1);
  roofId = (await s.project({ title: { ky: 'Мектептин чатыры', ru: 'Крыша школы', en: 'Village school roof' } })).id;
  await s.project({ title: { ky: 'Суу түтүгү', ru: 'Водопровод', en: 'Water pipe' } });
}, 120_000);
afterAll(() => s.drop());

async function found(q: string): Promise<string[]> {
  const res = await call(s.app, undefined, 'GET', `/projects?q=${encodeURIComponent(q)}`);
  expect(res.status, q).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((p) => p.id);
}

describe('fullwidth search words (issue 12, second attack review)', () => {
  it('GET /v1/projects?q=ｒｏｏｆ finds what q=roof finds', async () => {
    const roof = await found('roof');
    expect(roof).toContain(roofId);
    expect(await found('ｒｏｏｆ')).toEqual(roof);
    expect(await found('ＲＯＯＦ　ｓｃｈｏｏｌ')).toEqual(await found('roof school'));
  });

  it('saves "ｒｏｏｆ school" as the one saved search of "roof school": same id, answered 200 the second time', async () => {
    const investor = s.investors[0]!;
    const first = await call(s.app, investor, 'POST', '/me/saved-searches', { query: { q: 'roof school' } });
    expect(first.status).toBe(201);
    const again = await call(s.app, investor, 'POST', '/me/saved-searches', { query: { q: 'ｒｏｏｆ school' } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    const mine = (await (await call(s.app, investor, 'GET', '/me/follows')).json()) as { searches: unknown[] };
    expect(mine.searches).toHaveLength(1);
  });
});
