import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PublicLedgerSchema } from '@mekendesh/contracts';
import { readFileSync } from 'node:fs';
import { DynamoPublicTraceStore } from '@mekendesh/db';
import { anonymiseInvestor } from '@mekendesh/domain';
import { newConfirmedInvestor, signInToken } from '../fixtures/auth-stack.js';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(2);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

describe("a project's public ledger", () => {
  it('shows what was pledged and received, naming only investors who opted in, newest first', async () => {
    const project = await s.project();
    const named = await (await pledge(s.app, s.investors[0]!, project.id, { ...donation(10_000, 'USD'), display: 'name' })).json();
    const anonymous = await (
      await pledge(s.app, s.investors[1]!, project.id, { ...donation(500_000, 'KGS'), display: 'anonymous' })
    ).json();
    await call(s.app, s.staff, 'POST', `/pledges/${named.id}/receipts`, {
      amount: { amount: 10_000, currency: 'USD' },
      receivedOn: today(),
      bankReference: 'TX-LEDGER-1',
    });

    const res = await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=50`);
    expect(res.status).toBe(200);
    const ledger = PublicLedgerSchema.parse(await res.json());
    const kinds = ledger.items.map((e) => e.kind);
    expect(kinds[0]).toBe('received');
    expect(kinds.filter((k) => k === 'pledged')).toHaveLength(2);
    const received = ledger.items.find((e) => e.kind === 'received')!;
    expect(received).toMatchObject({
      amountKgs: named.amountKgs,
      original: { amount: 10_000, currency: 'USD' },
      publicName: named.displayName,
    });
    expect(ledger.items.find((e) => e.kind === 'pledged' && e.amountKgs === anonymous.amountKgs)?.publicName).toBeNull();
    // Nothing that points at a person or their pledge.
    expect(JSON.stringify(ledger)).not.toContain(named.id);
    expect(JSON.stringify(ledger)).not.toContain(anonymous.paymentReference);
  });

  it('pages through a bounded number of entries, and hides projects that are not public', async () => {
    const project = await s.project();
    for (let i = 0; i < 3; i++) await pledge(s.app, s.investors[0]!, project.id, donation(100_000 + i, 'KGS'));
    const first = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=2`)).json();
    expect(first.items).toHaveLength(2);
    const second = await (await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.length).toBeGreaterThanOrEqual(1);
    expect((await call(s.app, undefined, 'GET', '/projects/prj-not-there/ledger')).status).toBe(404);
    expect((await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=1000`)).status).toBe(400);
  });
});

describe('deleting an account (issue 9, fault 6)', () => {
  const ledgerOf = async (projectId: string) =>
    PublicLedgerSchema.parse(await (await call(s.app, undefined, 'GET', `/projects/${projectId}/ledger?limit=50`)).json());

  it('leaves no name on the public ledger: the entries show "anonymous", the totals and amounts stay, later money too', async () => {
    const [investor, other] = await Promise.all([newConfirmedInvestor(s.app, 'deleting'), newConfirmedInvestor(s.app, 'staying')]);
    const token = await signInToken(s.app, investor);
    const otherToken = await signInToken(s.app, other);
    const project = await s.project();
    const named = await (await pledge(s.app, token, project.id, { ...donation(10_000, 'USD'), display: 'name' })).json();
    const second = await (await pledge(s.app, token, project.id, { ...donation(300_000, 'KGS'), display: 'name' })).json();
    const stays = await (await pledge(s.app, otherToken, project.id, { ...donation(200_000, 'KGS'), display: 'name' })).json();
    expect(named.displayName).toBeTruthy();
    expect(
      (
        await call(s.app, s.staff, 'POST', `/pledges/${named.id}/receipts`, {
          amount: { amount: 4_000, currency: 'USD' },
          receivedOn: today(),
          bankReference: 'TX-DEL-1',
        })
      ).status,
    ).toBe(201);
    const before = await ledgerOf(project.id);
    expect(
      before.items
        .filter((e) => e.publicName === named.displayName)
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['pledged', 'pledged', 'received']);
    const totals = await s.deps.money.money.projectTotals(project.id);

    expect((await call(s.app, token, 'DELETE', '/me')).status).toBe(200);

    const after = await ledgerOf(project.id);
    expect(JSON.stringify(after)).not.toContain(named.displayName);
    // Same entries, same amounts, in the same order; only the deleted investor's name is gone.
    expect(after.items.map((e) => [e.id, e.kind, e.amountKgs])).toEqual(before.items.map((e) => [e.id, e.kind, e.amountKgs]));
    expect(after.items.filter((e) => e.publicName === null)).toHaveLength(3);
    expect(after.items.find((e) => e.kind === 'pledged' && e.amountKgs === stays.amountKgs)?.publicName).toBe(stays.displayName);
    expect(await s.deps.money.money.projectTotals(project.id)).toEqual(totals);

    // Money that arrives after the deletion is booked without the name as well.
    expect(
      (
        await call(s.app, s.staff, 'POST', `/pledges/${second.id}/receipts`, {
          amount: { amount: 300_000, currency: 'KGS' },
          receivedOn: today(),
          bankReference: 'TX-DEL-2',
        })
      ).status,
    ).toBe(201);
    const later = await ledgerOf(project.id);
    expect(later.items[0]).toMatchObject({ kind: 'received', amountKgs: 300_000, publicName: null });

    // Idempotent: asked again, there is nothing named left to change.
    expect(await anonymiseInvestor({ traces: new DynamoPublicTraceStore(s.db, s.deps.money.money) }, named.investorId)).toEqual({
      pledges: 0,
      entries: 0,
    });
  });

  it('the web app shows a missing name as "anonymous" in each language', () => {
    for (const lang of ['ky', 'ru', 'en']) {
      const messages = JSON.parse(readFileSync(new URL(`../../web/messages/money/${lang}.json`, import.meta.url), 'utf8')) as Record<
        string,
        string
      >;
      expect(messages.ledger_anonymous, lang).toMatch(/\S/);
    }
    expect(readFileSync(new URL('../../web/src/lib/components/project-ledger.svelte', import.meta.url), 'utf8')).toContain(
      'e.publicName ?? m.ledger_anonymous()',
    );
  });
});
