import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';
import { approvedOfficer } from '../fixtures/proposals.js';

let s: MoneyStack;
let officer: { organisationId: string; token: string };
let other: { organisationId: string; token: string };
beforeAll(async () => {
  s = await moneyStack(1);
  officer = await approvedOfficer(s.app, s.staff, 'priv-officer');
  other = await approvedOfficer(s.app, s.staff, 'priv-other');
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const NOTE = 'the invoice looks forged';

/** A funded project of the officer's organisation with a disbursement and a report sent back by staff with NOTE. */
async function projectWithInternalNotes(): Promise<string> {
  const project = await s.project({ organisationId: officer.organisationId, goal: 100_000 });
  const made = await (await pledge(s.app, s.investors[0]!, project.id, donation(100_000))).json();
  const receipt = await call(s.app, s.staff, 'POST', `/pledges/${made.id}/receipts`, {
    amount: { amount: 100_000, currency: 'KGS' },
    receivedOn: today(),
    bankReference: `TX-P-${project.id}`,
  });
  expect(receipt.status).toBe(201);
  expect((await call(s.app, s.staff, 'POST', `/projects/${project.id}/status`, { to: 'funded', reason: 'goal reached' })).status).toBe(200);
  const spent = await call(s.app, officer.token, 'POST', `/projects/${project.id}/disbursements`, {
    amountKgs: 10_000,
    paidOn: today(),
    purpose: 'Cement',
  });
  expect(spent.status).toBe(201);
  const milestoneId = project.milestones[0]!.id;
  const posted = await (
    await call(s.app, officer.token, 'POST', `/projects/${project.id}/reports`, { milestoneId, text: { en: 'Done' } })
  ).json();
  const sent = await call(s.app, s.staff, 'POST', `/projects/${project.id}/reports/${posted.id}/correction`, { reason: NOTE, version: 1 });
  expect(sent.status).toBe(200);
  return project.id;
}

describe('GET /projects/{id}/progress (issue 13 attacker finding: internal notes)', () => {
  it('hides staff’s correction reason and who recorded a disbursement from the public, investors and other officers', async () => {
    const id = await projectWithInternalNotes();
    for (const reader of [undefined, s.investors[0]!, other.token]) {
      const res = await call(s.app, reader, 'GET', `/projects/${id}/progress`);
      expect(res.status).toBe(200);
      const raw = await res.text();
      expect(raw).not.toContain(NOTE);
      const body = JSON.parse(raw);
      expect(body.reports).toHaveLength(1);
      expect(body.reports[0].status).toBe('correction_requested');
      expect(body.reports[0]).not.toHaveProperty('correctionReason');
      expect(body.disbursements).toHaveLength(1);
      expect(body.disbursements[0]).toMatchObject({ amountKgs: 10_000, purpose: 'Cement' });
      expect(body.disbursements[0]).not.toHaveProperty('recordedBy');
    }
  });

  it('shows them to the project’s officers and staff', async () => {
    const id = await projectWithInternalNotes();
    for (const reader of [officer.token, s.staff]) {
      const body = await (await call(s.app, reader, 'GET', `/projects/${id}/progress`)).json();
      expect(body.reports[0].correctionReason).toBe(NOTE);
      expect(body.disbursements[0].recordedBy).toEqual(expect.any(String));
      expect(body.disbursements[0].recordedBy.length).toBeGreaterThan(0);
    }
  });
});
