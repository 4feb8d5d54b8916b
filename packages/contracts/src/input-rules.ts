import { z } from 'zod';

/**
 * A list a person sends of values from a fixed set (sectors, languages, pledge types, SOATE codes): at most
 * `max`, each value once. A repeated value is refused (400 naming the list) rather than stored: repeats would
 * be counted twice by whatever reads the list (demand counts, matching).
 * @example uniqueList(SectorSchema, 11).parse(['water', 'water']) // throws: "each value once"
 */
export function uniqueList<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'each value once' });
}

/** Digits only: no sign, spaces, decimal point, exponent or hex prefix (all of which Number() would take). */
const DIGITS = /^[0-9]+$/;
const QUERY_INT_DIGITS = 32;

/**
 * A whole number in a query string, `min`..`max`: only plain digits are read ('0x10', '1e3', ' 5', '+5', '5.0'
 * and '' are refused), and one number out of range gives one message naming the real bound. Left out, it is
 * `default`, or undefined when `optional`, else refused as required.
 * @example queryInt({ min: 1, max: 50, default: 20 }).parse('5') // 5
 */
export function queryInt(opts: { min: number; max: number; default: number }): z.ZodType<number, string | undefined>;
export function queryInt(opts: { min: number; max: number; optional: true }): z.ZodType<number | undefined, string | undefined>;
export function queryInt(opts: { min: number; max: number }): z.ZodType<number, string>;
export function queryInt({
  min,
  max,
  default: fallback,
  optional,
}: {
  min: number;
  max: number;
  default?: number;
  optional?: true;
}): z.ZodType {
  const value = z
    .string()
    // Every query text has a length bound (request-limits.test.ts); 32 digits is far past any real value.
    .max(QUERY_INT_DIGITS, { abort: true })
    .regex(DIGITS, `a whole number from ${min} to ${max}, digits only`)
    .transform(Number)
    // Digits are a whole number already; no .int(), whose own bound (2^53) would add a second message for a huge one.
    .pipe(z.number().min(min).max(max));
  if (fallback !== undefined) return value.default(fallback);
  return optional ? value.optional() : value;
}
