import { z } from 'zod';
import { queryInt } from './input-rules.js';
import { text } from './text.js';
import { MoneySchema } from './money.js';

/** One line of a project's public ledger: what moved, in KGS tyiyn; investors named only if they opted in. */
export const PublicLedgerEntrySchema = z
  .object({
    id: text(),
    at: z.iso.datetime(),
    kind: z.enum(['pledged', 'received', 'matched', 'refunded', 'disbursed', 'released', 'opening']),
    funder: z.enum(['diaspora', 'programme', 'municipality', 'other_donors', 'opening']),
    /** KGS tyiyn; negative when the entry takes money back (a refunded match, a released pledge). */
    amountKgs: z.number().int(),
    /** The money as it came, when it was not KGS. */
    original: MoneySchema.nullable(),
    programmeId: text().nullable(),
    /** Null unless the investor chose to be shown by name. */
    publicName: text().nullable(),
    /** A disbursement's "what it paid for", plain text as the officer wrote it; null on other entries. */
    purpose: text().nullable().optional(),
    /**
     * A disbursement is one line (`amountKgs` its whole amount) however many funders' money it spent: here each
     * funder's share, KGS tyiyn, largest first; absent on other entries.
     */
    split: z
      .array(z.object({ funder: z.enum(['diaspora', 'programme', 'municipality', 'other_donors']), amountKgs: z.number().int() }))
      .optional(),
  })
  .meta({ id: 'PublicLedgerEntry' });
export type PublicLedgerEntry = z.infer<typeof PublicLedgerEntrySchema>;

export const PublicLedgerSchema = z
  .object({ items: z.array(PublicLedgerEntrySchema), nextCursor: text().nullable() })
  .meta({ id: 'PublicLedger' });
export type PublicLedger = z.infer<typeof PublicLedgerSchema>;

export const PublicLedgerQuerySchema = z
  .object({ limit: queryInt({ min: 1, max: 100, default: 20 }), cursor: text().max(512).optional() })
  .strict();
