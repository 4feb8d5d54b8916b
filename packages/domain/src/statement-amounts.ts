/**
 * Amounts in bank statements, read with one decimal separator for the whole file.
 *
 * Banks write "1 234,56", "1.234,56", "1234.56" or "1,234.56". One cell alone can mislead: "1,000" is a
 * thousand with a comma between thousands, or one som with a decimal comma and three decimals; reading
 * each cell on its own booked "1,5" as 1.50 and "1,000" as 1000.00 in the same file. So the file's decimal
 * separator is decided once, from the cells that can only be read one way, and every cell is read by it.
 */

import { MAX_AMOUNT_MINOR } from '@mekendesh/contracts';

export type DecimalSeparator = ',' | '.';

/** How one amount cell reads under the file's rule, in minor units (tyiyn, cents). */
export type AmountReading =
  | { kind: 'amount'; minor: number }
  /** Two meanings (or one that contradicts the file's separator): staff confirm one of `readings`. */
  | { kind: 'ambiguous'; readings: number[] }
  | { kind: 'invalid' };

const other = (s: DecimalSeparator): DecimalSeparator => (s === ',' ? '.' : ',');

/** Spaces and apostrophes group thousands in any convention; they are dropped before reading. */
const GROUPING = /[\s\u00a0\u202f'’]/g;

interface Shape {
  /** The separator this cell shows to be the decimal one (it can be read no other way), if any. */
  evidence?: DecimalSeparator;
  /** Its value when its own shape decides it. */
  minor?: number;
  /** "1,000", "12.345": one separator followed by exactly three digits, after at most three. */
  threeDigits?: { separator: DecimalSeparator; thousands: number; decimal: number | undefined };
}

/** Minor units of a cell, or undefined past MAX_AMOUNT_MINOR (contracts money-limits.ts): such a line is `amount_invalid`. */
const toMinor = (whole: string, fraction = ''): number | undefined => {
  if (whole.length > 15) return undefined; // beyond any limit, and Number() would no longer be exact
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(value) && value > 0 && value <= MAX_AMOUNT_MINOR ? value : undefined;
};

/** What a cell's shape says by itself, before the file's rule. */
function shapeOf(cell: string): Shape | undefined {
  const t = cell.replace(GROUPING, '');
  if (/^\d+$/.test(t)) return { minor: toMinor(t) };
  // One separator and one or two digits after it: that separator is the decimal one ("1,5", "100.00").
  let m = /^(\d+)([.,])(\d{1,2})$/.exec(t);
  if (m) return { evidence: m[2] as DecimalSeparator, minor: toMinor(m[1]!, m[3]) };
  // Thousands groups with one separator, then the other one with one or two digits ("1.234,56", "1,234.5").
  m = /^(\d{1,3}([.,])\d{3}(?:\2\d{3})*)([.,])(\d{1,2})$/.exec(t);
  if (m && m[2] !== m[3]) return { evidence: m[3] as DecimalSeparator, minor: toMinor(m[1]!.replace(/[.,]/g, ''), m[4]) };
  // The same separator twice between groups of three can only group thousands ("1.000.000").
  m = /^\d{1,3}([.,])\d{3}(?:\1\d{3})+$/.exec(t);
  if (m) return { evidence: other(m[1] as DecimalSeparator), minor: toMinor(t.replace(/[.,]/g, '')) };
  m = /^(\d{1,3})([.,])(\d{3})$/.exec(t);
  if (m) {
    // As three decimals it is money only when the third is zero ("1,500" = 1.50; "1,234" is not money).
    const decimal = m[3]!.endsWith('0') ? toMinor(m[1]!, m[3]!.slice(0, 2)) : undefined;
    const thousands = toMinor(m[1]! + m[3]!);
    return thousands === undefined ? undefined : { threeDigits: { separator: m[2] as DecimalSeparator, thousands, decimal } };
  }
  return undefined;
}

/**
 * The decimal separator of a file, from all its amount cells: ',' when some cell can only be read with a
 * decimal comma ("1,5", "5000,00", "1.234,56", "1.000.000") and none only with a decimal point; '.' the
 * other way round; null (undecided) when no cell tells, or cells tell both. "1,000"-like cells and whole
 * numbers tell nothing.
 * @example decideDecimalSeparator(['1,5', '1,000']) // ','
 */
export function decideDecimalSeparator(cells: readonly string[]): DecimalSeparator | null {
  const seen = new Set<DecimalSeparator>();
  for (const cell of cells) {
    const evidence = shapeOf(cell)?.evidence;
    if (evidence) seen.add(evidence);
  }
  return seen.size === 1 ? [...seen][0]! : null;
}

/**
 * Reads one amount cell under the file's decimal separator (`decideDecimalSeparator`), in minor units.
 * A cell whose own shape decides it is read so (in an undecided file too). A "1,000"-like cell is a
 * thousand when its separator is not the file's decimal one; when it is, or when the file is undecided
 * and it could be either, it is ambiguous, with its readings (the thousand, and three decimals when they
 * are whole minor units). Zero, negative, or anything else is invalid.
 * @example readAmount('1,000', ',') // { kind: 'ambiguous', readings: [100, 100_000] }
 * @example readAmount('1,000', '.') // { kind: 'amount', minor: 100_000 }
 */
export function readAmount(cell: string, rule: DecimalSeparator | null): AmountReading {
  const shape = shapeOf(cell);
  if (!shape) return { kind: 'invalid' };
  if (!shape.threeDigits) return shape.minor === undefined ? { kind: 'invalid' } : { kind: 'amount', minor: shape.minor };
  const { separator, thousands, decimal } = shape.threeDigits;
  if (rule === other(separator)) return { kind: 'amount', minor: thousands };
  if (rule === separator) return { kind: 'ambiguous', readings: decimal === undefined ? [thousands] : [decimal, thousands] };
  return decimal === undefined ? { kind: 'amount', minor: thousands } : { kind: 'ambiguous', readings: [thousands, decimal] };
}
