/**
 * Refunds to pay (issue 13): an expired all-or-nothing project's received transfer pledge is owed back; staff see it
 * in the queue with the investor, mark it paid (audited, the investor emailed), and it leaves the queue; a second mark
 * is a 409; non-staff are 403; bad input is a 400 naming the field.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Pledge, RefundDueList } from '@mekendesh/contracts';
import { addDays, runDeadlineJob } from '@mekendesh/domain';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(2);
}, 120_000);
afterAll(async () => s?.drop());
afterEach(() => s.balanced());

const queue = async (token = s.staff) => {
  const res = await call(s.app, token, 'GET', '/staff/refunds');
  return { status: res.status, body: (await res.json()) as RefundDueList };
};

describe('refunds to pay', () => {
  it('lists an expired project’s received transfer; marked paid it leaves the queue, audited and emailed; twice is 409', async () => {
    const me = await (await call(s.app, s.investors[0]!, 'GET', '/me')).json();
    const profile = { ...me.profile, locale: 'en', residenceCountry: 'RU' };
    expect((await call(s.app, s.investors[0]!, 'PUT', '/me/profile', profile)).status).toBe(200);
    const project = await s.project({ fundingModel: 'all_or_nothing', oblastSoate: '41707000000000', rayonSoate: null });
    const p = (await (await pledge(s.app, s.investors[0]!, project.id, donation(50_000, 'KGS'))).json()) as Pledge;
    const body = { amount: p.amount, receivedOn: today(), bankReference: 'TX-REFUND-1' };
    expect((await call(s.app, s.staff, 'POST', `/pledges/${p.id}/receipts`, body)).status).toBe(201);
    expect((await queue()).body.items.map((r) => r.pledgeId)).not.toContain(p.id);

    const stored = (await s.deps.projectDeps.projects.get(project.id))!;
    await s.deps.projectDeps.projects.save({ ...stored, deadline: '2026-01-02', version: stored.version + 1 }, stored);
    expect(await runDeadlineJob({ projects: s.deps.projectDeps, money: s.deps.money })).toMatchObject({ expired: 1, refunded: 1 });

    const listed = (await queue()).body.items.find((r) => r.pledgeId === p.id);
    expect(listed).toMatchObject({
      paymentReference: p.paymentReference,
      channel: 'bank_transfer',
      received: { amount: 50_000, currency: 'KGS' },
      receivedKgs: 50_000,
      projectId: project.id,
      why: 'expired',
      investor: { id: me.id, deleted: false, email: me.email, residenceCountry: 'RU', locale: 'en' },
    });

    // The expiry itself is audited as a system refund.
    const refundAudit = (await (await call(s.app, s.staff, 'GET', `/audit?objectType=pledge&objectId=${p.id}`)).json()) as {
      items: AuditEntry[];
    };
    expect(refundAudit.items.map((e) => [e.action, e.actorId])).toContainEqual(['pledge.refund', 'system']);
    // The receipt was audited in its booking, by the staff member who recorded it, with its amount.
    const receipt = refundAudit.items.find((e) => e.action === 'receipt.record');
    expect(receipt).toMatchObject({
      actorRoles: ['staff'],
      after: { amount: 50_000, currency: 'KGS', amountKgs: 50_000, projectId: project.id },
    });
    expect(receipt!.actorId).not.toBe('system');

    const paidOn = today();
    const paid = await call(s.app, s.staff, 'POST', `/staff/refunds/${p.id}/paid`, {
      paidOn,
      bankReference: ' PAYOUT\u200B-77 ',
      note: 'Sent by SWIFT',
    });
    expect(paid.status).toBe(200);
    const after = (await paid.json()) as Pledge;
    expect(after.refundPayout).toEqual({ paidOn, bankReference: 'PAYOUT-77', note: 'Sent by SWIFT' });
    expect(after.refundPaidAt).toBeTruthy();
    expect((await queue()).body.items.map((r) => r.pledgeId)).not.toContain(p.id);

    const audit = (await (await call(s.app, s.staff, 'GET', '/audit?action=refund.paid')).json()) as { items: AuditEntry[] };
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      objectType: 'pledge',
      objectId: p.id,
      reason: 'Sent by SWIFT',
      after: { amountKgs: 50_000, currency: 'KGS' },
    });

    const mails = (await s.deps.outbox!.latest(100)).filter((m) => m.to === me.email && m.subject.includes('was sent back'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('500');

    const again = await call(s.app, s.staff, 'POST', `/staff/refunds/${p.id}/paid`, { paidOn, bankReference: 'PAYOUT-78' });
    expect(again.status).toBe(409);
    expect((await s.deps.money.money.getPledge(p.id))!.refundPayout!.bankReference).toBe('PAYOUT-77');
  });

  it('is for staff only, and a bad request is a 400 naming the field that changes nothing', async () => {
    expect((await queue(s.investors[1])).status).toBe(403);
    const post = (token: string, b: unknown) => call(s.app, token, 'POST', '/staff/refunds/pl-x/paid', b);
    expect((await post(s.investors[1]!, { paidOn: today(), bankReference: 'X-1' })).status).toBe(403);
    const bad = async (b: unknown, field: string) => {
      const res = await post(s.staff, b);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(field);
    };
    await bad({ paidOn: addDays(today(), 1), bankReference: 'X-1' }, '"paidOn"');
    await bad({ paidOn: '2026-02-30', bankReference: 'X-1' }, 'paidOn');
    await bad({ paidOn: today(), bankReference: '' }, 'bankReference');
    await bad({ paidOn: today(), bankReference: 'X-1', amount: 5 }, 'amount');
    expect((await post(s.staff, { paidOn: today(), bankReference: 'X-1' })).status).toBe(404);
  });
});
