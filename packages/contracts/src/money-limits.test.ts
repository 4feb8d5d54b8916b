import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR, minorUnits } from './money-limits.js';

describe('an amount past its maximum', () => {
  it('gets one error, naming the maximum (2^53 and 1e308 too)', () => {
    for (const amount of [MAX_AMOUNT_MINOR + 1, 2 ** 53, 1e308]) {
      const out = minorUnits(MAX_AMOUNT_MINOR).safeParse(amount);
      expect(out.success).toBe(false);
      expect(out.error!.issues).toHaveLength(1);
      expect(out.error!.issues[0]!.message).toContain(String(MAX_AMOUNT_MINOR));
    }
  });
  it('still refuses fractions and negatives below it', () => {
    expect(minorUnits(MAX_AMOUNT_MINOR).safeParse(1.5).success).toBe(false);
    expect(minorUnits(MAX_AMOUNT_MINOR).safeParse(-1).success).toBe(false);
    expect(minorUnits(MAX_AMOUNT_MINOR).safeParse(0).success).toBe(true);
  });
});
