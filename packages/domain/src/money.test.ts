import { describe, expect, it } from 'vitest';
import { addMoney, allocate, formatMinor, money, percentFunded } from './money.js';

describe('money', () => {
  it('refuses fractional amounts', () => {
    expect(() => money(10.5, 'KGS')).toThrow(RangeError);
    expect(money(1050, 'KGS')).toEqual({ amount: 1050, currency: 'KGS' });
  });

  it('adds within one currency only', () => {
    expect(addMoney(money(150, 'USD'), money(250, 'USD'))).toEqual({ amount: 400, currency: 'USD' });
    expect(() => addMoney(money(1, 'USD'), money(1, 'KGS'))).toThrow(TypeError);
  });

  it('allocates shares that add up exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1_000_001, [50, 30, 20])).toEqual([500_001, 300_000, 200_000]);
    const shares = allocate(987_654_321, [7, 11, 13, 17]);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(987_654_321);
  });

  it('writes minor units as a decimal without floats', () => {
    expect([formatMinor(0), formatMinor(5), formatMinor(123_456), formatMinor(-1205)]).toEqual(['0.00', '0.05', '1234.56', '-12.05']);
  });

  it('floors percent funded and caps it for the bar', () => {
    expect(percentFunded(0, 100)).toBe(0);
    expect(percentFunded(3333, 10000)).toBe(33);
    expect(percentFunded(15000, 10000)).toBe(100);
  });
});
