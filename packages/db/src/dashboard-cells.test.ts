import { describe, expect, it } from 'vitest';
import { entryCellAdds, entryCountry } from './dashboard-cells.js';
import { ZERO_DELTAS } from '@mekendesh/domain';

describe('entryCountry: the corridor a ledger entry counts under', () => {
  it("is the investor's country for money from a pledge and its match, XX when the investor gave none", () => {
    expect(entryCountry({ funder: 'diaspora', country: 'RU', pledgeId: 'p1' })).toBe('RU');
    expect(entryCountry({ funder: 'programme', country: 'KZ', pledgeId: 'p1' })).toBe('KZ');
    expect(entryCountry({ funder: 'diaspora', country: null, pledgeId: 'p2' })).toBe('XX');
  });

  it('is none for money that came from no pledge: a disbursement, the municipality, other donors, an opening balance', () => {
    expect(entryCountry({ funder: 'diaspora', country: null, pledgeId: null })).toBe('none');
    expect(entryCountry({ funder: 'municipality', country: null, pledgeId: null })).toBe('none');
    expect(entryCountry({ funder: 'other_donors', country: null, pledgeId: null })).toBe('none');
    expect(entryCountry({ funder: 'opening', country: null, pledgeId: null })).toBe('none');
  });

  it("adds a disbursement's diaspora share to the none row, never to 'not given'", () => {
    const cells = entryCellAdds(
      {
        at: '2026-11-30T20:17:00Z',
        oblastSoate: '41704000000000',
        funder: 'diaspora',
        country: null,
        pledgeId: null,
        original: null,
        deltas: { ...ZERO_DELTAS, disbursed: 18_181_82, spentDiaspora: 18_181_82 },
      },
      'water',
    );
    const all = cells.get('all|2026-12')!;
    expect(all.get('c.none.disbursed')).toBe(18_181_82);
    expect(all.has('c.XX.disbursed')).toBe(false);
  });
});
