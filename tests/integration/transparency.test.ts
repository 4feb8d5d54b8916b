import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  NamedSupportersSchema,
  ProgrammeStatsSchema,
  ProjectSchema,
  PublicLedgerSchema,
  type PublicLedgerEntry,
} from '@mekendesh/contracts';
import { dashScopePartition, DEMO_RATES, DynamoPublicTraceStore, queryAll } from '@mekendesh/db';
import { anonymiseInvestor, bookingProject, usdCents, ZERO_DELTAS, type LedgerDeltas, type LedgerEntry } from '@mekendesh/domain';
import { newConfirmedInvestor, signInToken } from '../fixtures/auth-stack.js';
import { call, donation, moneyStack, pledge, programmeBody, today, type MoneyStack } from '../fixtures/money.js';
import { approvedOfficer } from '../fixtures/proposals.js';

// Public transparency (issue 13): a project's money per funder type, its named supporters, the programme statistics
// and the open-data CSV, all from running totals, checked against the ledger and the dashboard cells.

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(3);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const NARYN = '41704000000000';
/** The USD rate stored for today by the stack (seedDemoRates): what every USD figure must be at. */
const usdRate = () => ({ value: DEMO_RATES.USD!.value, nominal: DEMO_RATES.USD!.nominal, date: today() });
const usd = (kgs: number) => usdCents(kgs, usdRate());

/** A co-funding receipt or a disbursement booked straight through the money store, as Part B's use cases book them. */
async function book(
  project: Parameters<typeof bookingProject>[0],
  id: string,
  kind: 'received' | 'disbursed',
  parts: Partial<LedgerDeltas>[],
  spend?: number,
) {
  const funders = {
    municipality: 'municipality',
    otherDonors: 'other_donors',
    spentDiaspora: 'diaspora',
    spentMunicipality: 'municipality',
  } as const;
  const entries: LedgerEntry[] = parts.map((d, i) => ({
    id: `${id}-${i}`,
    at: new Date().toISOString(),
    kind,
    projectId: project.id,
    oblastSoate: project.oblastSoate,
    pledgeId: null,
    receiptId: null,
    programmeId: null,
    funder: funders[Object.keys(d).find((k) => k in funders) as keyof typeof funders],
    original: null,
    country: null,
    deltas: { ...ZERO_DELTAS, ...d },
    publicName: null,
  }));
  const out = await s.deps.money.money.commitBooking({ entries, project: bookingProject(project), ...(spend ? { spend } : {}) });
  expect(out.kind).toBe('committed');
}

async function receive(pledgeId: string, amount: number, reference: string) {
  const res = await call(s.app, s.staff, 'POST', `/pledges/${pledgeId}/receipts`, {
    amount: { amount, currency: 'KGS' },
    receivedOn: today(),
    bankReference: reference,
  });
  expect(res.status).toBe(201);
}

