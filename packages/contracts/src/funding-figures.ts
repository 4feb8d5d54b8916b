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
export const ProjectFundsSchema = z
  .object({
    byFunder: z.object({
      diaspora: FunderFiguresSchema,
      municipality: FunderFiguresSchema,
      programme: FunderFiguresSchema,
      otherDonors: FunderFiguresSchema,
    }),
    received: z.number().int(),
    spent: z.number().int().nonnegative(),
    available: z.number().int(),
  })
  .strict()
  .meta({ id: 'ProjectFunds' });
export type ProjectFunds = z.infer<typeof ProjectFundsSchema>;
