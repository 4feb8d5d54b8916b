import { describe, expect, it } from 'vitest';
import { LocalizedNameSchema, nameText, normaliseName, normaliseReference, referenceKey } from './normalise.js';
import { MoneyAmountSchema } from './money.js';
import { MAX_AMOUNT_MINOR, MAX_TOTAL_MINOR } from './money-limits.js';

describe('normalise (issue 9, fault 8)', () => {
  it('makes R, R+ZWSP, ZWSP+R and R with look-alike hyphens one reference', () => {
    const keys = [
      'R-1',
      'R-1\u200b',
      '\u200bR-1',
      'R\u20101',
      'R\u20111',
      'R\u22121',
      'R\ufe631',
      'r\uff0d1',
      '\ufeffR\u2060-1',
      'Ｒ-１',
    ].map(referenceKey);
    expect(new Set(keys)).toEqual(new Set(['R-1']));
    expect(normaliseReference(' FT\u00a0\u00a0777 ')).toBe('FT 777');
  });

  it('normalises names to NFC without invisible characters, and refuses one made only of them', () => {
    expect(normaliseName(' Айгүл\u200b  Осмонова\u2010Ким ')).toBe('Айгүл Осмонова-Ким');
    expect(normaliseName('и\u0306')).toBe('й');
    expect(normaliseName('\u200b\u200c\u200d\u2060\ufeff\u3164')).toBe('');
    expect(nameText(80, { min: 2 }).safeParse('\u200b\u200b\u200b\u200b').success).toBe(false);
    expect(LocalizedNameSchema.safeParse({ ru: '\u200b' }).error?.issues[0]?.path).toEqual(['ru']);
  });
});

describe('money limits (issue 9, fault 1)', () => {
  it('takes one amount up to MAX_AMOUNT_MINOR and no further, and keeps totals far below 2^53', () => {
    expect(MoneyAmountSchema.safeParse({ amount: MAX_AMOUNT_MINOR, currency: 'KGS' }).success).toBe(true);
    const huge = MoneyAmountSchema.safeParse({ amount: 9_007_199_254_740_991, currency: 'KGS' });
    expect(huge.error?.issues[0]).toMatchObject({ code: 'too_big', path: ['amount'] });
    expect(8 * MAX_TOTAL_MINOR + MAX_AMOUNT_MINOR).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});
