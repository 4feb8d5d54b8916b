import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { projectEntity } from '@mekendesh/db';
import { MAX_TOTAL_MINOR } from '@mekendesh/contracts';
import { call, donation, moneyStack, pledge, today, type MoneyStack } from '../fixtures/money.js';

// Issue 9, fault 1 (money maximums, exact totals) and fault 8 (look-alike text defeats duplicate guards).
let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
}, 120_000);
afterAll(() => s.drop());

const fields = async (res: Response) => ((await res.json()).errors ?? []).map((e: { field: string }) => e.field);
const receipt = (pledgeId: string, amount: number, currency: string, bankReference: string) =>
  call(s.app, s.staff, 'POST', `/pledges/${pledgeId}/receipts`, { amount: { amount, currency }, receivedOn: today(), bankReference });

describe('money maximums', () => {
  it('refuses two 9007199254740991-tyiyn donations with 400 on amount, and the project list still answers 200', async () => {
    const project = await s.project();
    for (const _ of [1, 2]) {
      const res = await pledge(s.app, s.investors[0]!, project.id, donation(9_007_199_254_740_991, 'KGS'));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await fields(res)).toContain('amount.amount');
    }
    expect((await call(s.app, undefined, 'GET', '/projects')).status).toBe(200);
    const page = await call(s.app, undefined, 'GET', `/projects/${project.id}`);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({ pledged: 0, raised: 0 });
    await s.balanced();
  });

  it('refuses a USD pledge of 1e14 cents with 400, and 100,000,000 USD (past the max once in som) with 400 on amount', async () => {
    const project = await s.project();
    const huge = await pledge(s.app, s.investors[0]!, project.id, donation(100_000_000_000_000, 'USD'));
    expect(huge.status).toBe(400);
    expect(await fields(huge)).toContain('amount.amount');
    const converted = await pledge(s.app, s.investors[0]!, project.id, donation(10_000_000_000, 'USD'));
    expect(converted.status).toBe(400);
    expect(await fields(converted)).toContain('amount');
    await s.balanced();
  });

  it('refuses a USD receipt of 9007199254740991 with 400, booking nothing', async () => {
    const project = await s.project();
    const p = await (await pledge(s.app, s.investors[0]!, project.id, donation(10_000, 'USD'))).json();
    const res = await receipt(p.id, 9_007_199_254_740_991, 'USD', 'FT-HUGE');
    expect(res.status).toBe(400);
    expect(await fields(res)).toContain('amount.amount');
    expect(await (await call(s.app, s.investors[0], 'GET', `/pledges/${p.id}`)).json()).toMatchObject({ receipts: 0, receivedKgs: 0 });
    await s.balanced();
  });
});

describe('look-alike references and names', () => {
  it('books R, R+ZWSP, ZWSP+R and R‐ (U+2010 hyphen) once: the others are 409', async () => {
    const project = await s.project();
    const p = await (await pledge(s.app, s.investors[0]!, project.id, donation(100_000, 'KGS'))).json();
    expect((await receipt(p.id, 10_000, 'KGS', 'R-1')).status).toBe(201);
    for (const lookAlike of ['R-1\u200b', '\u200bR-1', 'R\u20101', 'R\u22121', 'r\uff0d1', ' R-1\u00a0']) {
      const res = await receipt(p.id, 10_000, 'KGS', lookAlike);
      expect(res.status, JSON.stringify(lookAlike)).toBe(409);
    }
    expect((await receipt(p.id, 10_000, 'KGS', 'R')).status).toBe(201);
    for (const lookAlike of ['R\u200b', '\u200bR', 'R\u2060', '\ufeffR'])
      expect((await receipt(p.id, 10_000, 'KGS', lookAlike)).status).toBe(409);
    const after = await (await call(s.app, s.investors[0], 'GET', `/pledges/${p.id}`)).json();
    expect(after).toMatchObject({ receipts: 2, receivedKgs: 20_000 });
    await s.balanced();
  });

  it('refuses a reference of only invisible characters, and a display name of only zero-width characters, with 400 naming the field', async () => {
    const project = await s.project();
    const p = await (await pledge(s.app, s.investors[0]!, project.id, donation(100_000, 'KGS'))).json();
    const blank = await receipt(p.id, 10_000, 'KGS', '\u200b\u200c\u200d');
    expect(blank.status).toBe(400);
    expect(await fields(blank)).toContain('bankReference');
    const me = await (await call(s.app, s.investors[0], 'GET', '/me')).json();
    const res = await call(s.app, s.investors[0], 'PUT', '/me/profile', { ...me.profile, displayName: '\u200b\u200b\u200b\u200b' });
    expect(res.status).toBe(400);
    expect(await fields(res)).toContain('displayName');
    const after = await (await call(s.app, s.investors[0], 'GET', '/me')).json();
    expect(after.profile.displayName).toBe(me.profile.displayName);
  });
});

