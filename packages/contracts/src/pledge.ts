import { z } from 'zod';
import { queryInt } from './input-rules.js';
import { prose, text, TEXT_LIMITS } from './text.js';
import { localizedLine, localizedProse } from './locale.js';
import { MoneyAmountSchema, MoneySchema } from './money.js';
import { referenceText } from './normalise.js';
import { CardStateSchema } from './card-payments.js';
import { PledgeTypeSchema } from './project.js';

export const PLEDGE_CHANNELS = ['card', 'bank_transfer', 'money_transfer'] as const;
export const PledgeChannelSchema = z.enum(PLEDGE_CHANNELS);
export type PledgeChannel = z.infer<typeof PledgeChannelSchema>;

/** pledged -> partially_received -> received; or released / refunded / cancelled. */
export const PLEDGE_STATUSES = ['pledged', 'partially_received', 'received', 'released', 'refunded', 'cancelled'] as const;
export const PledgeStatusSchema = z.enum(PLEDGE_STATUSES);
export type PledgeStatus = z.infer<typeof PledgeStatusSchema>;

export const InKindSchema = z
  .object({
    hours: z.number().int().positive().max(100_000).optional(),
    goods: prose(TEXT_LIMITS.goods, { min: 1 }).optional(),
    description: prose(TEXT_LIMITS.pledgeDescription, { min: 3 }),
  })
  .strict()
  .refine((k) => k.hours !== undefined || k.goods !== undefined, { message: 'give hours or goods', path: ['hours'] });
export type InKind = z.infer<typeof InKindSchema>;

/** A rate as stored with a pledge or receipt: KGS for `nominal` units, from the table of `date`. */
export const StoredRateSchema = z
  .object({ currency: text().length(3), value: text(), nominal: z.number().int().positive(), date: z.iso.date() })
  .meta({ id: 'StoredRate' });
export type StoredRate = z.infer<typeof StoredRateSchema>;

/** The hometown club a pledge was made through (issue 12), carried on the pledge; absent on a pledge of one's own. */
export const PledgeClubSchema = z.object({ clubId: text(), clubPledgeId: text(), clubName: text() }).meta({ id: 'PledgeClub' });
export type PledgeClub = z.infer<typeof PledgeClubSchema>;

/** What an investor sends; money amounts are integers of minor units. */
export const PledgeRequestSchema = z
  .object({
    type: PledgeTypeSchema,
    /** At most MAX_AMOUNT_MINOR (money-limits.ts), and again once converted to KGS. */
    amount: MoneyAmountSchema.optional(),
    termMonths: z.number().int().min(1).max(120).optional(),
    inKind: InKindSchema.optional(),
    channel: PledgeChannelSchema,
    message: prose(TEXT_LIMITS.message).optional(),
    display: z.enum(['name', 'anonymous']),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.type === 'in_kind') {
      if (!p.inKind) issue('inKind', 'required for an in-kind pledge');
      if (p.amount) issue('amount', 'an in-kind pledge carries no money');
    } else {
      if (!p.amount) issue('amount', 'required');
      else if (p.amount.amount <= 0) issue('amount.amount', 'must be positive');
      if (p.inKind) issue('inKind', 'only for in-kind pledges');
    }
    if (p.type === 'loan' && p.termMonths === undefined) issue('termMonths', 'required for a loan');
    if (p.type !== 'loan' && p.termMonths !== undefined) issue('termMonths', 'only for loans');
  })
  .meta({ id: 'PledgeRequest' });
export type PledgeRequest = z.infer<typeof PledgeRequestSchema>;

