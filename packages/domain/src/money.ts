import type { Currency, Money } from '@mekendesh/contracts';

/** Minor units per major unit. All five platform currencies have two decimal places. */
export const MINOR_UNITS: Record<Currency, number> = { KGS: 100, USD: 100, EUR: 100, RUB: 100, KZT: 100 };

export function money(amount: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be a safe integer, got ${amount}`);
  return { amount, currency };
}

/** Adds amounts of one currency; refuses to mix currencies. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new TypeError(`cannot add ${a.currency} to ${b.currency}`);
  return money(a.amount + b.amount, a.currency);
}

/**
 * Splits a total into integer shares proportional to weights; the remainders go to the largest
 * fractional parts so the shares always add up exactly to the total.
 * @example allocate(100, [1, 1, 1]) // [34, 33, 33]
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('total must be a safe integer');
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || weights.some((w) => w < 0 || !Number.isInteger(w))) throw new RangeError('weights must be non-negative integers');
  const big = BigInt(total);
  const bigSum = BigInt(sum);
  const shares = weights.map((w) => (big * BigInt(w)) / bigSum);
  const rest = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % bigSum }));
  let left = big - shares.reduce((s, x) => s + x, 0n);
  rest.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rest) {
    if (left === 0n) break;
    shares[i]! += 1n;
    left -= 1n;
  }
  return shares.map(Number);
}

/** Whole percent funded, floored, capped at 100 for display of a bar (the ledger keeps the exact figures). */
export function percentFunded(raised: number, goal: number): number {
  if (goal <= 0) return 0;
  return Math.min(100, Math.floor((raised * 100) / goal));
}

/**
 * Minor units as a decimal string with two places, by integer arithmetic only (for messages and logs).
 * @example formatMinor(-1205) // '-12.05'
 */
export function formatMinor(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
