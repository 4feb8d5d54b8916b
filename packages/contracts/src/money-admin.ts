import { z } from 'zod';
import { LocalizedTextSchema } from './locale.js';
import { CurrencySchema, MoneySchema } from './money.js';
import { ProjectKindSchema, SectorSchema } from './project.js';
import { SoateSchema } from './territory.js';

/** Staff-entered rates for one day: KGS for `nominal` units, decimal strings with a point. */
export const ManualRatesRequestSchema = z
  .object({
    rates: z
      .array(
        z
          .object({
            currency: CurrencySchema.exclude(['KGS']),
            value: z.string().regex(/^\d{1,6}(\.\d{1,8})?$/, 'a decimal like 87.4500'),
            nominal: z.number().int().positive().max(10_000).default(1),
          })
          .strict(),
      )
      .min(1)
      .max(10),
  })
  .strict()
  .meta({ id: 'ManualRatesRequest' });
export type ManualRatesRequest = z.infer<typeof ManualRatesRequestSchema>;

export const RateTableSchema = z
  .object({
    date: z.iso.date(),
    source: z.enum(['nbkr', 'manual', 'demo']),
    rates: z.record(z.string(), z.object({ currency: z.string(), value: z.string(), nominal: z.number().int() })),
  })
  .meta({ id: 'RateTable' });
export type StoredRateTable = z.infer<typeof RateTableSchema>;

const ALL = z.literal('all');

export const ProgrammeRequestSchema = z
  .object({
    name: LocalizedTextSchema,
    ratio: z.object({ numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) }).strict(),
    budget: z.number().int().positive().safe(),
    capPerProject: z.number().int().positive().safe(),
    oblastSoates: z.union([ALL, z.array(SoateSchema).min(1)]),
    sectors: z.union([ALL, z.array(SectorSchema).min(1)]),
    kinds: z.union([ALL, z.array(ProjectKindSchema).min(1)]),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
  })
  .strict()
  .meta({ id: 'ProgrammeRequest' });
export type ProgrammeRequest = z.infer<typeof ProgrammeRequestSchema>;

export const ProgrammeSchema = ProgrammeRequestSchema.extend({
  id: z.string(),
  /** Tyiyn reserved for matches so far; never above budget. */
  reserved: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
}).meta({ id: 'Programme' });
export type Programme = z.infer<typeof ProgrammeSchema>;

export const ProgrammeListSchema = z.object({ items: z.array(ProgrammeSchema) }).meta({ id: 'ProgrammeList' });

/** A project's money, from running totals, and what one som of a pledge becomes there today. */
export const ProjectFundingSchema = z
  .object({
    projectId: z.string(),
    currency: z.literal('KGS'),
    goal: z.number().int(),
    pledged: z.number().int(),
    raised: z.number().int(),
    matched: z.number().int(),
    supporters: z.number().int(),
    oneSom: z.object({ diaspora: z.number().int(), matched: z.number().int(), total: z.number().int(), multiplier: z.string() }),
    programmes: z.array(
      z.object({ id: z.string(), name: LocalizedTextSchema, ratio: z.object({ numerator: z.number(), denominator: z.number() }), matchedForProject: z.number().int(), capLeft: z.number().int() }),
    ),
  })
  .meta({ id: 'ProjectFunding' });
export type ProjectFunding = z.infer<typeof ProjectFundingSchema>;

export const StatementRequestSchema = z
  .object({ csv: z.string().min(1).max(1_000_000) })
  .strict()
  .meta({ id: 'StatementRequest' });

export const StatementRowSchema = z.object({
  line: z.number().int(),
  date: z.string().nullable(),
  amount: MoneySchema.nullable(),
  text: z.string(),
  status: z.enum(['matched', 'unmatched', 'duplicate', 'invalid', 'booked']),
  reason: z.string().nullable(),
  paymentReference: z.string().nullable(),
  pledgeId: z.string().nullable(),
  receiptId: z.string().nullable(),
});
export type StatementRow = z.infer<typeof StatementRowSchema>;

export const StatementResultSchema = z
  .object({
    rows: z.array(StatementRowSchema),
    counts: z.object({ matched: z.number().int(), unmatched: z.number().int(), duplicate: z.number().int(), invalid: z.number().int(), booked: z.number().int() }),
  })
  .meta({ id: 'StatementResult' });
export type StatementResult = z.infer<typeof StatementResultSchema>;