describe('public transparency', () => {
  it('shows funding by funder type equal to the ledger, named supporters only, and statistics equal to the cells and the CSV', async () => {
    const project = await s.project({ oblastSoate: NARYN, rayonSoate: null, sector: 'water' });
    expect((await call(s.app, s.staff, 'POST', '/programmes', programmeBody({ oblastSoates: [NARYN] }))).status).toBe(201);
    const named = await (await pledge(s.app, s.investors[0]!, project.id, donation(400_000_00, 'KGS', { display: 'name' }))).json();
    const anonymous = await (await pledge(s.app, s.investors[1]!, project.id, donation(100_000_00, 'KGS'))).json();
    expect(named.displayName).toBeTruthy();
    await receive(named.id, 400_000_00, 'TX-TRANSP-1'); // matched 1:1 by the programme
    await book(project, 'cofunding-t1', 'received', [{ municipality: 50_000_00 }, { otherDonors: 20_000_00 }]);
    await book(
      project,
      'disbursement-t1',
      'disbursed',
      [
        { disbursed: 300_000_00, spentDiaspora: 300_000_00 },
        { disbursed: 30_000_00, spentMunicipality: 30_000_00 },
      ],
      330_000_00,
    );

    const answer = ProjectSchema.parse(await (await call(s.app, undefined, 'GET', `/projects/${project.id}`)).json());
    expect(answer.funding?.byFunder).toEqual({
      diaspora: { planned: project.fundingPlan.diaspora, received: 400_000_00, spent: 300_000_00 },
      municipality: { planned: project.fundingPlan.municipality, received: 50_000_00, spent: 30_000_00 },
      programme: { planned: project.fundingPlan.cofinancing, received: 400_000_00, spent: 0 },
      otherDonors: { planned: project.fundingPlan.otherDonors, received: 20_000_00, spent: 0 },
    });
    expect(answer.funding).toMatchObject({ received: 870_000_00, spent: 330_000_00, available: 540_000_00 });
    // USD beside KGS: every figure in cents at today's stored NBKR rate, by the one helper.
    expect(answer.funding?.usd?.rate).toEqual(usdRate());
    expect(answer.funding?.usd).toMatchObject({ received: usd(870_000_00), spent: usd(330_000_00), available: usd(540_000_00) });
    expect(answer.funding?.usd?.byFunder.municipality).toEqual({
      planned: usd(project.fundingPlan.municipality),
      received: usd(50_000_00),
      spent: usd(30_000_00),
    });
    expect(answer.funding!.usd!.received).toBeGreaterThan(0);

    // The same figures summed from the public ledger, read a page at a time.
    const entries: PublicLedgerEntry[] = [];
    let cursor: string | null = null;
    do {
      const page = PublicLedgerSchema.parse(
        await (await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger?limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json(),
      );
      entries.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const sum = (kind: string, funder?: string) =>
      entries.filter((e) => e.kind === kind && (!funder || e.funder === funder)).reduce((t, e) => t + e.amountKgs, 0);
    expect(sum('received') + sum('matched')).toBe(answer.funding!.received);
    expect(sum('received', 'municipality')).toBe(answer.funding!.byFunder.municipality.received);
    expect(sum('received', 'other_donors')).toBe(answer.funding!.byFunder.otherDonors.received);
    expect(sum('disbursed')).toBe(answer.funding!.spent);

    // Named supporters: the one who chose a name; never the anonymous one.
    const supporters = NamedSupportersSchema.parse(
      await (await call(s.app, undefined, 'GET', `/projects/${project.id}/supporters`)).json(),
    );
    expect(supporters.items.map((i) => i.name)).toEqual([named.displayName]);
    expect(JSON.stringify(supporters)).not.toContain(anonymous.id);

    // Statistics: equal to the sum of the dashboard cells (scope all, every month and shard), and the CSV adds up to them.
    const cells = { received: 0, matched: 0, disbursed: 0 };
    for await (const item of queryAll(s.db, { partition: dashScopePartition('all'), forward: true })) {
      const n = (f: string) => Number(item[`t.${f}`] ?? 0);
      cells.received += n('raised') + n('matched') + n('municipality') + n('otherDonors');
      cells.matched += n('matched');
      cells.disbursed += n('disbursed');
    }
    expect(cells).toEqual({ received: 870_000_00, matched: 400_000_00, disbursed: 330_000_00 });
    const stats = ProgrammeStatsSchema.parse(await (await call(s.app, undefined, 'GET', '/stats/programme')).json());
    const cellsUsd = { received: usd(cells.received), matched: usd(cells.matched), disbursed: usd(cells.disbursed) };
    expect(stats.usdRate).toEqual(usdRate());
    expect(stats.totals).toEqual({ ...cells, usd: cellsUsd });
    expect(stats.byOblast.find((o) => o.soate === NARYN)).toEqual({ soate: NARYN, ...cells, usd: cellsUsd });
    expect(stats.bySector.find((o) => o.sector === 'water')).toEqual({ sector: 'water', ...cells, usd: cellsUsd });

    const csv = await call(s.app, undefined, 'GET', '/stats/open-data.csv?lang=ru');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // The header is line 1 (spreadsheets and pandas read it as the header); the licence is in the Link header.
    expect(csv.headers.get('link')).toBe('<https://creativecommons.org/licenses/by/4.0/>; rel="license"');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="mekendesh-open-data-ru.csv"');
    const lines = new TextDecoder().decode(bytes).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^oblast_soate,oblast,sector,/); // the BOM (checked above) is dropped by TextDecoder
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows[0]!.slice(-3)).toEqual([today(), String(usdRate().nominal), usdRate().value]);
    const column = (i: number) => Math.round(rows.reduce((t, r) => t + Number(r[i]) * 100, 0));
    expect({
      received: column(3),
      matched: column(4),
      disbursed: column(5),
      usd: { received: column(6), matched: column(7), disbursed: column(8) },
    }).toEqual(stats.totals);
    expect(rows.find((r) => r[0] === NARYN && r[2] === 'water')?.[1]).toBe('Нарынская область');
  });

  it('says on the public ledger what a disbursement paid for, as plain text', async () => {
    const officer = await approvedOfficer(s.app, s.staff, 'transp-officer');
    const project = await s.project({ organisationId: officer.organisationId, goal: 100_000, oblastSoate: NARYN, rayonSoate: null });
    const made = await (await pledge(s.app, s.investors[2]!, project.id, donation(100_000))).json();
    const receipt = { amount: { amount: 100_000, currency: 'KGS' }, receivedOn: today(), bankReference: 'TX-TRANSP-P' };
    expect((await call(s.app, s.staff, 'POST', `/pledges/${made.id}/receipts`, receipt)).status).toBe(201);
    expect((await call(s.app, s.staff, 'POST', `/projects/${project.id}/status`, { to: 'funded', reason: 'goal reached' })).status).toBe(
      200,
    );
    const purpose = 'Roofing <b>sheets</b> & nails';
    const spent = await call(s.app, officer.token, 'POST', `/projects/${project.id}/disbursements`, {
      amountKgs: 60_000,
      paidOn: today(),
      purpose,
    });
    expect(spent.status).toBe(201);

    const ledger = PublicLedgerSchema.parse(await (await call(s.app, undefined, 'GET', `/projects/${project.id}/ledger`)).json());
    const disbursed = ledger.items.filter((e) => e.kind === 'disbursed');
    // One line for the one disbursement, whatever funders' money it spent; the split beside it, no name.
    expect(disbursed).toHaveLength(1);
    expect(disbursed[0]).toMatchObject({ amountKgs: 60_000, purpose, publicName: null });
    expect(disbursed[0]!.split!.reduce((t, x) => t + x.amountKgs, 0)).toBe(60_000);
    expect(ledger.items.filter((e) => e.kind !== 'disbursed').every((e) => e.purpose === null)).toBe(true);
  });

  it("takes a deleted account's name off the named supporters; a bad query is 400, an unknown project 404", async () => {
    const investor = await newConfirmedInvestor(s.app, 'leaving');
    const token = await signInToken(s.app, investor);
    const project = await s.project();
    const made = await (await pledge(s.app, token, project.id, donation(100_000_00, 'KGS', { display: 'name' }))).json();
    const list = async () =>
      NamedSupportersSchema.parse(await (await call(s.app, undefined, 'GET', `/projects/${project.id}/supporters`)).json());
    expect((await list()).items.map((i) => i.name)).toEqual([made.displayName]);

    await anonymiseInvestor({ traces: new DynamoPublicTraceStore(s.db, s.deps.money.money) }, made.investorId);
    expect((await list()).items).toEqual([]);
    expect((await call(s.app, undefined, 'GET', '/projects/prj-not-there/supporters')).status).toBe(404);
    expect((await call(s.app, undefined, 'GET', `/projects/${project.id}/supporters?limit=500`)).status).toBe(400);
  });
});
