import { z } from 'zod';
import { LocaleSchema, TrilingualNameSchema } from './locale.js';
import { CurrencySchema } from './money.js';

/**
 * What the card gateway last said about a pledge paid by card. Absent until a checkout is paid, expires
 * or fails; `closedSessions` are checkouts that can no longer be paid (a new one is opened after them).
 */
export const CardStateSchema = z
  .object({
    status: z.enum(['paid', 'expired', 'failed', 'partially_refunded', 'refunded']),
    paymentIntentId: z.string().nullable(),
    /** Refunded so far, in minor units of the charge's currency (the gateway's cumulative amount). */
    refunded: z.number().int().nonnegative(),
    closedSessions: z.array(z.string()).max(50),
  })
  .meta({ id: 'CardState' });
export type CardState = z.infer<typeof CardStateSchema>;

/** How pledges can be paid here; the web app shows the card option as unavailable, with the reason, when it is off. */
export const PaymentOptionsSchema = z
  .object({
    cardPayments: z.object({
      enabled: z.boolean(),
      /** Currencies a card can be charged in; others pay by transfer. */
      currencies: z.array(CurrencySchema),
      reason: TrilingualNameSchema.optional(),
    }),
  })
  .meta({ id: 'PaymentOptions' });
export type PaymentOptions = z.infer<typeof PaymentOptionsSchema>;

export const CheckoutRequestSchema = z
  .object({ locale: LocaleSchema.default('en') })
  .strict()
  .meta({ id: 'CheckoutRequest' });
export type CheckoutRequest = z.infer<typeof CheckoutRequestSchema>;

export const CheckoutSchema = z.object({ url: z.url() }).meta({ id: 'Checkout' });
export type Checkout = z.infer<typeof CheckoutSchema>;

export const WebhookAckSchema = z.object({ received: z.literal(true), outcome: z.string() }).meta({ id: 'WebhookAck' });
