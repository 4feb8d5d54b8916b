import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Programme } from '@mekendesh/contracts';
import { DynamoProgrammeStore } from '@mekendesh/db';
import { DEMO_PROGRAMME_ID } from '@mekendesh/demo-data';
import { bishkekToday } from '@mekendesh/domain';
import { ensureDemoData, ensureDemoProgramme } from '@mekendesh/local-stack';
import { call, donation, moneyStack, pledge, programmeBody, today, type MoneyStack } from '../fixtures/money.js';

// Co-financing follows the pledge type (issue 8, fault 5) and is visible (fault 11), through the real app on
// DynamoDB Local. Each story uses its own oblast, so one story's programme never matches another's project.

const ISSYK_KUL = '41702000000000';
const CHUI = '41708000000000';
const BISHKEK = '41711000000000';
const OSH_CITY = '41721000000000';

let s: MoneyStack;
beforeAll(async () => {
  s = await moneyStack(1);
}, 120_000);
afterAll(() => s.drop());
afterEach(() => s.balanced());

const loan = (amount: number) => ({
  type: 'loan',
  amount: { amount, currency: 'KGS' },
  termMonths: 12,
  channel: 'bank_transfer',
  display: 'anonymous',
});

async function pledgeAndReceive(projectId: string, body: object, reference: string) {
  const made = await pledge(s.app, s.investors[0]!, projectId, body);
  expect(made.status).toBe(201);
  const p = await made.json();
  const booked = await call(s.app, s.staff, 'POST', `/pledges/${p.id}/receipts`, {
    amount: p.amount,
    receivedOn: today(),
    bankReference: reference,
  });
  expect(booked.status).toBe(201);
  return booked.json();
}

const funding = async (projectId: string) => (await call(s.app, undefined, 'GET', `/projects/${projectId}/funding`)).json();
const listed = async (id: string): Promise<Programme> =>
  (await (await call(s.app, undefined, 'GET', '/programmes')).json()).items.find((p: Programme) => p.id === id);

