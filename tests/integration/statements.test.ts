import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paymentReference } from '@mekendesh/domain';
import { cp1251 } from '../fixtures/encodings.js';
import { call, donation, moneyStack, pledge, programmeBody, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const funding = async (id: string) => (await call(s.app, undefined, 'GET', `/projects/${id}/funding`)).json();

describe('bank statement import', () => {
  it('previews matches by payment reference, books them on commit, and books nothing twice', async () => {
    const project = await s.project();
    const a = await (await pledge(s.app, s.investors[0]!, project.id, donation(100_000))).json();
    const b = await (await pledge(s.app, s.investors[0]!, project.id, donation(10_000, 'USD'))).json();
    const stranger = paymentReference();
    const csv = [
      'date,amount,currency,description',
      `${today()},"1 000,00",KGS,Payment ${a.paymentReference}`,
      `${today()},100.00,USD,for the school ${b.paymentReference.replace(/-/g, '')}`,
      `${today()},50.00,KGS,no reference at all`,
      `${today()},abc,KGS,${a.paymentReference}`,
      `${today()},"1 000,00",KGS,Payment ${a.paymentReference}`,
      `${today()},10.00,KGS,${stranger}`,
    ].join('\n');
    const preview = await (await call(s.app, s.staff, 'POST', '/staff/statements/preview', { csv })).json();
    expect(preview.counts).toEqual({ matched: 2, unmatched: 2, duplicate: 1, invalid: 1, ambiguous: 0, booked: 0 });
    expect(preview.rows.map((r: { reason: string | null }) => r.reason)).toEqual([
      null,
      null,
      'no_reference',
      'amount_invalid',
      'repeated_in_statement',
      'unknown_reference',
    ]);
    expect(preview.rows[0]).toMatchObject({
      status: 'matched',
      pledgeId: a.id,
      paymentReference: a.paymentReference,
      amount: { amount: 100_000, currency: 'KGS' },
    });
    expect(preview.rows[5]).toMatchObject({ status: 'unmatched', reason: 'unknown_reference', paymentReference: stranger });
    expect((await funding(project.id)).raised).toBe(0);

    const committed = await (await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv })).json();
    expect(committed.counts).toMatchObject({ booked: 2, duplicate: 1, invalid: 1, unmatched: 2 });
    expect((await funding(project.id)).raised).toBe(100_000 + 874_500);
    await s.balanced();

    const [again, twice] = await Promise.all(
      [1, 2].map(async () => (await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv })).json()),
    );
    for (const r of [again, twice]) expect(r.counts.booked).toBe(0);
    expect((await funding(project.id)).raised).toBe(100_000 + 874_500);
    const mine = await (await call(s.app, s.investors[0], 'GET', `/pledges/${a.id}`)).json();
    expect(mine).toMatchObject({ status: 'received', receipts: 1 });
  });

  it("refuses a statement without the needed columns with 400 naming csv (or content), in the caller's language", async () => {
    const res = await call(s.app, s.staff, 'POST', '/staff/statements/preview', { csv: 'when,what\n1,2' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('csv');
    const ru = await s.app.request('/v1/staff/statements/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.staff}`, 'accept-language': 'ru' },
      body: JSON.stringify({ content: Buffer.from(cp1251('Когда;Сколько\n1;2')).toString('base64') }),
    });
    expect(await ru.json()).toMatchObject({
      status: 400,
      errors: [{ field: 'content', message: 'В строке заголовков нет столбца даты (date, дата или күнү).' }],
    });
    for (const [body, field] of [
      [{ csv: 'date,amount,currency,description\n', content: 'ZGF0ZQ==' }, 'csv'],
      [{ content: 'ZGF0ZQ==', encoding: 'koi8-r' }, 'encoding'],
      [{ content: 'not base64!' }, 'content'],
    ] as const) {
      const bad = await call(s.app, s.staff, 'POST', '/staff/statements/preview', body);
      expect([bad.status, (await bad.json()).errors[0].field]).toEqual([400, field]);
    }
  });

  it("reads a Windows-1251 statement as uploaded and books it with the payers' names intact; a line that did not decode is never booked", async () => {
    const project = await s.project();
    const a = await (await pledge(s.app, s.investors[0]!, project.id, donation(150_000))).json();
    const b = await (await pledge(s.app, s.investors[0]!, project.id, donation(10_000, 'USD'))).json();
    const tag = Date.now().toString(36);
    const csv = [
      'date;amount;currency;description;bank_reference',
      `${today()};1 500,00;KGS;Асанов Бакыт Ёлкинович, взнос ${a.paymentReference};${tag}-1`,
      `${today()};100;USD;"Жолдошева Чолпон,\nшкола ${b.paymentReference}";${tag}-2`,
    ].join('\r\n');
    const content = Buffer.from(cp1251(csv)).toString('base64');

    // Read as UTF-8 (as before), every line has undecodable text: nothing is booked.
    const forced = await (await call(s.app, s.staff, 'POST', '/staff/statements/commit', { content, encoding: 'utf-8' })).json();
    expect(forced.rows.map((r: { status: string; reason: string }) => [r.status, r.reason])).toEqual([
      ['invalid', 'undecodable'],
      ['invalid', 'undecodable'],
    ]);
    expect((await funding(project.id)).raised).toBe(0);

    const preview = await (await call(s.app, s.staff, 'POST', '/staff/statements/preview', { content })).json();
    expect(preview).toMatchObject({ encoding: 'windows-1251', delimiter: ';', decimalSeparator: ',', counts: { matched: 2 } });
    const committed = await (await call(s.app, s.staff, 'POST', '/staff/statements/commit', { content })).json();
    expect(committed.counts).toMatchObject({ booked: 2 });
    const stored = await Promise.all(committed.rows.map((r: { receiptId: string }) => s.deps.money.money.getReceipt(r.receiptId)));
    expect(stored.map((r) => r?.bankReference)).toEqual([
      `Асанов Бакыт Ёлкинович, взнос ${a.paymentReference}`,
      `Жолдошева Чолпон, школа ${b.paymentReference}`,
    ]);
    expect((await funding(project.id)).raised).toBe(150_000 + 874_500);
  });

  it('says why a found pledge cannot take the money before anything is booked: no rate for the day, a closed project', async () => {
    const project = await s.project();
    const usd = await (await pledge(s.app, s.investors[0]!, project.id, donation(10_000, 'USD'))).json();
    const kgs = await (await pledge(s.app, s.investors[0]!, project.id, donation(100_000))).json();
    // A month ago: a day money can have arrived on (FIRST_RECEIPT_DAY..today), but no USD rate within a week of it.
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const csv = `date,amount,currency,description\n${monthAgo},100.00,USD,${usd.paymentReference}\n${today()},1000,KGS,${kgs.paymentReference}\n`;
    const reasons = async (path: string) =>
      (await (await call(s.app, s.staff, 'POST', path, { csv })).json()).rows.map((r: { status: string; reason: string | null }) => [
        r.status,
        r.reason,
      ]);
    expect(await reasons('/staff/statements/preview')).toEqual([
      ['unmatched', 'no_rate'],
      ['matched', null],
    ]);

    const stored = (await s.deps.projectDeps.projects.get(project.id))!;
    await s.deps.projectDeps.projects.save({ ...stored, status: 'cancelled', version: stored.version + 1 }, stored);
    expect(await reasons('/staff/statements/commit')).toEqual([
      ['unmatched', 'project_closed'],
      ['unmatched', 'project_closed'],
    ]);
    expect(await s.deps.money.money.projectTotals(project.id)).toMatchObject({ raised: 0 });
  });

  it('books an ambiguous amount only once staff confirm one of its readings', async () => {
    const project = await s.project();
    const a = await (await pledge(s.app, s.investors[0]!, project.id, donation(100_150))).json();
    const tag = Date.now().toString(36);
    const csv = `date;amount;currency;description;bank_reference\n${today()};1,5;KGS;${a.paymentReference};${tag}-1\n${today()};1,000;KGS;${a.paymentReference};${tag}-2\n`;
    const preview = await (await call(s.app, s.staff, 'POST', '/staff/statements/preview', { csv })).json();
    expect(preview.rows[1]).toMatchObject({
      line: 3,
      status: 'ambiguous',
      reason: 'amount_ambiguous',
      amount: null,
      pledgeId: a.id,
      readings: [
        { amount: 100, currency: 'KGS' },
        { amount: 100_000, currency: 'KGS' },
      ],
    });

    const wrong = await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv, confirmedAmounts: [{ line: 3, amount: 555 }] });
    expect([wrong.status, (await wrong.json()).errors[0].field]).toEqual([400, 'confirmedAmounts.0.amount']);
    expect((await funding(project.id)).raised).toBe(0); // a bad confirmation changes nothing

    const unconfirmed = await (await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv })).json();
    expect(unconfirmed.rows.map((r: { status: string }) => r.status)).toEqual(['booked', 'ambiguous']);
    expect((await funding(project.id)).raised).toBe(150);
    const confirmed = await (
      await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv, confirmedAmounts: [{ line: 3, amount: 100_000 }] })
    ).json();
    expect(confirmed.rows.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'booked']);
    expect((await funding(project.id)).raised).toBe(100_150);
    expect((await (await call(s.app, s.investors[0], 'GET', `/pledges/${a.id}`)).json()).status).toBe('received');
  });
});

