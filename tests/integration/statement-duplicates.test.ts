import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';

// Issue 9, "Hardening": a transfer booked by hand is not booked again from a statement; a line quoting two
// payment references, an unterminated quote and impossible dates are reported, not booked.
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

interface Row {
  line: number;
  status: string;
  reason: string | null;
  duplicateOf: { receiptId: string; receivedOn: string; bankReference: string } | null;
}
const receipt = (pledgeId: string, body: Record<string, unknown>) => call(s.app, s.staff, 'POST', `/pledges/${pledgeId}/receipts`, body);
const statement = async (path: 'preview' | 'commit', body: Record<string, unknown>) => {
  const res = await call(s.app, s.staff, 'POST', `/staff/statements/${path}`, body);
  expect(res.status).toBe(200);
  return (await res.json()) as { rows: Row[]; counts: Record<string, number> };
};
const received = async (pledgeId: string) =>
  (await (await call(s.app, s.staff, 'GET', `/pledges/${pledgeId}`)).json()).received?.amount ?? 0;
const newPledge = async (amount = 100_000) => {
  const project = await s.project();
  return (await pledge(s.app, s.investors[0]!, project.id, donation(amount))).json();
};
const dotted = (day: string) => day.split('-').reverse().join('.');

describe('a transfer booked by hand and again from a statement', () => {
  it("the attacker's input: receipt FT-777 by hand, then the statement line without a bank reference is a possible duplicate, booked only when confirmed, and once", async () => {
    const k = await newPledge(100_000);
    expect(
      (await receipt(k.id, { amount: { amount: 10_000, currency: 'KGS' }, receivedOn: '2026-11-29', bankReference: 'FT-776' })).status,
    ).toBe(201);
    expect(
      (await receipt(k.id, { amount: { amount: 5_000, currency: 'KGS' }, receivedOn: '2026-11-29', bankReference: 'FT-777' })).status,
    ).toBe(201);
    expect(await received(k.id)).toBe(15_000);
    const csv = `Дата;Сумма;Валюта;Назначение\n29.11.2026;50,00;KGS;Пожертвование ${k.paymentReference}`;

    const preview = await statement('preview', { csv });
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      status: 'duplicate',
      reason: 'possible_duplicate',
      pledgeId: k.id,
      duplicateOf: { receiptId: 'bank:FT-777', receivedOn: '2026-11-29', bankReference: 'FT-777', source: 'manual' },
    });
    expect(preview.counts).toMatchObject({ matched: 0, duplicate: 1 });
    const committed = await statement('commit', { csv });
    expect(committed.rows[0]).toMatchObject({ status: 'duplicate', reason: 'possible_duplicate' });
    expect(await received(k.id)).toBe(15_000);

    // Staff say it is another transfer: it is booked, once, however often the statement is committed.
    const ru = await s.app.request('/v1/staff/statements/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.staff}` },
      body: JSON.stringify({ csv, confirmedDuplicates: [2] }),
    });
    expect((await ru.json()).rows[0]).toMatchObject({ status: 'matched', reason: null });
    const confirmed = await statement('commit', { csv, confirmedDuplicates: [2] });
    expect(confirmed.rows[0]).toMatchObject({ status: 'booked' });
    expect(await received(k.id)).toBe(20_000);
    const again = await statement('commit', { csv, confirmedDuplicates: [2] });
    expect(again.rows[0]).toMatchObject({ status: 'duplicate', reason: 'already_booked' });
    expect(await received(k.id)).toBe(20_000);
  });

  it("the other way round: a statement line first, then the same money by hand is a 409 naming confirmDuplicate, in the caller's language, until confirmed", async () => {
    const k = await newPledge();
    const day = today();
    expect(
      (await statement('commit', { csv: `date,amount,currency,description\n${day},300.00,KGS,${k.paymentReference} Асанов` })).counts
        .booked,
    ).toBe(1);
    const body = { amount: { amount: 30_000, currency: 'KGS' }, receivedOn: day, bankReference: 'FT-900' };
    const refused = await s.app.request(`/v1/pledges/${k.id}/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.staff}`, 'accept-language': 'ru' },
      body: JSON.stringify(body),
    });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = await refused.json();
    expect(problem.errors[0].field).toBe('confirmDuplicate');
    expect(problem.errors[0].message).toContain(`${k.paymentReference} Асанов`);
    expect(problem.errors[0].message).toContain('Всё равно провести');
    expect(await received(k.id)).toBe(30_000);
    // Another amount, or another bank reference of a transfer booked by hand, is not a duplicate.
    expect((await receipt(k.id, { ...body, amount: { amount: 30_001, currency: 'KGS' } })).status).toBe(201);
    expect((await receipt(k.id, { ...body, amount: { amount: 30_001, currency: 'KGS' }, bankReference: 'FT-901' })).status).toBe(201);
    expect((await receipt(k.id, { ...body, bankReference: 'FT-902' })).status).toBe(409);
    expect((await receipt(k.id, { ...body, bankReference: 'FT-902', confirmDuplicate: true })).status).toBe(201);
    expect(await received(k.id)).toBe(30_000 + 30_001 * 2 + 30_000);
  });

  it('one export with a transaction-id column and another without: the second is a possible duplicate; two lines of one file for the same money too', async () => {
    const k = await newPledge();
    const day = today();
    const withId = `date;amount;currency;description;transaction_id\n${dotted(day)};700,00;KGS;${k.paymentReference};TX-${Date.now()}`;
    expect((await statement('commit', { csv: withId })).counts.booked).toBe(1);
    const without = `date;amount;currency;description\n${dotted(day)};700,00;KGS;Перевод ${k.paymentReference}\n${dotted(day)};400,00;KGS;${k.paymentReference} a\n${dotted(day)};400,00;KGS;${k.paymentReference} b`;
    const preview = await statement('preview', { csv: without });
    expect(preview.rows.map((r) => [r.status, r.reason])).toEqual([
      ['duplicate', 'possible_duplicate'],
      ['matched', null],
      ['duplicate', 'possible_duplicate'],
    ]);
    expect(preview.rows[2]!.duplicateOf).toMatchObject({ receivedOn: day, bankReference: `${k.paymentReference} a` });
    const committed = await statement('commit', { csv: without });
    expect(committed.rows.map((r) => r.status)).toEqual(['duplicate', 'booked', 'duplicate']);
    expect(await received(k.id)).toBe(70_000 + 40_000);
  });
});

