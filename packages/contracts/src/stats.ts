import { z } from 'zod';
import { SoateSchema } from './territory.js';

/** One oblast-level unit on the map: from running aggregates, never summed at read time. */
export const OblastStatsSchema = z
  .object({
    soate: SoateSchema,
    /** Projects in a public state (published, funded, in progress, completed). */
    projects: z.number().int().nonnegative(),
    /** Of those, published projects still raising money. */
    raising: z.number().int().nonnegative(),
    /** Money received by its public projects, KGS tyiyn. */
    raised: z.number().int().nonnegative(),
  })
  .meta({ id: 'OblastStats' });
export type OblastStats = z.infer<typeof OblastStatsSchema>;

export const OblastStatsListSchema = z
  .object({ currency: z.literal('KGS'), items: z.array(OblastStatsSchema) })
  .meta({ id: 'OblastStatsList' });
export type OblastStatsList = z.infer<typeof OblastStatsListSchema>;
