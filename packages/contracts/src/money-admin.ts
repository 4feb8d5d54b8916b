import { z } from 'zod';
import { AuditActorSchema } from './audit.js';
import { prose, text, TEXT_LIMITS } from './text.js';
import { localizedLine } from './locale.js';
import { CurrencySchema, MoneySchema } from './money.js';
import { MAX_AMOUNT_MINOR, MAX_GOAL_TYIYN, MAX_PROGRAMME_BUDGET_TYIYN, minorUnits } from './money-limits.js';
import { PledgeTypeSchema, ProjectKindSchema, SECTORS, SectorSchema } from './project.js';
import { queryInt, uniqueList } from './input-rules.js';
import { SoateSchema } from './territory.js';

/** Staff-entered rates for one day: KGS for `nominal` units, decimal strings with a point. */
export const ManualRatesRequestSchema = z
  .object({
    rates: z
      .array(
        z
          .object({
            currency: CurrencySchema.exclude(['KGS']),
            value: z
              .string()
              .max(15)
              .regex(/^\d{1,6}(\.\d{1,8})?$/, 'a decimal like 87.4500'),
            nominal: z.number().int().positive().max(10_000).default(1),
          })
          .strict(),
      )
      .min(1)
      .max(10),
    /** Why staff correct the day's rates by hand (kept with the manual table and in the audit entry rates.correct). */
    reason: prose(TEXT_LIMITS.reason, { min: 3 }),
    /** Staff confirm a change of more than half of a rate in force that day (without it: 409 naming `rates.<i>.value`). */
    confirmLargeChange: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'ManualRatesRequest' });
export type ManualRatesRequest = z.infer<typeof ManualRatesRequestSchema>;

export const RateTableSchema = z
  .object({
    date: z.iso.date(),
    source: z.enum(['nbkr', 'manual', 'demo']),
    rates: z.record(z.string(), z.object({ currency: z.string(), value: z.string(), nominal: z.number().int() })),
    /** A manual table's reason and who entered it, and when any table was stored (absent on older tables). */
    reason: z.string().nullable().optional(),
    enteredBy: z.string().nullable().optional(),
    storedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'RateTable' });
export type StoredRateTable = z.infer<typeof RateTableSchema>;

/** A stored table as the staff rates page lists it: `inForce` when it is the one its day's conversions use (manual wins). */
export const ListedRateTableSchema = RateTableSchema.extend({ inForce: z.boolean() }).meta({ id: 'ListedRateTable' });

/**
 * GET /v1/rates: one page of stored rate tables, newest day first (a day's manual table before its fetched one),
 * and today's (Bishkek day) tables, the one in force last; empty when no table is dated today.
 */
export const RateTableListSchema = z
  .object({
    today: z.iso.date(),
    todayTables: z.array(RateTableSchema),
    items: z.array(ListedRateTableSchema),
    nextCursor: z.string().nullable(),
    /** The staff who entered the answer's manual tables (`enteredBy`), with their names, as GET /v1/audit names actors. */
    actors: z.array(AuditActorSchema),
  })
  .meta({ id: 'RateTableList' });

export const RateTablesQuerySchema = z
  .object({ limit: queryInt({ min: 1, max: 60, default: 20 }), cursor: z.string().max(512).optional() })
  .strict()
  .meta({ id: 'RateTablesQuery' });
export type RateTablesQuery = z.infer<typeof RateTablesQuerySchema>;
export type RateTableList = z.infer<typeof RateTableListSchema>;

const ALL = z.literal('all');

/** Pledge types a programme matches, each once; donations only when left out (PRODUCT.md, "Co-financing programme"). */
export const MatchedPledgeTypesSchema = uniqueList(PledgeTypeSchema, 4).min(1).default(['donation']);

