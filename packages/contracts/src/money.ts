import { z } from 'zod';
import { MAX_AMOUNT_MINOR, MAX_TOTAL_MINOR } from './money-limits.js';

export const CURRENCIES = ['KGS', 'USD', 'EUR', 'RUB', 'KZT'] as const;
export const CurrencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof CurrencySchema>;

/**
 * Money is an integer of minor units (tyiyn, cents, kopecks) with its currency; never a float. Any money the
 * platform holds, a running total included, lies within ±MAX_TOTAL_MINOR (money-limits.ts), so it is exact.
 */
export const MoneySchema = z
  .object({ amount: z.number().int().min(-MAX_TOTAL_MINOR).max(MAX_TOTAL_MINOR), currency: CurrencySchema })
  .strict()
  .meta({ id: 'Money' });
export type Money = z.infer<typeof MoneySchema>;

/**
 * One amount a request carries (a pledge, a receipt, a disbursement): at most MAX_AMOUNT_MINOR minor units
 * (100,000,000 units of the currency; money-limits.ts says why). The sign is each request's own rule.
 * @example MoneyAmountSchema.parse({ amount: 9_007_199_254_740_991, currency: 'USD' }) // throws: too big, on `amount`
 */
export const MoneyAmountSchema = z
  .object({ amount: z.number().int().min(-MAX_AMOUNT_MINOR).max(MAX_AMOUNT_MINOR), currency: CurrencySchema })
  .strict()
  .meta({ id: 'MoneyAmount' });
