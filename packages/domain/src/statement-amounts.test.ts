import { describe, expect, it } from 'vitest';
import { decideDecimalSeparator, readAmount } from './statement-amounts.js';

const amount = (minor: number) => ({ kind: 'amount', minor });

describe('statement amounts', () => {
  it('reads amounts exactly, in the ways banks write them', () => {
    expect(readAmount('1234.56', null)).toEqual(amount(123_456));
    expect(readAmount('1 234,56', null)).toEqual(amount(123_456));
    expect(readAmount('1\u00a0234,56', ',')).toEqual(amount(123_456));
    expect(readAmount('1,234.5', null)).toEqual(amount(123_450));
    expect(readAmount('1.234,56', null)).toEqual(amount(123_456));
    expect(readAmount('1.000.000', null)).toEqual(amount(100_000_000));
    expect(readAmount('0.10', '.')).toEqual(amount(10));
    expect(readAmount('700', ',')).toEqual(amount(70_000));
    expect(readAmount('12.345', null)).toEqual(amount(1_234_500)); // 12.345 som is no amount: only thousands
    for (const bad of ['-5', '0', '0,00', '12.3456', 'abc', '', '1,2,3', '1.000,000.50'])
      expect(readAmount(bad, null), bad).toEqual({ kind: 'invalid' });
  });

  it('decides the decimal separator once per file, from the cells that can be read only one way', () => {
    expect(decideDecimalSeparator(['1,5', '1,000'])).toBe(',');
    expect(decideDecimalSeparator(['5000,00', '700', '2 500'])).toBe(',');
    expect(decideDecimalSeparator(['1.000.000', '12'])).toBe(','); // dots between thousands
    expect(decideDecimalSeparator(['100.00', '1,000'])).toBe('.');
    expect(decideDecimalSeparator(['1,234,567', '5'])).toBe('.');
    expect(decideDecimalSeparator(['1,000', '1.000', '700'])).toBeNull(); // nothing tells
    expect(decideDecimalSeparator(['1,50', '2.50'])).toBeNull(); // cells tell both
  });

  it('in one semicolon file, reads 1,5 as 1.50 and asks about 1,000 instead of booking a thousand', () => {
    const rule = decideDecimalSeparator(['1,5', '1,000']);
    expect(readAmount('1,5', rule)).toEqual(amount(150));
    expect(readAmount('1,000', rule)).toEqual({ kind: 'ambiguous', readings: [100, 100_000] });
    expect(readAmount('1.000', rule)).toEqual(amount(100_000)); // a dot groups thousands in a decimal-comma file
    expect(readAmount('1,234', rule)).toEqual({ kind: 'ambiguous', readings: [123_400] }); // only as thousands, against the file's comma
  });

  it('reads 1,000 as a thousand where the point is decimal, and asks where the file cannot tell', () => {
    expect(readAmount('1,000', '.')).toEqual(amount(100_000));
    expect(readAmount('1.500', '.')).toEqual({ kind: 'ambiguous', readings: [150, 150_000] });
    expect(readAmount('1,000', null)).toEqual({ kind: 'ambiguous', readings: [100_000, 100] });
    expect(readAmount('5000,00', null)).toEqual(amount(500_000)); // its own shape decides it, even undecided
  });
});
