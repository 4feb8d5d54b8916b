import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paymentReference } from '@mekendesh/domain';
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
    expect(preview.counts).toEqual({ matched: 2, unmatched: 2, duplicate: 1, invalid: 1, booked: 0 });
    expect(preview.rows[0]).toMatchObject({ status: 'matched', pledgeId: a.id, paymentReference: a.paymentReference, amount: { amount: 100_000, currency: 'KGS' } });
    expect(preview.rows[5]).toMatchObject({ status: 'unmatched', reason: expect.stringContaining(stranger) });
    expect((await funding(project.id)).raised).toBe(0);

    const committed = await (await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv })).json();
    expect(committed.counts).toMatchObject({ booked: 2, duplicate: 1, invalid: 1, unmatched: 2 });
    expect((await funding(project.id)).raised).toBe(100_000 + 874_500);
    await s.balanced();

    const [again, twice] = await Promise.all([1, 2].map(async () => (await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv })).json()));
    for (const r of [again, twice]) expect(r.counts.booked).toBe(0);
    expect((await funding(project.id)).raised).toBe(100_000 + 874_500);
    const mine = await (await call(s.app, s.investors[0], 'GET', `/pledges/${a.id}`)).json();
    expect(mine).toMatchObject({ status: 'received', receipts: 1 });
  });

  it('refuses a statement without the needed columns with 400 naming csv', async () => {
    const res = await call(s.app, s.staff, 'POST', '/staff/statements/preview', { csv: 'when,what\n1,2' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('csv');
  });
});

describe('all-or-nothing projects that expire unfunded', () => {
  it('release pledges without money and refund received ones, giving matches back to the programme', async () => {
    const project = await s.project({ fundingModel: 'all_or_nothing', oblastSoate: '41707000000000', rayonSoate: null });
    const programme = await (await call(s.app, s.staff, 'POST', '/programmes', programmeBody({ oblastSoates: ['41707000000000'] }))).json();
    const paid = await (await pledge(s.app, s.investors[0]!, project.id, donation(300_000))).json();
    const open = await (await pledge(s.app, s.investors[0]!, project.id, donation(200_000))).json();
    expect((await call(s.app, s.staff, 'POST', `/pledges/${paid.id}/receipts`, { amount: { amount: 300_000, currency: 'KGS' }, receivedOn: today(), bankReference: 'TX-AON-1' })).status).toBe(201);
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
    const listed = (await (await call(s.app, undefined, 'GET', '/programmes')).json()).items.find((p: { id: string }) => p.id === programme.id);
    expect(listed.reserved).toBe(0);
    // A second run finds nothing left to do.
    expect(await import('@mekendesh/domain').then((d) => d.runDeadlineJob({ projects: s.deps.projectDeps, money: s.deps.money }))).toMatchObject({ released: 0, refunded: 0 });
  });
});