export const ProgrammeRequestSchema = z
  .object({
    name: localizedLine(TEXT_LIMITS.name),
    ratio: z.object({ numerator: z.number().int().min(1).max(100), denominator: z.number().int().min(1).max(100) }).strict(),
    /** Tyiyn, at most MAX_PROGRAMME_BUDGET_TYIYN; the cap at most a project's largest goal (money-limits.ts). */
    budget: minorUnits(MAX_PROGRAMME_BUDGET_TYIYN).positive(),
    capPerProject: minorUnits(MAX_GOAL_TYIYN).positive(),
    oblastSoates: z.union([ALL, uniqueList(SoateSchema, 9).min(1)]),
    sectors: z.union([ALL, uniqueList(SectorSchema, SECTORS.length).min(1)]),
    kinds: z.union([ALL, uniqueList(ProjectKindSchema, ProjectKindSchema.options.length).min(1)]),
    /** The pledge types whose money it matches; left out, donations only (a loan is paid back). */
    pledgeTypes: MatchedPledgeTypesSchema,
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

/** What one som of a pledge becomes, tyiyn: 100 from the diaspora, `matched` from programmes; `multiplier` is the total in som ("2"). */
const OneSomSchema = z.object({ diaspora: z.number().int(), matched: z.number().int(), total: z.number().int(), multiplier: z.string() });

/**
 * A project's money, from running totals (KGS tyiyn), the co-financing programmes that apply to it today
 * and what one som of a pledge becomes there, by pledge type (a programme matches only the types it declares).
 */
export const ProjectFundingSchema = z
  .object({
    projectId: z.string(),
    currency: z.literal('KGS'),
    goal: z.number().int(),
    pledged: z.number().int(),
    raised: z.number().int(),
    /** Public money the programmes added for money received, tyiyn. */
    matched: z.number().int(),
    supporters: z.number().int(),
    /** What one som of a donation becomes. */
    oneSom: OneSomSchema,
    /** The same for each pledge type the project takes that carries money (not in kind), in the project's order. */
    oneSomByType: z.array(OneSomSchema.extend({ type: PledgeTypeSchema })),
    /** Programmes that co-finance this project today (period, oblast, sector, kind), for some pledge type. */
    programmes: z.array(
      z.object({
        id: z.string(),
        name: localizedLine(TEXT_LIMITS.name),
        ratio: z.object({ numerator: z.number(), denominator: z.number() }),
        /** The pledge types it matches. */
        pledgeTypes: z.array(PledgeTypeSchema),
        /** Tyiyn it matched for this project so far. */
        matchedForProject: z.number().int(),
        /** Tyiyn it can still match for this project: the smaller of the cap and the budget left. */
        capLeft: z.number().int(),
        /** Tyiyn left in its whole budget, all projects. */
        budgetLeft: z.number().int(),
        /** First day money received counts, YYYY-MM-DD (Bishkek): money received earlier is not matched. */
        startDate: z.iso.date(),
        /** Last day money received counts, YYYY-MM-DD (Bishkek). */
        endDate: z.iso.date(),
      }),
    ),
  })
  .meta({ id: 'ProjectFunding' });
export type ProjectFunding = z.infer<typeof ProjectFundingSchema>;

/** How to read the bytes of an uploaded statement: detect it, or the encoding staff chose in the preview. */
export const StatementEncodingChoiceSchema = z.enum(['auto', 'utf-8', 'windows-1251', 'utf-16']).meta({ id: 'StatementEncodingChoice' });
export type StatementEncodingChoice = z.infer<typeof StatementEncodingChoiceSchema>;
/** The encoding a statement was read in (utf-16 without a byte-order mark is read as little-endian). */
export const StatementEncodingSchema = z.enum(['utf-8', 'windows-1251', 'utf-16le', 'utf-16be']).meta({ id: 'StatementEncoding' });
export type StatementEncoding = z.infer<typeof StatementEncodingSchema>;

/**
 * The first day money can have been received for Mekendesh, YYYY-MM-DD (Bishkek): the programme took none
 * before. A receipt or statement line dated earlier (2020-01-01, 1900-01-01) is a wrong year, not old money;
 * so is one after today in Bishkek (2099-12-31).
 */
export const FIRST_RECEIPT_DAY = '2025-01-01';

/**
 * Why a line is not booked (or not yet). Codes, not sentences: every page says them in its own language.
 * undecodable: the line's text did not decode (U+FFFD or control characters: choose another encoding);
 * row_malformed: broken quotes; quote_unterminated: a quote opened on this line never closes (the lines after it
 * are read on their own, never swallowed); date_invalid, amount_invalid, currency_unknown: that cell cannot be read;
 * date_out_of_range: a real day, but before the programme started (FIRST_RECEIPT_DAY) or after today in Bishkek;
 * amount_ambiguous: the amount reads two ways under the file's decimal separator, staff must confirm one;
 * already_booked, repeated_in_statement: duplicates; possible_duplicate: the pledge already has money of this
 * amount and currency received that day under another id (see `duplicateOf`), booked only when staff confirm
 * the line in `confirmedDuplicates`; no_reference, unknown_reference: no pledge found; several_references: the
 * text names more than one pledge, so the line is not booked on either; pledge_not_found, pledge_closed,
 * project_closed, no_rate, not_bookable: booking refused at commit.
 */
export const StatementReasonSchema = z
  .enum([
    'undecodable',
    'row_malformed',
    'quote_unterminated',
    'date_invalid',
    'date_out_of_range',
    'amount_invalid',
    'amount_ambiguous',
    'currency_unknown',
    'already_booked',
    'repeated_in_statement',
    'possible_duplicate',
    'no_reference',
    'unknown_reference',
    'several_references',
    'pledge_not_found',
    'pledge_closed',
    'project_closed',
    'no_rate',
    'not_bookable',
  ])
  .meta({ id: 'StatementReason' });
export type StatementReason = z.infer<typeof StatementReasonSchema>;

/** Why a whole statement is refused: a 400 on `csv` or `content`, its message in the caller's language. */
export const StatementFileProblemSchema = z.enum([
  'statement_empty',
  'statement_too_long',
  'header_undecodable',
  'header_no_date',
  'header_no_amount',
  'header_no_currency',
  'header_no_text',
]);
export type StatementFileProblem = z.infer<typeof StatementFileProblemSchema>;

/**
 * A statement as text (`csv`, e.g. pasted) or as the file's bytes (`content`, base64) read in `encoding`;
 * exactly one of the two. `confirmedAmounts` are staff's choices for lines whose amount was ambiguous
 * (minor units, one of that line's `readings`); `confirmedDuplicates` the lines (by number) staff book even though
 * they look like money already received (`possible_duplicate`).
 */
export const StatementRequestSchema = z
  .object({
    csv: text().min(1).max(1_000_000).optional(),
    content: z.base64().min(1).max(1_400_000).optional(),
    encoding: StatementEncodingChoiceSchema.default('auto'),
    confirmedAmounts: z
      .array(z.object({ line: z.number().int().positive(), amount: minorUnits(MAX_AMOUNT_MINOR).positive() }).strict())
      .max(1000)
      .optional(),
    confirmedDuplicates: z.array(z.number().int().positive().max(10_000_000)).max(1000).optional(),
  })
  .strict()
  .refine((r) => (r.csv === undefined) !== (r.content === undefined), {
    path: ['csv'],
    message: 'send either csv (text) or content (base64 bytes)',
  })
  .meta({ id: 'StatementRequest' });
export type StatementRequest = z.input<typeof StatementRequestSchema>;

/** Money already booked for a pledge that a new receipt or statement line may repeat: its id, day and reference as booked. */
export const DuplicateOfSchema = z
  .object({
    receiptId: z.string(),
    receivedOn: z.iso.date(),
    /** The bank's reference, or the statement line's text, as booked. */
    bankReference: z.string(),
    source: z.enum(['manual', 'statement', 'card']),
  })
  .meta({ id: 'DuplicateOf' });
export type DuplicateOf = z.infer<typeof DuplicateOfSchema>;

export const StatementRowSchema = z.object({
  /** The line of the file the record starts on (the header is line 1). */
  line: z.number().int(),
  date: z.string().nullable(),
  amount: MoneySchema.nullable(),
  text: z.string(),
  /** The date, amount and currency cells as written, so a reason can show what was read. */
  cells: z.object({ date: z.string(), amount: z.string(), currency: z.string() }),
  /** For an ambiguous amount: what it can mean, for staff to confirm one; otherwise empty. */
  readings: z.array(MoneySchema),
  status: z.enum(['matched', 'unmatched', 'duplicate', 'invalid', 'ambiguous', 'booked']),
  reason: StatementReasonSchema.nullable(),
  paymentReference: z.string().nullable(),
  pledgeId: z.string().nullable(),
  receiptId: z.string().nullable(),
  /** For `possible_duplicate`: the money already received (or an earlier line of this statement) it may repeat. */
  duplicateOf: DuplicateOfSchema.nullable(),
});
export type StatementRow = z.infer<typeof StatementRowSchema>;

export const StatementResultSchema = z
  .object({
    rows: z.array(StatementRowSchema),
    counts: z.object({
      matched: z.number().int(),
      unmatched: z.number().int(),
      duplicate: z.number().int(),
      invalid: z.number().int(),
      ambiguous: z.number().int(),
      booked: z.number().int(),
    }),
    /** How the file was read: its encoding (null for text sent as `csv`), separator and decimal separator (null: undecided). */
    encoding: StatementEncodingSchema.nullable(),
    delimiter: z.enum([';', ',', '\t']),
    decimalSeparator: z.enum([',', '.']).nullable(),
  })
  .meta({ id: 'StatementResult' });
export type StatementResult = z.infer<typeof StatementResultSchema>;
