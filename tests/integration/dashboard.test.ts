/**
 * The staff dashboard (issue 13): after a scripted history across three oblasts and two sectors (pledges in KGS, USD
 * and RUB from investors living in Russia, Kazakhstan and the USA, receipts, a co-financing match, a disbursement,
 * an all-or-nothing project expired and refunded), every figure of GET /v1/staff/dashboard equals what
 * `pnpm ledger:check` recounts from the ledger entries, ledger:check finds no difference, and each export's rows
 * (CSV parsed back, XLSX read back) add up to the figures on screen.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_BREAKDOWNS, DASHBOARD_FIGURES, type Dashboard, type Pledge } from '@mekendesh/contracts';
import { checkLedger, dashScopeOf, recountDashCells, recountPipeline } from '@mekendesh/db';
import { pipelineByStatus, runDeadlineJob, sumDashMonths, usdCents, type DashMonth } from '@mekendesh/domain';
import { call, donation, moneyStack, pledge, programmeBody, today, type MoneyStack } from '../fixtures/money.js';
import { approvedOfficer } from '../fixtures/proposals.js';
import { DASHBOARD_TABLES, dashboardTable, type DashboardLabels } from '../../web/src/lib/dashboard/tables.js';
import { tableCsv, tableXlsx } from '../../web/src/lib/server/dashboard-export.js';

const ISSYK_KUL = '41702000000000';
const JALAL_ABAD = '41703000000000';
const NARYN = '41704000000000';
const MONTH = today().slice(0, 7);

let s: MoneyStack;
let awaitingRef = '';
beforeAll(async () => {
  s = await moneyStack(3);
  // Where each investor lives: the dashboard's corridors.
  for (const [i, country] of ['RU', 'KZ', 'US'].entries()) {
    const me = await (await call(s.app, s.investors[i]!, 'GET', '/me')).json();
    expect((await call(s.app, s.investors[i]!, 'PUT', '/me/profile', { ...me.profile, residenceCountry: country })).status).toBe(200);
  }
  const officer = await approvedOfficer(s.app, s.staff, 'dash-officer');
  const programme = programmeBody({ oblastSoates: [ISSYK_KUL], budget: 10_000_000, capPerProject: 5_000_000 });
  expect((await call(s.app, s.staff, 'POST', '/programmes', programme)).status).toBe(201);

  const school = await s.project({
    organisationId: officer.organisationId,
    oblastSoate: ISSYK_KUL,
    rayonSoate: null,
    sector: 'education',
    goal: 100_000,
  });
  const water = await s.project({ oblastSoate: JALAL_ABAD, rayonSoate: null, sector: 'water', beneficiaries: 900, jobs: 3 });
  const gym = await s.project({ oblastSoate: NARYN, rayonSoate: null, sector: 'education', fundingModel: 'all_or_nothing' });

  const receive = async (p: Pledge, ref: string) =>
    expect(
      (await call(s.app, s.staff, 'POST', `/pledges/${p.id}/receipts`, { amount: p.amount, receivedOn: today(), bankReference: ref }))
        .status,
    ).toBe(201);
  const give = async (investor: number, projectId: string, body: ReturnType<typeof donation>) => {
    const res = await pledge(s.app, s.investors[investor]!, projectId, body);
    expect(res.status).toBe(201);
    return (await res.json()) as Pledge;
  };
  // Russia: 1 000 som to the school, received and matched 1:1 by the Issyk-Kul programme.
  await receive(await give(0, school.id, donation(100_000, 'KGS')), 'TX-DASH-1');
  // Kazakhstan: 150 USD to the water project, received; the USA: 5 000 RUB to it, awaiting payment.
  await receive(await give(1, water.id, donation(15_000, 'USD')), 'TX-DASH-2');
  awaitingRef = (await give(2, water.id, donation(500_000, 'RUB'))).paymentReference;
  // Russia: 500 som to the all-or-nothing gym, received, then the project expires and the pledge is refunded.
  await receive(await give(0, gym.id, donation(50_000, 'KGS')), 'TX-DASH-3');
  const stored = (await s.deps.projectDeps.projects.get(gym.id))!;
  await s.deps.projectDeps.projects.save({ ...stored, deadline: '2026-01-02', version: stored.version + 1 }, stored);
  expect(await runDeadlineJob({ projects: s.deps.projectDeps, money: s.deps.money })).toMatchObject({ expired: 1, refunded: 1 });
  // The school is funded and spends 600 som.
  expect((await call(s.app, s.staff, 'POST', `/projects/${school.id}/status`, { to: 'funded', reason: 'goal reached' })).status).toBe(200);
  const spent = await call(s.app, officer.token, 'POST', `/projects/${school.id}/disbursements`, {
    amountKgs: 60_000,
    paidOn: today(),
    purpose: 'Desks',
  });
  expect(spent.status).toBe(201);
}, 240_000);
afterAll(() => s?.drop());

const dashboard = async (query = '') => {
  const res = await call(s.app, s.staff, 'GET', `/staff/dashboard${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Dashboard;
};

/** The recount: every ledger entry item (a Scan: tests may) through ledger:check's rule. */
async function recount() {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await s.db.doc.send(new ScanCommand({ TableName: s.db.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return {
    cells: recountDashCells(items.filter((i) => i.entity === 'LedgerEntry')),
    pipeline: recountPipeline(items.filter((i) => i.entity === 'Project' && i.sk === 'PROJECT')),
  };
}

/** What the recount gives for a scope and period, summed as the dashboard sums (months of the scope). */
function expected(
  cells: Awaited<ReturnType<typeof recount>>['cells'],
  filter: { oblast: string | null; sector: string | null },
  from: string,
  to: string,
) {
  const scope = dashScopeOf(filter);
  const months: DashMonth[] = [...cells]
    .filter(([key]) => key.startsWith(`${scope}|`))
    .map(([key, cell]) => ({ month: key.split('|')[1]!, sums: Object.fromEntries(cell) }))
    .filter((m) => m.month >= from && m.month <= to);
  return sumDashMonths(months);
}

function expectFigures(d: Dashboard, want: ReturnType<typeof expected>) {
  expect(d.totals.kgs).toEqual(want.totals);
  for (const b of DASHBOARD_BREAKDOWNS) {
    if ((b === 'oblast' && d.oblast) || (b === 'sector' && d.sector)) continue;
    expect(Object.fromEntries(d.breakdowns[b].map((r) => [r.key, r.kgs])), b).toEqual(Object.fromEntries(want.by[b]));
  }
}

const LABELS: DashboardLabels = {
  table: (n) => n,
  figure: (f) => f,
  figureUsd: (f) => `${f}, USD`,
  key: (_b, k) => k,
  keyHeader: (b) => b,
  total: 'Total',
  status: (st) => st,
  channel: (c) => c,
  place: (soate) => soate,
  sector: (x) => x,
  text: (t) => t.en ?? t.ky ?? '',
  headers: new Proxy({} as DashboardLabels['headers'], { get: (_t, p) => String(p) }),
};

describe('staff dashboard', () => {
  it('equals the ledger recount for all, one oblast, one sector, both, and a period; ledger:check finds nothing', async () => {
    expect(await checkLedger(s.db)).toEqual([]);
    const { cells, pipeline } = await recount();
    const all = await dashboard();
    expect(all.to).toBe(MONTH);
    expectFigures(all, expected(cells, { oblast: null, sector: null }, all.from, all.to));
    // Exact values of the story (KGS tyiyn): 1 000 som + 150 USD (demo rate 87.45) received and kept; the gym's 500 som
    // came and went back (a refund takes its money out of pledged and received and counts it as refunded).
    expect(all.totals.kgs).toMatchObject({ received: 100_000 + 1_311_750, matched: 100_000, disbursed: 60_000, refunded: 50_000 });
    expect(all.totals.kgs.pledged).toBe(100_000 + 1_311_750 + 551_000);
    expect(Object.fromEntries(all.breakdowns.country.map((r) => [r.key, r.kgs.received]))).toMatchObject({ RU: 100_000, KZ: 1_311_750 });
    expect(all.breakdowns.country.find((r) => r.key === 'RU')?.kgs.refunded).toBe(50_000);
    expect(all.breakdowns.country.find((r) => r.key === 'US')?.kgs.pledged).toBe(551_000);
    // The school's spending came from no pledge: it counts under 'none', never as an unknown investor country.
    expect(all.breakdowns.country.find((r) => r.key === 'XX')?.kgs.disbursed ?? 0).toBe(0);
    expect(all.breakdowns.country.find((r) => r.key === 'none')?.kgs.disbursed).toBe(60_000);
    expect(all.breakdowns.currency.map((r) => r.key).sort()).toEqual(['KGS', 'RUB', 'USD']);
    expect(all.breakdowns.month.map((r) => r.key)).toEqual([MONTH]);
    expect(all.usdRate).toMatchObject({ value: '87.4500', nominal: 1 });
    expect(all.totals.usd!.received).toBe(usdCents(all.totals.kgs.received, all.usdRate!));

    for (const filter of [
      { oblast: ISSYK_KUL, sector: null },
      { oblast: null, sector: 'education' },
      { oblast: JALAL_ABAD, sector: 'water' },
    ]) {
      const q = `?${filter.oblast ? `oblast=${filter.oblast}&` : ''}${filter.sector ? `sector=${filter.sector}` : ''}`;
      const d = await dashboard(q);
      expectFigures(d, expected(cells, filter, d.from, d.to));
      expect(d.pipeline).toEqual(
        pipelineByStatus(
          [...pipeline].map(([key, cell]) => ({
            oblastSoate: key.split('#')[0]!,
            sector: key.split('#')[1]!,
            figures: Object.fromEntries(cell),
          })),
          filter.oblast,
          filter.sector,
        ),
      );
    }
    expect((await dashboard(`?oblast=${ISSYK_KUL}`)).totals.kgs).toMatchObject({ received: 100_000, matched: 100_000, disbursed: 60_000 });
    // A period before any money: zeros, no months.
    const past = await dashboard('?from=2025-01&to=2025-12');
    expect(past.totals.kgs).toEqual(Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, 0])));
    expect(past.breakdowns.month).toEqual([]);
  });

  it('lists the pipeline, the pledge awaiting payment and the programme with what it reserved, spent and has left', async () => {
    const d = await dashboard();
    const by = Object.fromEntries(d.pipeline.map((p) => [p.status, p]));
    expect(by.funded).toMatchObject({ projects: 1 });
    expect(by.expired).toMatchObject({ projects: 1 });
    expect(by.published!.projects).toBeGreaterThanOrEqual(1);
    expect(d.awaitingPayment.items.map((p) => p.reference)).toEqual([awaitingRef]);
    expect(d.awaitingPayment.items[0]).toMatchObject({
      amount: { amount: 500_000, currency: 'RUB' },
      amountKgs: 551_000,
      ageDays: 0,
      channel: 'bank_transfer',
    });
    expect((await dashboard(`?oblast=${ISSYK_KUL}`)).awaitingPayment.items).toEqual([]);
    expect((await dashboard('?sector=water')).awaitingPayment.items.map((p) => p.reference)).toEqual([awaitingRef]);
    expect((await dashboard('?sector=education')).awaitingPayment.items).toEqual([]);
    const [programme] = d.programmes;
    expect(programme).toMatchObject({ budget: 10_000_000, reserved: 100_000, left: 9_900_000 });
    expect(programme!.used).toBeGreaterThan(0);
    expect(programme!.reservedNotSpent).toBe(100_000 - programme!.used);
  });

  it('each export’s rows add up to the figures on screen (CSV parsed back, XLSX read back)', async () => {
    const d = await dashboard();
    for (const name of DASHBOARD_TABLES) {
      const table = dashboardTable(d, name, LABELS);
      const csv = Papa.parse<string[]>(tableCsv(table).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(csv[0]).toEqual(table.columns.map((c) => c.header));
      expect(csv.length - 1).toBe(table.rows.length);
      const book = new ExcelJS.Workbook();
      // exceljs types its input as the Node Buffer of its own @types/node; the bytes are what it reads.
      await book.xlsx.load((await tableXlsx(table)) as unknown as Parameters<typeof book.xlsx.load>[0]);
      const sheet = book.worksheets[0]!;
      expect(sheet.rowCount - 1).toBe(table.rows.length);
      table.columns.forEach((c, i) => {
        if (c.kind === 'text') return;
        const fromCsv = csv.slice(1).reduce((sum, row) => sum + Math.round(Number(row[i]) * (c.kind === 'money' ? 100 : 1)), 0);
        let fromXlsx = 0;
        for (let r = 2; r <= sheet.rowCount; r++)
          fromXlsx += Math.round(Number(sheet.getRow(r).getCell(i + 1).value) * (c.kind === 'money' ? 100 : 1));
        const onScreen = table.rows.reduce((sum, row) => sum + Number(row[i]), 0);
        expect([fromCsv, fromXlsx], `${name}.${c.header}`).toEqual([onScreen, onScreen]);
      });
    }
    // The breakdown exports add up to the totals on screen.
    const received = DASHBOARD_FIGURES.indexOf('received') + 1;
    for (const b of ['oblast', 'sector', 'country', 'currency', 'month'] as const) {
      const rows = dashboardTable(d, b, LABELS).rows;
      expect(
        rows.reduce((sum, r) => sum + Number(r[received]), 0),
        b,
      ).toBe(d.totals.kgs.received);
    }
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['?from=2026-13', 'from'],
      ['?from=2026-05&to=2026-01', 'from'],
      ['?from=2020-01&to=2026-01', 'from'],
      ['?oblast=41704220000000', 'oblast'],
      ['?sector=mining', 'sector'],
      ['?extra=1', 'extra'],
    ] as const) {
      const res = await call(s.app, s.staff, 'GET', `/staff/dashboard${query}`);
      expect(res.status, query).toBe(400);
      expect(JSON.stringify(await res.json()), query).toContain(field);
    }
  });
});
