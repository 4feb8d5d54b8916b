import { z } from 'zod';

export const CURRENCIES = ['KGS', 'USD', 'EUR', 'RUB', 'KZT'] as const;
export const CurrencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof CurrencySchema>;

/** Money is an integer of minor units (tyiyn, cents, kopecks) with its currency; never a float. */
export const MoneySchema = z
  .object({ amount: z.number().int().safe(), currency: CurrencySchema })
  .strict()
  .meta({ id: 'Money' });
export type Money = z.infer<typeof MoneySchema>;