/** Writes a project's pledged total as DynamoDB holds it (a decimal string): as an old or hand-made item could. */
async function storePledged(projectId: string, pledged: string) {
  const key = projectEntity.key({ id: projectId });
  await s.db.raw.send(
    new UpdateItemCommand({
      TableName: s.db.tableName,
      Key: { pk: { S: key.pk }, sk: { S: key.sk } },
      UpdateExpression: 'SET pledged = :p',
      ExpressionAttributeValues: { ':p': { N: pledged } },
    }),
  );
}

describe('statement commit never half-books', () => {
  it("commits the attacker's statement (line 3: USD 90071992547409,91) with 200: line 2 booked, line 3 invalid, no 500", async () => {
    const project = await s.project();
    const p = await (await pledge(s.app, s.investors[0]!, project.id, donation(100_000, 'KGS'))).json();
    const csv = `date;amount;currency;description\n${today()};100,00;KGS;first transfer ${p.paymentReference}\n${today()};90071992547409,91;USD;U ${p.paymentReference}`;
    const res = await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv });
    expect(res.status).toBe(200);
    const out = await res.json();
    expect(out.rows.map((r: { status: string; reason: string | null }) => [r.status, r.reason])).toEqual([
      ['booked', null],
      ['invalid', 'amount_invalid'],
    ]);
    // The exact named input, unchanged, with no reference at all: nothing to book, nothing fails.
    const named = 'date;amount;currency;description\n2026-11-30;100,00;KGS;first transfer K\n2026-11-30;90071992547409,91;USD;U';
    const again = await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv: named });
    expect(again.status).toBe(200);
    expect((await again.json()).rows.map((r: { reason: string | null }) => r.reason)).toEqual(['no_reference', 'amount_invalid']);
    await s.balanced();
  });

  it('checks every line before booking any: 50,000,000 USD (within one amount, past it in som) is invalid in the preview, and the commit books only the rest', async () => {
    const project = await s.project();
    const p = await (await pledge(s.app, s.investors[0]!, project.id, donation(100_000, 'KGS'))).json();
    const csv = `date;amount;currency;description\n${today()};200,00;KGS;${p.paymentReference}\n${today()};50000000,00;USD;${p.paymentReference} big`;
    const preview = await (await call(s.app, s.staff, 'POST', '/staff/statements/preview', { csv })).json();
    expect(preview.rows.map((r: { status: string; reason: string | null }) => [r.status, r.reason])).toEqual([
      ['matched', null],
      ['invalid', 'amount_invalid'],
    ]);
    const committed = await (await call(s.app, s.staff, 'POST', '/staff/statements/commit', { csv })).json();
    expect(committed.counts).toMatchObject({ booked: 1, invalid: 1 });
    expect(await (await call(s.app, s.investors[0], 'GET', `/pledges/${p.id}`)).json()).toMatchObject({ receipts: 1, receivedKgs: 20_000 });
    await s.balanced();
  });
});

// Last: these seed totals by hand, which the ledger check would rightly call unbalanced.
describe('stored totals', () => {
  it('reads a total stored past 2^53 (written before the limits) without a 500', async () => {
    const project = await s.project();
    await storePledged(project.id, '18014398509481982');
    expect((await call(s.app, undefined, 'GET', '/projects')).status).toBe(200);
    expect((await call(s.app, undefined, 'GET', `/projects/${project.id}`)).status).toBe(200);
  });

  it('refuses a pledge that would take the project total past MAX_TOTAL_MINOR with 422 on amount, writing nothing', async () => {
    const project = await s.project();
    await storePledged(project.id, String(MAX_TOTAL_MINOR - 50_000));
    const res = await pledge(s.app, s.investors[0]!, project.id, donation(60_000, 'KGS'));
    expect(res.status, await res.clone().text()).toBe(422);
    expect(await fields(res)).toContain('amount');
    expect(await (await call(s.app, undefined, 'GET', `/projects/${project.id}`)).json()).toMatchObject({
      pledged: MAX_TOTAL_MINOR - 50_000,
    });
    // Up to the limit itself is fine.
    expect((await pledge(s.app, s.investors[0]!, project.id, donation(50_000, 'KGS'))).status).toBe(201);
    expect(await (await call(s.app, undefined, 'GET', `/projects/${project.id}`)).json()).toMatchObject({ pledged: MAX_TOTAL_MINOR });
  });
});
