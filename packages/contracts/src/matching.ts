import { z } from 'zod';
import { CountryCodeSchema } from './countries.js';
import { TrilingualNameSchema } from './locale.js';
import { queryInt } from './input-rules.js';
import { MAX_AMOUNT_MINOR } from './money-limits.js';
import { ProjectSummarySchema, SECTORS, SectorSchema } from './project.js';
import { text } from './text.js';
import { SoateSchema } from './territory.js';

/**
 * Matchmaking's contracts: recommendations for an investor (from their profile) or a visitor (from the answers
 * of the question flow, kept in the URL), and the demand signals local governments see. The scoring and the
 * reasons' texts are the domain's (packages/domain/src/matching.ts, docs/matching.md).
 */

/** Why a project is recommended, one code per kind of reason; its words come with it in ky/ru/en. */
export const MATCH_REASONS = [
  'home_rayon',
  'home_oblast',
  'sector',
  'amount_fits',
  'cofinanced',
  'closing_soon',
  'owner_track_record',
  'pledge_type',
  'language',
] as const;
export const MatchReasonCodeSchema = z.enum(MATCH_REASONS);
export type MatchReasonCode = z.infer<typeof MatchReasonCodeSchema>;

/** One reason, in the three languages ("in your home district At-Bashy", "education, one of your interests"). */
export const MatchReasonSchema = z.object({ code: MatchReasonCodeSchema, text: TrilingualNameSchema }).meta({ id: 'MatchReason' });
export type MatchReason = z.infer<typeof MatchReasonSchema>;

/** What one som of a donation becomes where programmes co-finance the project: "1 som becomes 2 som". */
export const MatchOneSomSchema = z.object({
  /** The total in som for one som given, as text ("2", "1.5"). */
  multiplier: z.string(),
  /** The programmes that match, by name. */
  programmes: z.array(TrilingualNameSchema.partial()),
});

export const RecommendationSchema = z
  .object({
    project: ProjectSummarySchema,
    /** The score the list is ordered by (higher first); weights in packages/domain/src/matching.ts. */
    score: z.number().int(),
    /** The strongest reasons first. */
    reasons: z.array(MatchReasonSchema),
    /** Present when a programme co-finances the project today. */
    oneSom: MatchOneSomSchema.nullable(),
  })
  .meta({ id: 'Recommendation' });
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** The three answers that matter most; a profile or a visitor's answers without them get an invitation to give them. */
export const MATCH_ANSWERS = ['home', 'sectors', 'amount'] as const;
export type MatchAnswer = (typeof MATCH_ANSWERS)[number];

export const RecommendationListSchema = z
  .object({
    items: z.array(RecommendationSchema),
    /** Which of the three answers are missing (home district, interests, amount): the page asks for them. */
    missing: z.array(z.enum(MATCH_ANSWERS)),
  })
  .meta({ id: 'RecommendationList' });
export type RecommendationList = z.infer<typeof RecommendationListSchema>;

/** Most recommendations one answer gives. */
export const MATCH_LIMITS = { defaultLimit: 10, maxLimit: 20 } as const;

/** Comma-separated sectors in a URL ("education,health"), each once, at most all of them. */
const SectorListSchema = text()
  .max(SECTORS.join(',').length)
  .transform((s, ctx) => {
    // Every part a sector: ",,," or "water," is not a list of sectors.
    const parts = s === '' ? [] : s.split(',');
    const bad = parts.find((p) => !SectorSchema.safeParse(p).success);
    if (bad !== undefined || new Set(parts).size !== parts.length) {
      ctx.addIssue({ code: 'custom', message: 'comma-separated sectors, each once' });
      return z.NEVER;
    }
    return parts as (typeof SECTORS)[number][];
  });

/**
 * A visitor's answers (GET /v1/recommendations), as the question flow keeps them in its URL: oblast then rayon
 * (SOATE; a rayon must lie in the oblast), interests, and about how much in som (whole KGS, 1..MAX_AMOUNT_MINOR/100).
 * @example ?oblast=41704000000000&rayon=41704220000000&sectors=education,water&amount=50000
 */
