import { z } from 'zod';

/**
 * The largest amounts Mekendesh takes, in minor units (tyiyn, cents, kopecks, tiyn). Chosen from the
 * programme's real scale (PRODUCT.md: village and district projects, "Mekenim 1+1"-sized programmes) with
 * room to spare, and so that every running total stays an exact integer in a JavaScript number
 * (Number.MAX_SAFE_INTEGER = 2^53 - 1 ≈ 9.007e15):
 *
 * - one amount (a pledge, a receipt, a statement line, a disbursement): at most 100,000,000 units
 *   = 10^10 minor units, in its own currency and again in KGS after conversion (100 million som ≈ 1.1 million USD,
 *   far beyond any one migrant's transfer);
 * - a project's goal (and so its funding-plan shares, tranches, minimum pledge and a programme's cap per
 *   project): at most 1,000,000,000 som = 10^11 tyiyn;
 * - a co-financing programme's budget: at most 10,000,000,000 som = 10^12 tyiyn (a state programme's scale);
 * - any running total (a project's, a programme's, an oblast's, one platform shard's pledged, raised,
 *   matched...): at most 10^15 minor units. Eight platform shards then add up to 8·10^15 < 2^53, and a
 *   total plus one amount never leaves the exact range, so sums read back are always exact.
 *
 * Contracts check the single amounts; the money store conditions every running-total write on
 * `total <= MAX_TOTAL_MINOR - amount`, so no stored total can pass the limit.
 */
export const MONEY_LIMITS = Object.freeze({
  /** One pledge, receipt, statement line or disbursement, minor units of its currency (and in tyiyn once converted). */
  amount: 10_000_000_000,
  /** A project's funding goal, tyiyn; also bounds its shares, tranches, minimum pledge, and a programme's cap per project. */
  goal: 100_000_000_000,
  /** A co-financing programme's whole budget, tyiyn. */
  programmeBudget: 1_000_000_000_000,
  /** Any running total, minor units. */
  total: 1_000_000_000_000_000,
});
export const MAX_AMOUNT_MINOR = MONEY_LIMITS.amount;
export const MAX_GOAL_TYIYN = MONEY_LIMITS.goal;
export const MAX_PROGRAMME_BUDGET_TYIYN = MONEY_LIMITS.programmeBudget;
export const MAX_TOTAL_MINOR = MONEY_LIMITS.total;

/**
 * A whole number of minor units between 0 and `max` (inclusive): the one schema for every amount a request
 * carries. Chain `.positive()` where zero makes no sense.
 * @example minorUnits(MAX_GOAL_TYIYN).positive().parse(5_000_000_00) // 500,000,000 tyiyn = 5,000,000 som
 */
// The maximum first, and it stops the checks: a number past it (2^53, 1e308) gets one error naming the
// maximum, not a second one from int()'s safe-integer bound.
export const minorUnits = (max: number) => z.number().max(max, { abort: true }).int().nonnegative();

/**
 * True when a stored or computed total is a whole number within ±MAX_TOTAL_MINOR: what a reader may trust
 * as exact. Readers that meet anything else log it and show it as unknown rather than failing.
 */
export function isExactTotal(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_TOTAL_MINOR;
}
