import { describe, expect, it } from 'vitest';
import { publicEntries } from './public-ledger.js';
import { ZERO_DELTAS, type Funder, type LedgerEntry } from './money-ports.js';

const entry = (id: string, funder: Funder, kind: LedgerEntry['kind'], deltas: Partial<LedgerEntry['deltas']>): LedgerEntry => ({
  id,
  at: '2026-12-01T04:00:00Z',
  kind,
  projectId: 'prj-1',
  oblastSoate: '41704000000000',
  pledgeId: kind === 'disbursed' ? null : 'pl-1',
  receiptId: null,
  programmeId: null,
  funder,
  original: null,
  country: null,
  deltas: { ...ZERO_DELTAS, ...deltas },
  publicName: kind === 'disbursed' ? null : 'Айжан',
  purpose: kind === 'disbursed' ? 'Шифер' : undefined,
});

describe('publicEntries', () => {
  it('shows a disbursement as one line with its whole amount and the funder split, never a name', () => {
    const lines = publicEntries([
      entry('d1-diaspora', 'diaspora', 'disbursed', { disbursed: 18_181_82 }),
      entry('d1-programme', 'programme', 'disbursed', { disbursed: 18_181_82 }),
      entry('d1-municipality', 'municipality', 'disbursed', { disbursed: 3_636_36 }),
      entry('pl-1-r1', 'diaspora', 'received', { raised: 40_000_00 }),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ kind: 'disbursed', amountKgs: 40_000_00, publicName: null, purpose: 'Шифер' });
    expect(lines[0]!.split).toEqual([
      { funder: 'diaspora', amountKgs: 18_181_82 },
      { funder: 'programme', amountKgs: 18_181_82 },
      { funder: 'municipality', amountKgs: 3_636_36 },
    ]);
    expect(lines[1]).toMatchObject({ kind: 'received', amountKgs: 40_000_00, publicName: 'Айжан' });
    expect(lines[1]!.split).toBeUndefined();
  });

  it('keeps two disbursements apart', () => {
    const lines = publicEntries([
      entry('d2-diaspora', 'diaspora', 'disbursed', { disbursed: 100 }),
      entry('d1-diaspora', 'diaspora', 'disbursed', { disbursed: 200 }),
      entry('d1-other_donors', 'other_donors', 'disbursed', { disbursed: 50 }),
    ]);
    expect(lines.map((l) => l.amountKgs)).toEqual([100, 250]);
    expect(lines[0]!.id).not.toBe(lines[1]!.id);
  });
});
