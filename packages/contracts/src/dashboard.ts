/**
 * The staff dashboard (issue 13): what GET /v1/staff/dashboard takes and answers. Money is KGS tyiyn from the
 * running totals (dashboard cells, pipeline cells, programme items), with USD cents beside it at one NBKR rate.
 */
import { z } from 'zod';
import { text, TEXT_LIMITS } from './text.js';
import { localizedLine } from './locale.js';
import { SoateSchema } from './territory.js';
import { ProjectStatusSchema, SectorSchema } from './project.js';
import { MoneySchema } from './money.js';
import { PledgeChannelSchema } from './pledge.js';

/** A Bishkek calendar month, YYYY-MM (months 01-12). */
export const MonthSchema = z
  .string()
  .max(7)
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

/** The longest period one dashboard reads: five years of months (at most 60 cells per shard and scope). */
export const MAX_DASHBOARD_MONTHS = 60;

/** Months from `from` to `to`, both included ('2026-01', '2026-03' -> 3); 0 or less when `to` is before `from`. */
export function monthsInclusive(from: string, to: string): number {
  const n = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return n(to) - n(from) + 1;
}

/**
 * The dashboard's filters. `from`/`to` default to the 12 months up to this Bishkek month (the use case fills
 * them); `from` <= `to` and at most MAX_DASHBOARD_MONTHS months, else 400 naming `from`. `oblast` must be an
 * oblast-level SOATE (checked against the territories by the use case: 400 on `oblast`).
 */
export const DashboardQuerySchema = z
  .object({
    from: MonthSchema.optional(),
    to: MonthSchema.optional(),
    oblast: SoateSchema.optional(),
    sector: SectorSchema.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (!q.from || !q.to) return;
    const n = monthsInclusive(q.from, q.to);
    if (n < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
    else if (n > MAX_DASHBOARD_MONTHS) ctx.addIssue({ code: 'custom', path: ['from'], message: `at most ${MAX_DASHBOARD_MONTHS} months` });
  })
  .meta({ id: 'DashboardQuery' });
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** The money figures the dashboard shows, in minor units (KGS tyiyn, or USD cents beside them). `received` is the ledger's `raised`. */
export const DASHBOARD_FIGURES = ['pledged', 'received', 'matched', 'municipality', 'otherDonors', 'disbursed', 'refunded'] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];
const int = z.number().int();
export const DashboardFiguresSchema = z.object(
  Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, int])) as Record<DashboardFigure, typeof int>,
);
export type DashboardFigures = z.infer<typeof DashboardFiguresSchema>;

/** One row of a breakdown: its key (an oblast SOATE, a sector, an ISO country or `XX`/`none`, a currency, a month). */
export const DashboardRowSchema = z.object({ key: z.string(), kgs: DashboardFiguresSchema, usd: DashboardFiguresSchema.nullable() });
export type DashboardRow = z.infer<typeof DashboardRowSchema>;

export const DASHBOARD_BREAKDOWNS = ['oblast', 'sector', 'country', 'currency', 'month'] as const;
export type DashboardBreakdown = (typeof DASHBOARD_BREAKDOWNS)[number];

export const DashboardPipelineRowSchema = z.object({
  status: ProjectStatusSchema,
  projects: int,
  beneficiaries: int,
  jobs: int,
});

export const DashboardReviewRowSchema = z.object({
  id: text(),
  title: localizedLine(TEXT_LIMITS.title),
  status: ProjectStatusSchema,
  oblastSoate: SoateSchema,
  sector: SectorSchema,
  submittedAt: z.iso.datetime().nullable(),
  /** Whole Bishkek days since it was submitted (or entered its state). */
  waitingDays: int,
});

export const DashboardAwaitingRowSchema = z.object({
  pledgeId: text(),
  reference: text(),
  projectId: text(),
  projectTitle: localizedLine(TEXT_LIMITS.title),
  oblastSoate: SoateSchema,
  amount: MoneySchema,
  amountKgs: int,
  receivedKgs: int,
  channel: PledgeChannelSchema,
  createdAt: z.iso.datetime(),
  /** Whole Bishkek days since the pledge was made. */
  ageDays: int,
});

export const DashboardProgrammeRowSchema = z.object({
  id: text(),
  name: localizedLine(TEXT_LIMITS.name),
  budget: int,
  /** Matches reserved so far (the running total). */
  reserved: int,
  /** Of the reserved money, what disbursements spent. */
  used: int,
  /** reserved - used: promised to projects, not yet spent. */
  reservedNotSpent: int,
  /** budget - reserved: what new matches may still take. */
  left: int,
});

export const DashboardSchema = z
  .object({
    currency: z.literal('KGS'),
    from: MonthSchema,
    to: MonthSchema,
    oblast: SoateSchema.nullable(),
    sector: SectorSchema.nullable(),
    /** The NBKR USD rate the `usd` figures use (KGS per `nominal` USD, the newest up to today); null when none is stored. */
    usdRate: z.object({ value: z.string(), nominal: int, date: z.iso.date() }).nullable(),
    totals: DashboardRowSchema,
    breakdowns: z.object(
      Object.fromEntries(DASHBOARD_BREAKDOWNS.map((b) => [b, z.array(DashboardRowSchema)])) as Record<
        DashboardBreakdown,
        z.ZodArray<typeof DashboardRowSchema>
      >,
    ),
    pipeline: z.array(DashboardPipelineRowSchema),
    /** Public projects (published, funded, in progress, completed) per oblast, of the sector filter: the map's counts. */
    publicProjectsByOblast: z.array(z.object({ oblastSoate: SoateSchema, projects: int })),
    reviewQueue: z.array(DashboardReviewRowSchema),
    /** The oldest `limit` transfer pledges awaiting payment (not all of them when there are more). */
    awaitingPayment: z.object({ limit: int, items: z.array(DashboardAwaitingRowSchema) }),
    programmes: z.array(DashboardProgrammeRowSchema),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof DashboardSchema>;