describe('lines a statement cannot book', () => {
  it('a line quoting two payment references is not booked on the first (several_references)', async () => {
    const [a, b] = [await newPledge(), await newPledge()];
    const csv = `date,amount,currency,description\n${today()},500.00,KGS,За ${a.paymentReference} и ${b.paymentReference}\n${today()},500.00,KGS,${a.paymentReference} ${a.paymentReference.toLowerCase()}`;
    const preview = await statement('preview', { csv });
    expect(preview.rows.map((r) => [r.status, r.reason])).toEqual([
      ['unmatched', 'several_references'],
      ['matched', null],
    ]);
    expect(preview.rows[0]).toMatchObject({ paymentReference: null, pledgeId: null });
    expect((await statement('commit', { csv })).rows.map((r) => r.status)).toEqual(['unmatched', 'booked']);
    expect([await received(a.id), await received(b.id)]).toEqual([50_000, 0]);
  });

  it('an unterminated quote is reported on its line and the next line is read (and booked) on its own', async () => {
    const [a, b] = [await newPledge(), await newPledge()];
    const csv = `Дата;Сумма;Валюта;Назначение\n${dotted(today())};50,00;KGS;"Пожертвование ${a.paymentReference}\n${dotted(today())};60,00;KGS;${b.paymentReference}\n`;
    const preview = await statement('preview', { csv });
    expect(preview.rows.map((r) => [r.line, r.status, r.reason])).toEqual([
      [2, 'invalid', 'quote_unterminated'],
      [3, 'matched', null],
    ]);
    expect((await statement('commit', { csv })).counts).toMatchObject({ booked: 1, invalid: 1 });
    expect([await received(a.id), await received(b.id)]).toEqual([0, 6_000]);
  });

  it('KGS lines dated 2099-12-31, 1900-01-01, 2020-01-01 or tomorrow are date_out_of_range, and so is such a receipt by hand (400 on receivedOn)', async () => {
    const k = await newPledge();
    const tomorrow = new Date(Date.now() + 86_400_000 + 6 * 3_600_000).toISOString().slice(0, 10);
    const days = ['2099-12-31', '1900-01-01', '2020-01-01', tomorrow];
    const csv = `date,amount,currency,description\n${days.map((d) => `${d},10.00,KGS,${k.paymentReference} ${d}`).join('\n')}\n${today()},10.00,KGS,${k.paymentReference}`;
    const preview = await statement('preview', { csv });
    expect(preview.rows.map((r) => [r.status, r.reason])).toEqual([...days.map(() => ['invalid', 'date_out_of_range']), ['matched', null]]);
    expect((await statement('commit', { csv })).counts).toMatchObject({ booked: 1, invalid: 4 });
    expect(await received(k.id)).toBe(1_000);
    for (const receivedOn of days) {
      const res = await receipt(k.id, { amount: { amount: 1_000, currency: 'KGS' }, receivedOn, bankReference: `FT-${receivedOn}` });
      expect([res.status, (await res.json()).errors?.[0]?.field]).toEqual([400, 'receivedOn']);
    }
    expect(await received(k.id)).toBe(1_000);
  });
});