describe('co-financing follows the pledge type', () => {
  it('a loan under a 1:1 donation-only programme is not matched; a donation is', async () => {
    const project = await s.project({ oblastSoate: ISSYK_KUL, rayonSoate: null });
    const created = await call(s.app, s.staff, 'POST', '/programmes', programmeBody({ oblastSoates: [ISSYK_KUL] }));
    expect(created.status).toBe(201);
    const programme = await created.json();
    expect(programme.pledgeTypes).toEqual(['donation']); // left out: donations only

    const lent = await pledgeAndReceive(project.id, loan(300_000), 'TX-COFIN-LOAN');
    expect(lent.receipt.matched).toEqual([]);
    expect(lent.pledge).toMatchObject({ type: 'loan', status: 'received', receivedKgs: 300_000, matchedKgs: 0, matchedBy: {} });
    expect(await funding(project.id)).toMatchObject({ raised: 300_000, matched: 0 });
    expect((await listed(programme.id)).reserved).toBe(0);

    const given = await pledgeAndReceive(project.id, donation(200_000), 'TX-COFIN-GIFT');
    expect(given.receipt.matched).toEqual([{ programmeId: programme.id, amountKgs: 200_000 }]);
    expect(given.pledge).toMatchObject({ matchedKgs: 200_000 });
    expect(await funding(project.id)).toMatchObject({ raised: 500_000, matched: 200_000 });
    expect((await listed(programme.id)).reserved).toBe(200_000);
  });

  it('a programme that declares loans matches a loan, and says so', async () => {
    const project = await s.project({ oblastSoate: CHUI, rayonSoate: null, kind: 'business' });
    const body = programmeBody({ oblastSoates: [CHUI], ratio: { numerator: 1, denominator: 2 }, pledgeTypes: ['donation', 'loan'] });
    const programme = await (await call(s.app, s.staff, 'POST', '/programmes', body)).json();
    expect((await listed(programme.id)).pledgeTypes).toEqual(['donation', 'loan']);
    const lent = await pledgeAndReceive(project.id, loan(300_000), 'TX-COFIN-LOAN-2');
    expect(lent.receipt.matched).toEqual([{ programmeId: programme.id, amountKgs: 150_000 }]);
    const equity = { type: 'equity', amount: { amount: 100_000, currency: 'KGS' }, channel: 'bank_transfer', display: 'anonymous' };
    expect((await pledgeAndReceive(project.id, equity, 'TX-COFIN-EQUITY')).receipt.matched).toEqual([]);
  });

  it('refuses a bad list of pledge types with a 400 naming pledgeTypes, and stores nothing', async () => {
    const before = (await (await call(s.app, undefined, 'GET', '/programmes')).json()).items.length;
    for (const pledgeTypes of [[], ['gift'], ['loan', 'loan'], 'donation']) {
      const res = await call(s.app, s.staff, 'POST', '/programmes', programmeBody({ oblastSoates: [BISHKEK], pledgeTypes }));
      expect(res.status, JSON.stringify(pledgeTypes)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect((await res.json()).errors.map((e: { field: string }) => e.field.split('.')[0])).toContain('pledgeTypes');
    }
    expect((await (await call(s.app, undefined, 'GET', '/programmes')).json()).items.length).toBe(before);
  });

  it('a programme stored before pledge types existed is listed and applied as donations only', async () => {
    const project = await s.project({ oblastSoate: OSH_CITY, rayonSoate: null });
    // Written straight to the store as it was before the field existed: no pledgeTypes at all.
    const old = { ...programmeBody({ oblastSoates: [OSH_CITY] }), id: 'prg-old', reserved: 0, createdAt: new Date().toISOString() };
    expect(old).not.toHaveProperty('pledgeTypes');
    await new DynamoProgrammeStore(s.db).create(old as unknown as Programme);
    expect((await listed('prg-old')).pledgeTypes).toEqual(['donation']);
    expect((await pledgeAndReceive(project.id, loan(100_000), 'TX-COFIN-OLD-LOAN')).receipt.matched).toEqual([]);
    expect((await pledgeAndReceive(project.id, donation(100_000), 'TX-COFIN-OLD-GIFT')).receipt.matched).toEqual([
      { programmeId: 'prg-old', amountKgs: 100_000 },
    ]);
  });
});

describe('the demo programme', () => {
  it('loads once, and says on its projects what one som becomes, by pledge type', async () => {
    expect(await ensureDemoProgramme(s.db)).toBe('created');
    await ensureDemoData(s.db);
    expect(await ensureDemoProgramme(s.db)).toBe('present');
    const all = (await (await call(s.app, undefined, 'GET', '/programmes')).json()).items as Programme[];
    expect(all.filter((p) => p.id === DEMO_PROGRAMME_ID)).toHaveLength(1);
    const demo = all.find((p) => p.id === DEMO_PROGRAMME_ID)!;
    expect(demo).toMatchObject({
      name: { en: 'Mekenim 1+1' },
      ratio: { numerator: 1, denominator: 1 },
      pledgeTypes: ['donation'],
      startDate: bishkekToday({ now: () => new Date() }),
    });

    // prj-002: a Naryn dairy taking equity, loans and donations; only a donated som is doubled.
    const dairy = await funding('prj-002');
    expect(dairy.oneSom).toEqual({ diaspora: 100, matched: 100, total: 200, multiplier: '2' });
    expect(dairy.oneSomByType.map((r: { type: string; multiplier: string }) => [r.type, r.multiplier])).toEqual([
      ['equity', '1'],
      ['loan', '1'],
      ['donation', '2'],
    ]);
    expect(dairy.programmes).toEqual([
      expect.objectContaining({ id: DEMO_PROGRAMME_ID, pledgeTypes: ['donation'], capLeft: demo.capPerProject, budgetLeft: demo.budget }),
    ]);
    // prj-003: a felt workshop in Naryn, a sector outside the programme.
    expect(await funding('prj-003')).toMatchObject({ programmes: [], oneSom: { total: 100, multiplier: '1' } });
    // Loading the demo data is most of it: about 18 s alone on 2 cores, over a minute beside other test files.
  }, 180_000);
});
