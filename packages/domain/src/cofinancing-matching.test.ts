import { describe, expect, it } from 'vitest';
import type { Pledge, PledgeType, Programme, Project } from '@mekendesh/contracts';
import type { MoneyDeps } from './money-deps.js';
import { projectFunding } from './money-admin.js';
import type { Booking } from './money-ports.js';
import { bookReceipt } from './receipts.js';

// The co-financing use cases on in-memory ports: a receipt reserves a match only for the pledge types a
// programme declares (donations by default), and the project's funding says so. The same stories run on
// DynamoDB Local in tests/integration/receipts.test.ts.

const NARYN = '41704000000000';
const DAY = '2026-06-15';
const NOW = new Date('2026-06-15T06:00:00.000Z'); // noon in Bishkek

/** What the use cases read of a project; the rest of a Project is not consulted. */
const project = {
  id: 'prj-dairy',
  status: 'published',
  oblastSoate: NARYN,
  sector: 'agriculture',
  kind: 'business',
  goal: 350_000_000,
  pledgeTypes: ['donation', 'loan', 'equity'],
} as unknown as Project;

function programme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: 'mekenim',
    name: { ky: 'Мекеним 1+1', ru: 'Мекеним 1+1', en: 'Mekenim 1+1' },
    ratio: { numerator: 1, denominator: 1 },
    budget: 100_000_000,
    capPerProject: 50_000_000,
    oblastSoates: [NARYN],
    sectors: 'all',
    kinds: 'all',
    pledgeTypes: ['donation'],
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    reserved: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function pledge(type: PledgeType, amount = 1_000_000): Pledge {
  return {
    id: `p-${type}`,
    projectId: project.id,
    projectTitle: { en: 'Dairy' },
    investorId: 'u1',
    type,
    amount: { amount, currency: 'KGS' },
    amountKgs: amount,
    rate: null,
    termMonths: type === 'loan' ? 12 : null,
    inKind: null,
    channel: 'bank_transfer',
    message: null,
    display: 'anonymous',
    displayName: null,
    paymentReference: 'MK-2222-2222',
    status: 'pledged',
    received: null,
    receivedKgs: 0,
    overpaid: null,
    matchedKgs: 0,
    matchedBy: {},
    receipts: 0,
    version: 1,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

/** Ports holding one pledge and some programmes; `booked` keeps what the last booking would write. */
function ports(input: { pledge?: Pledge; programmes: Programme[] }) {
  const booked: Booking[] = [];
  const deps = {
    projects: { get: async (id: string) => (id === project.id ? project : undefined) },
    money: {
      getPledge: async (id: string) => (id === input.pledge?.id ? input.pledge : undefined),
      projectTotals: async () => ({ pledged: 1_000_000, raised: 400_000, matched: 400_000, supporters: 3 }),
      bookingState: async () => ({
        pledge: input.pledge!,
        project,
        programmes: input.programmes.map((p) => ({ programme: p, matchedForProject: 0 })),
      }),
      commitBooking: async (booking: Booking) => {
        booked.push(booking);
        return { kind: 'committed' as const };
      },
      refreshFundingOrder: async () => {},
    },
    rates: {
      tablesUpTo: async () => [],
      put: async () => {},
      tablesOn: async () => [],
      putManual: async () => {},
      listTables: async () => ({ items: [], nextCursor: null }),
    },
    programmes: {
      create: async () => {},
      list: async () => input.programmes,
      matchedForProject: async (ids: readonly string[]) => new Map(ids.map((id) => [id, 0])),
    },
    users: { get: async () => undefined },
    clock: { now: () => NOW },
    newId: () => 'id',
  } as unknown as MoneyDeps;
  return { deps, booked };
}

async function receive(type: PledgeType, programmes: Programme[]) {
  const p = pledge(type);
  const { deps, booked } = ports({ pledge: p, programmes });
  const out = await bookReceipt(deps, {
    pledgeId: p.id,
    amount: { amount: 1_000_000, currency: 'KGS' },
    receivedOn: DAY,
    receiptId: `bank:TX-${type}`,
    bankReference: `TX-${type}`,
    source: 'manual',
  });
  if (out.kind !== 'booked') throw new Error('not booked');
  return { value: out.value, booking: booked[0]! };
}

describe('matching follows the pledge type', () => {
  it('a loan under a 1:1 donation-only programme gets no match: no reservation, no matched entry', async () => {
    const { value, booking } = await receive('loan', [programme()]);
    expect(value.receipt.matched).toEqual([]);
    expect(value.pledge).toMatchObject({ status: 'received', receivedKgs: 1_000_000, matchedKgs: 0, matchedBy: {} });
    expect(booking.reservations).toEqual([]);
    expect(booking.entries.map((e) => [e.kind, e.deltas.raised, e.deltas.matched])).toEqual([['received', 1_000_000, 0]]);
  });

  it('a donation under the same programme is matched 1:1', async () => {
    const { value, booking } = await receive('donation', [programme()]);
    expect(value.receipt.matched).toEqual([{ programmeId: 'mekenim', amountKgs: 1_000_000 }]);
    expect(value.pledge).toMatchObject({ matchedKgs: 1_000_000, matchedBy: { mekenim: 1_000_000 } });
    expect(booking.reservations).toEqual([{ programmeId: 'mekenim', amount: 1_000_000, budget: 100_000_000, capPerProject: 50_000_000 }]);
    expect(booking.entries.map((e) => [e.kind, e.deltas.raised, e.deltas.matched])).toEqual([
      ['received', 1_000_000, 0],
      ['matched', 0, 1_000_000],
    ]);
  });

  it('a programme stored before pledge types existed matches donations only', async () => {
    const { pledgeTypes: _, ...old } = programme();
    expect((await receive('loan', [old as Programme])).value.receipt.matched).toEqual([]);
    expect((await receive('donation', [old as Programme])).value.receipt.matched).toEqual([
      { programmeId: 'mekenim', amountKgs: 1_000_000 },
    ]);
  });

  it('a programme that declares loans matches a loan, and a donation-only one beside it does not', async () => {
    const loans = programme({ id: 'loans', ratio: { numerator: 1, denominator: 2 }, pledgeTypes: ['loan'] });
    const { value } = await receive('loan', [programme(), loans]);
    expect(value.receipt.matched).toEqual([{ programmeId: 'loans', amountKgs: 500_000 }]);
    expect((await receive('equity', [programme(), loans])).value.receipt.matched).toEqual([]);
  });
});

describe('a project says what one som becomes, by pledge type', () => {
  it('under a 1:1 donation-only programme: a donated som becomes 2, a lent or invested som stays 1', async () => {
    const { deps } = ports({ programmes: [programme({ reserved: 30_000_000 })] });
    const funding = await projectFunding(deps, project.id);
    expect(funding.oneSom).toEqual({ diaspora: 100, matched: 100, total: 200, multiplier: '2' });
    expect(funding.oneSomByType.map((r) => [r.type, r.total, r.multiplier])).toEqual([
      ['donation', 200, '2'],
      ['loan', 100, '1'],
      ['equity', 100, '1'],
    ]);
    expect(funding.programmes).toEqual([
      {
        id: 'mekenim',
        name: { ky: 'Мекеним 1+1', ru: 'Мекеним 1+1', en: 'Mekenim 1+1' },
        ratio: { numerator: 1, denominator: 1 },
        pledgeTypes: ['donation'],
        matchedForProject: 0,
        capLeft: 50_000_000,
        budgetLeft: 70_000_000,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
    ]);
  });

  it('lists a programme stored without pledge types as donations only, and counts no exhausted programme', async () => {
    const { pledgeTypes: _, ...old } = programme();
    const spent = programme({ id: 'spent', reserved: 100_000_000, pledgeTypes: ['loan'] });
    const { deps } = ports({ programmes: [old as Programme, spent] });
    const funding = await projectFunding(deps, project.id);
    expect(funding.programmes.map((p) => [p.id, p.pledgeTypes, p.capLeft])).toEqual([
      ['mekenim', ['donation'], 50_000_000],
      ['spent', ['loan'], 0],
    ]);
    expect(funding.oneSomByType.map((r) => [r.type, r.multiplier])).toEqual([
      ['donation', '2'],
      ['loan', '1'],
      ['equity', '1'],
    ]);
  });
});