export const PledgeSchema = z
  .object({
    id: text(),
    projectId: text(),
    projectTitle: localizedLine(TEXT_LIMITS.title),
    investorId: text(),
    type: PledgeTypeSchema,
    /** Null for in-kind pledges. */
    amount: MoneySchema.nullable(),
    /** KGS tyiyn at the rate of the pledge day (0 for in kind). */
    amountKgs: z.number().int().nonnegative(),
    rate: StoredRateSchema.nullable(),
    termMonths: z.number().int().nullable(),
    inKind: InKindSchema.nullable(),
    channel: PledgeChannelSchema,
    message: text().nullable(),
    display: z.enum(['name', 'anonymous']),
    displayName: text().nullable(),
    /** Quote it with a transfer: MK-XXXX-XXXX, the last character a check character. */
    paymentReference: text(),
    status: PledgeStatusSchema,
    /** Received, in the pledge's currency (receipts in another currency converted at their day's rate). */
    received: MoneySchema.nullable(),
    receivedKgs: z.number().int().nonnegative(),
    /** Received beyond the pledged amount, in the pledge's currency. */
    overpaid: MoneySchema.nullable(),
    /** What co-financing programmes added for this pledge's receipts, KGS tyiyn. */
    matchedKgs: z.number().int().nonnegative(),
    /** The same, by programme id: what a refund gives back to each budget. */
    matchedBy: z.record(z.string(), z.number().int()),
    receipts: z.number().int().nonnegative(),
    /** Card pledges: the checkout's outcome as the gateway reported it (absent before any outcome). */
    card: CardStateSchema.optional(),
    /** A contribution to a hometown club's pledge (clubs.ts): the ledger names the club, never the member. */
    club: PledgeClubSchema.optional(),
    /**
     * The investor's country of residence when they pledged (ISO 3166-1 alpha-2, from their profile; null: not given):
     * the staff dashboard's remittance corridors. Absent on pledges made before issue 13.
     */
    investorCountry: text().length(2).nullable().optional(),
    /**
     * A refunded transfer pledge's money paid back to the investor (staff's "refunds to pay" queue, issue 13): when
     * staff marked it paid. Absent or null while it is owed.
     */
    refundPaidAt: z.iso.datetime().nullable().optional(),
    /** How that money went back: the day, the payout's bank reference, staff's note (refunds.ts RefundPayout). */
    refundPayout: z.object({ paidOn: z.iso.date(), bankReference: text(), note: text().nullable() }).nullable().optional(),
    version: z.number().int().positive(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Pledge' });
export type Pledge = z.infer<typeof PledgeSchema>;

/** A pledge with how to pay it: the transfer instructions in three languages (null for card and in kind). */
export const PledgeViewSchema = PledgeSchema.extend({ instructions: localizedProse(TEXT_LIMITS.markdownBody).nullable() }).meta({
  id: 'PledgeView',
});
export type PledgeView = z.infer<typeof PledgeViewSchema>;

export const PledgeListSchema = z.object({ items: z.array(PledgeViewSchema), nextCursor: text().nullable() }).meta({ id: 'PledgeList' });
export type PledgeList = z.infer<typeof PledgeListSchema>;

export const PledgeListQuerySchema = z
  .object({ limit: queryInt({ min: 1, max: 50, default: 20 }), cursor: text().max(1024).optional() })
  .strict();

/** Idempotency-Key header: 8-128 characters a client generates once per pledge attempt. */
export const IdempotencyKeySchema = text()
  .max(128)
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, '8-128 letters, digits, _ . : -');

export const ReceiptRequestSchema = z
  .object({
    /** Positive, at most MAX_AMOUNT_MINOR (money-limits.ts). */
    amount: MoneyAmountSchema.refine((m) => m.amount > 0, { message: 'must be positive', path: ['amount'] }),
    receivedOn: z.iso.date(),
    /**
     * The bank's own reference of the transfer: booking the same one twice books it once. Normalised first
     * (normalise.ts), so invisible characters and look-alike hyphens cannot make a second booking.
     */
    bankReference: referenceText().min(1).max(100),
    /**
     * Book it even though the pledge already has money of this amount and currency received that day under
     * another id (a statement line, a card payment): without it, such a receipt is a 409 on `confirmDuplicate`.
     */
    confirmDuplicate: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'ReceiptRequest' });
export type ReceiptRequest = z.infer<typeof ReceiptRequestSchema>;

export const ReceiptSchema = z
  .object({
    id: text(),
    pledgeId: text(),
    projectId: text(),
    amount: MoneySchema,
    amountKgs: z.number().int().nonnegative(),
    rate: StoredRateSchema,
    receivedOn: z.iso.date(),
    bankReference: text(),
    source: z.enum(['manual', 'statement', 'card']),
    matched: z.array(z.object({ programmeId: text(), amountKgs: z.number().int().nonnegative() })),
    bookedAt: z.iso.datetime(),
  })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof ReceiptSchema>;

export const ReceiptResultSchema = z.object({ receipt: ReceiptSchema, pledge: PledgeSchema }).meta({ id: 'ReceiptResult' });
export type ReceiptResult = z.infer<typeof ReceiptResultSchema>;