describe('all-or-nothing projects that expire unfunded', () => {
  it('release pledges without money and refund received ones, giving matches back to the programme', async () => {
    const project = await s.project({ fundingModel: 'all_or_nothing', oblastSoate: '41707000000000', rayonSoate: null });
    const programme = await (await call(s.app, s.staff, 'POST', '/programmes', programmeBody({ oblastSoates: ['41707000000000'] }))).json();
    const paid = await (await pledge(s.app, s.investors[0]!, project.id, donation(300_000))).json();
    const open = await (await pledge(s.app, s.investors[0]!, project.id, donation(200_000))).json();
    expect(
      (
        await call(s.app, s.staff, 'POST', `/pledges/${paid.id}/receipts`, {
          amount: { amount: 300_000, currency: 'KGS' },
          receivedOn: today(),
          bankReference: 'TX-AON-1',
        })
      ).status,
    ).toBe(201);
    expect(await funding(project.id)).toMatchObject({ pledged: 500_000, raised: 300_000, matched: 300_000 });

    // The deadline passes.
    const stored = (await s.deps.projectDeps.projects.get(project.id))!;
    await s.deps.projectDeps.projects.save({ ...stored, deadline: '2026-01-02', version: stored.version + 1 }, stored);
    const job = await import('@mekendesh/domain').then((d) => d.runDeadlineJob({ projects: s.deps.projectDeps, money: s.deps.money }));
    expect(job).toMatchObject({ expired: 1, released: 1, refunded: 1 });
    const [p1, p2] = await Promise.all([paid, open].map(async (p) => (await call(s.app, s.staff, 'GET', `/pledges/${p.id}`)).json()));
    expect([p1.status, p2.status]).toEqual(['refunded', 'released']);
    const totals = await s.deps.money.money.projectTotals(project.id);
    expect(totals).toMatchObject({ pledged: 0, raised: 0, matched: 0 });
    const listed = (await (await call(s.app, undefined, 'GET', '/programmes')).json()).items.find(
      (p: { id: string }) => p.id === programme.id,
    );
    expect(listed.reserved).toBe(0);
    // Money that arrives for a released pledge is not booked, and the statement says why.
    const late = await (
      await call(s.app, s.staff, 'POST', '/staff/statements/preview', {
        csv: `date,amount,currency,description\n${today()},2000,KGS,${open.paymentReference}`,
      })
    ).json();
    expect(late.rows[0]).toMatchObject({ status: 'unmatched', reason: 'pledge_closed', pledgeId: open.id });
    // A second run finds nothing left to do.
    expect(
      await import('@mekendesh/domain').then((d) => d.runDeadlineJob({ projects: s.deps.projectDeps, money: s.deps.money })),
    ).toMatchObject({ released: 0, refunded: 0 });
  });
});
