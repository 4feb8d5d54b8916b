import { z } from 'zod';
import { CountryCodeSchema } from './countries.js';
import { queryInt } from './input-rules.js';
import { localizedLine, LocaleSchema } from './locale.js';
import { MoneySchema } from './money.js';
import { referenceText } from './normalise.js';
import { PledgeChannelSchema } from './pledge.js';
import { prose, text, TEXT_LIMITS } from './text.js';

/** How staff paid a refunded transfer pledge's money back (issue 13, "refunds to pay"). */
export const RefundPayoutSchema = z
  .object({
    /** YYYY-MM-DD, the Bishkek day the money was sent back. */
    paidOn: z.iso.date(),
    bankReference: text(),
    note: text().nullable(),
  })
  .meta({ id: 'RefundPayout' });
export type RefundPayout = z.infer<typeof RefundPayoutSchema>;

/** POST /v1/staff/refunds/{id}/paid: the day (Bishkek, not in the future), the payout's bank reference (normalised as a receipt's), a note. */
export const RefundPaidRequestSchema = z
  .object({
    paidOn: z.iso.date(),
    bankReference: referenceText().min(1).max(100),
    note: prose(TEXT_LIMITS.reason).optional(),
  })
  .strict()
  .meta({ id: 'RefundPaidRequest' });
export type RefundPaidRequest = z.infer<typeof RefundPaidRequestSchema>;

/** One refunded transfer pledge whose received money is owed back, with whom to pay. */
export const RefundDueSchema = z
  .object({
    pledgeId: text(),
    paymentReference: text(),
    channel: PledgeChannelSchema,
    /** Received, in the pledge's currency, and in KGS tyiyn. */
    received: MoneySchema,
    receivedKgs: z.number().int().nonnegative(),
    projectId: text(),
    projectTitle: localizedLine(TEXT_LIMITS.title),
    /** expired: the all-or-nothing project expired short of its goal; refunded: the pledge was refunded otherwise. */
    why: z.enum(['expired', 'refunded']),
    /** When the pledge became refunded (owed since). */
    owedSince: z.iso.datetime(),
    /** The investor, or only their id when the account was deleted (`deleted`). */
    investor: z.object({
      id: text(),
      deleted: z.boolean(),
      displayName: text().nullable(),
      email: text().nullable(),
      residenceCountry: CountryCodeSchema.nullable(),
      locale: LocaleSchema.nullable(),
    }),
  })
  .meta({ id: 'RefundDue' });
export type RefundDue = z.infer<typeof RefundDueSchema>;

export const RefundDueListSchema = z
  .object({ items: z.array(RefundDueSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'RefundDueList' });
export type RefundDueList = z.infer<typeof RefundDueListSchema>;

export const RefundDueQuerySchema = z
  .object({ limit: queryInt({ min: 1, max: 100, default: 50 }), cursor: z.string().max(512).optional() })
  .strict()
  .meta({ id: 'RefundDueQuery' });
