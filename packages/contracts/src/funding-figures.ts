import { z } from 'zod';

/** Money of one funder type on a project, KGS tyiyn: what the funding plan expects, what came in, what was spent of it. */
export const FunderFiguresSchema = z
  .object({
    planned: z.number().int().nonnegative(),
    received: z.number().int(),
    spent: z.number().int().nonnegative(),
  })
  .strict();
export type FunderFigures = z.infer<typeof FunderFiguresSchema>;

/** The four funder types a project's money comes from (PRODUCT.md, Ledger: by funder type), in the order pages show them. */
export const FUNDER_TYPES = ['diaspora', 'municipality', 'programme', 'otherDonors'] as const;
export type FunderType = (typeof FUNDER_TYPES)[number];

/**
 * A public project's money by funder type (issue 13, public transparency), from its running totals: diaspora money
 * received (`raised`), the programme's matches (`matched`), the municipality's own budget, other donors; `spent` is
 * each one's share of the disbursements. `available` = received − spent. All KGS tyiyn.
 */
const fundsShape = {
  byFunder: z.object({
    diaspora: FunderFiguresSchema,
    municipality: FunderFiguresSchema,
    programme: FunderFiguresSchema,
    otherDonors: FunderFiguresSchema,
  }),
  received: z.number().int(),
  spent: z.number().int().nonnegative(),
  available: z.number().int(),
};

/**
 * The NBKR US dollar rate in force on a Bishkek day (a staff correction wins over the fetched table: the rule that
 * prices pledges), for showing USD beside KGS: `value` KGS for `nominal` USD, from the table of `date`.
 */
export const UsdRateSchema = z
  .object({ value: z.string(), nominal: z.number().int().positive(), date: z.iso.date() })
  .strict()
  .meta({ id: 'UsdRate' });
export type UsdRate = z.infer<typeof UsdRateSchema>;

export const ProjectFundsSchema = z
  .object({
    ...fundsShape,
    /** The same figures in US cents at `rate` (rounded half up); null when no recent USD rate is stored. */
    usd: z
      .object({ ...fundsShape, rate: UsdRateSchema })
      .strict()
      .nullable()
      .optional(),
  })
  .strict()
  .meta({ id: 'ProjectFunds' });
export type ProjectFunds = z.infer<typeof ProjectFundsSchema>;
