import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, moneyStack, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const reason = 'NBKR feed late';
const put = (date: string, body: Record<string, unknown>, lang = 'en') =>
  s.app.request(`/v1/rates/${date}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${s.staff}`, 'content-type': 'application/json', 'accept-language': lang },
    body: JSON.stringify({ reason, ...body }),
  });
const usd = (value: string, nominal = 1) => ({ rates: [{ currency: 'USD', value, nominal }] });
const tables = async () => (await (await call(s.app, s.staff, 'GET', '/rates?limit=50')).json()) as { items: { date: string }[] };

describe('PUT /rates/{date} (issue 13 attacker finding: days, values, large changes)', () => {
  it('refuses a day before FIRST_RECEIPT_DAY or after today (Bishkek) with 400 naming date in ky/ru/en, storing nothing', async () => {
    const before = await tables();
    for (const date of ['2099-01-01', '0000-01-01', '2024-12-31']) {
      const res = await put(date, usd('87.5000'));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['date']);
    }
    const ru = await (await put('2099-01-01', usd('87.5000'), 'ru')).json();
    expect(ru.errors[0].message).toContain('2025-01-01');
    expect(ru.errors[0].message).toMatch(/Дата курсов/);
    const ky = await (await put('2099-01-01', usd('87.5000'), 'ky')).json();
    expect(ky.errors[0].message).toMatch(/Курстардын күнү/);
    expect(await tables()).toEqual(before);
    const rates = (await (await call(s.app, s.staff, 'GET', '/rates')).json()) as { items: { date: string; inForce: boolean }[] };
    expect(rates.items.some((t) => t.date === '2099-01-01')).toBe(false);
  });

  it('refuses a value above 100,000 som per nominal (400 naming rates.0.value)', async () => {
    const res = await put(today(), usd('999999.99999999'));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('rates.0.value');
  });

  it('refuses a change of more than half of the rate in force that day unless confirmed, saying old and new', async () => {
    const day = today();
    const big = await put(day, usd('200.0000'));
    expect(big.status).toBe(409);
    const problem = await big.json();
    expect(problem.errors[0].field).toBe('rates.0.value');
    expect(problem.errors[0].message).toContain('87.4500/1');
    expect(problem.errors[0].message).toContain('200.0000/1');
    // Per one unit: 8745.00 per 100 is the same rate as 87.45 per 1, so it is no large change.
    expect((await put(day, usd('8745.0000', 100))).status).toBe(200);
    const confirmed = await put(day, { ...usd('200.0000'), confirmLargeChange: true });
    expect(confirmed.status).toBe(200);
    expect((await confirmed.json()).rates.USD.value).toBe('200.0000');
    // A small correction of the (now manual) rate in force passes without confirming.
    expect((await put(day, usd('210.0000'))).status).toBe(200);
  });
});
