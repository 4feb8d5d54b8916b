import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, moneyStack, type MoneyStack } from '../fixtures/money.js';

/**
 * Issue 12, second attack review: one club per name, home rayon and city missed look-alike names. A Cyrillic А, a
 * trailing dot or a Hangul filler as a space made a second "At-Bashy people in Moscow" beside the first. The name key
 * is now the names' confusable skeleton (packages/domain/src/name-skeleton.ts): each is 409 naming `name`.
 */
let s: MoneyStack;
const AT_BASHY = '41704220000000';

beforeAll(async () => {
  s = await moneyStack(3, { limits: { clubsPerDay: 20 } });
}, 120_000);
afterAll(() => s.drop());

const found = (token: string, name: string, city = 'Moscow') =>
  call(s.app, token, 'POST', '/clubs', { name, homeRayon: AT_BASHY, residenceCountry: 'RU', residenceCity: city });

async function clubNames(): Promise<string[]> {
  const res = await call(s.app, undefined, 'GET', `/clubs?rayon=${AT_BASHY}&limit=100`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { name: string }[] }).items.map((c) => c.name).sort();
}

describe('look-alike club names (issue 12, second attack review)', () => {
  it('refuses "Аt-Bashy" with a Cyrillic А, a trailing dot and a filler as a space beside "At-Bashy people in Moscow": 409 naming name', async () => {
    const [a, b] = s.investors as [string, string];
    expect((await found(a, 'At-Bashy people in Moscow')).status).toBe(201);
    for (const name of ['\u0410t-Bashy people in Moscow', 'At-Bashy people in Moscow.', 'At-Bashy\u3164people in Moscow']) {
      const res = await found(b, name);
      expect(res.status, name).toBe(409);
      const problem = (await res.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toEqual(['name']);
    }
    // A look-alike city is the same city.
    expect((await found(b, 'At-Bashy people in Moscow', 'M\u043escow')).status).toBe(409);
    expect(await clubNames()).toEqual(['At-Bashy people in Moscow']);
  });

  it('keeps the Kyrgyz name "Ат-Башы" and the Latin "At-Bashy" two clubs, and үй apart from уй', async () => {
    const [, b, c] = s.investors as [string, string, string];
    expect((await found(b, 'Ат-Башы people in Moscow')).status).toBe(201);
    expect((await found(c, 'Үйдөгүлөр Ат-Башы')).status).toBe(201);
    expect((await found(c, 'Уйдөгүлөр Ат-Башы')).status).toBe(201);
    expect(await clubNames()).toEqual(['At-Bashy people in Moscow', 'Ат-Башы people in Moscow', 'Уйдөгүлөр Ат-Башы', 'Үйдөгүлөр Ат-Башы']);
  });
});
