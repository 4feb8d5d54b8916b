import { z } from 'zod';
import { queryInt } from './input-rules.js';
import { SectorSchema } from './project.js';
import { SoateSchema } from './territory.js';
import { text } from './text.js';
import { UsdRateSchema } from './funding-figures.js';

/** One supporter who chose to be shown by name (a club pledge shows its club); never anyone anonymous. */
export const NamedSupporterSchema = z.object({ name: text(), since: z.iso.datetime() }).meta({ id: 'NamedSupporter' });
export type NamedSupporter = z.infer<typeof NamedSupporterSchema>;

/** A page of a public project's named supporters, newest first. */
export const NamedSupportersSchema = z
  .object({ items: z.array(NamedSupporterSchema), nextCursor: text().nullable() })
  .meta({ id: 'NamedSupporters' });
export type NamedSupporters = z.infer<typeof NamedSupportersSchema>;

export const NamedSupportersQuerySchema = z
  .object({ limit: queryInt({ min: 1, max: 50, default: 20 }), cursor: text().max(512).optional() })
  .strict();

/** Money figures of the programme statistics, KGS tyiyn: received from every funder, of which matched by programmes, and disbursed. */
export const MoneyFiguresSchema = z
  .object({
    /** Money in from every funder: diaspora, programme matches, municipalities, other donors. */
    received: z.number().int(),
    /** Of `received`, the co-financing programmes' matches. */
    matched: z.number().int(),
    disbursed: z.number().int(),
    /** The same figures in US cents at the answer's `usdRate`; absent when no recent USD rate is stored. */
    usd: z.object({ received: z.number().int(), matched: z.number().int(), disbursed: z.number().int() }).strict().optional(),
  })
  .strict();
export type MoneyFigures = z.infer<typeof MoneyFiguresSchema>;

/** Projects counted by the pipeline cells over public states: completed ones, beneficiaries and jobs expected. */
export const ImpactFiguresSchema = z
  .object({
    completed: z.number().int().nonnegative(),
    beneficiaries: z.number().int().nonnegative(),
    jobs: z.number().int().nonnegative(),
  })
  .strict();

/** The public statistics of the whole programme (GET /v1/stats/programme), from running totals only. */
export const ProgrammeStatsSchema = z
  .object({
    currency: z.literal('KGS'),
    totals: MoneyFiguresSchema,
    byOblast: z.array(MoneyFiguresSchema.extend({ soate: SoateSchema })),
    bySector: z.array(MoneyFiguresSchema.extend({ sector: SectorSchema })),
    /** One row per oblast and sector with money or projects (the open-data CSV's rows). */
    cells: z.array(MoneyFiguresSchema.extend({ soate: SoateSchema, sector: SectorSchema }).extend(ImpactFiguresSchema.shape)),
    impact: ImpactFiguresSchema,
    /** The last month the figures include, YYYY-MM (Bishkek); null when nothing was booked yet. */
    through: z.string().nullable(),
    /** The NBKR USD rate of today (Bishkek) the `usd` figures are at; null when none recent is stored. */
    usdRate: UsdRateSchema.nullable().optional(),
  })
  .meta({ id: 'ProgrammeStats' });
export type ProgrammeStats = z.infer<typeof ProgrammeStatsSchema>;