export const MatchAnswersQuerySchema = z
  .object({
    oblast: SoateSchema.optional(),
    rayon: SoateSchema.optional(),
    sectors: SectorListSchema.optional(),
    amount: queryInt({ min: 1, max: Math.floor(MAX_AMOUNT_MINOR / 100), optional: true }),
    limit: queryInt({ min: 1, max: MATCH_LIMITS.maxLimit, default: MATCH_LIMITS.defaultLimit }),
  })
  .strict();
export type MatchAnswersQuery = z.infer<typeof MatchAnswersQuerySchema>;

/**
 * A signed-in investor's recommendations (GET /v1/me/recommendations). `near: 'home'` keeps only projects in the
 * home rayon or oblast ("more near your home" on a project page), `exclude` leaves out the project being read.
 */
export const MyRecommendationsQuerySchema = z
  .object({
    near: z.enum(['home']).optional(),
    exclude: text()
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    limit: queryInt({ min: 1, max: MATCH_LIMITS.maxLimit, default: MATCH_LIMITS.defaultLimit }),
  })
  .strict();
export type MyRecommendationsQuery = z.infer<typeof MyRecommendationsQuerySchema>;

// ---- Demand signals -------------------------------------------------------------------------------------

/** Fewest people a demand cell shows; below it the cell says "fewer than 5" (never a count, a name or an id). */
export const DEMAND_MIN_CELL = 5;

/** Width of the bands counts are published in (rounding to base 5, as statistical offices publish small areas). */
export const DEMAND_BAND = 5;

/**
 * A count of 5 or more as a band of 5, never exact: n people is `{ from: 5⌊n/5⌋, to: 5⌊n/5⌋ + 4 }` (7 → 5–9,
 * 10 → 10–14), so one more or one fewer person mostly leaves the shown cell as it was.
 */
export const DemandBandSchema = z
  .object({ from: z.number().int().min(DEMAND_MIN_CELL).multipleOf(DEMAND_BAND), to: z.number().int().min(DEMAND_MIN_CELL) })
  .meta({ id: 'DemandBand' });
export type DemandBand = z.infer<typeof DemandBandSchema>;

/** A count of consenting investors: its band of 5 (DemandBandSchema), or `fewer_than_5` when under DEMAND_MIN_CELL. */
export const DemandCellSchema = z.union([DemandBandSchema, z.literal('fewer_than_5')]).meta({ id: 'DemandCell' });
export type DemandCell = z.infer<typeof DemandCellSchema>;

/** Amount ranges of the demand table, by the profile's amountMax (else amountMin), KGS som. */
export const DEMAND_AMOUNT_RANGES = ['under_10k', '10k_50k', '50k_200k', '200k_1m', 'over_1m', 'not_stated'] as const;
export const DemandAmountRangeSchema = z.enum(DEMAND_AMOUNT_RANGES);

/**
 * Demand for one territory (GET /v1/demand/{soate}): how many investors who agreed to be counted come from it,
 * in all and by sector of interest, amount range and country of residence, from running aggregates. Countries
 * (and "not stated", `not_stated`) with 5 or more people are listed by code; all the others are folded into
 * `otherCountries` (always present, so its presence says nothing), never named.
 */
export const DemandSchema = z
  .object({
    soate: SoateSchema,
    name: TrilingualNameSchema,
    total: DemandCellSchema,
    bySector: z.array(z.object({ sector: SectorSchema, count: DemandCellSchema })),
    byAmount: z.array(z.object({ range: DemandAmountRangeSchema, count: DemandCellSchema })),
    byCountry: z.array(z.object({ country: z.union([CountryCodeSchema, z.literal('not_stated')]), count: DemandBandSchema })),
    otherCountries: DemandCellSchema,
  })
  .meta({ id: 'Demand' });
export type Demand = z.infer<typeof DemandSchema>;
