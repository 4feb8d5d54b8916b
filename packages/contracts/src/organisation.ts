import { z } from 'zod';
import { LocalizedTextSchema } from './locale.js';
import { SoateSchema } from './territory.js';

export const OrganisationKindSchema = z.enum(['ayil_okmotu', 'city', 'rayon_administration', 'oblast_administration']);
export type OrganisationKind = z.infer<typeof OrganisationKindSchema>;

/** A local government bound to its territory; officers are its members. */
export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: LocalizedTextSchema,
    kind: OrganisationKindSchema,
    territorySoate: SoateSchema,
    oblastSoate: SoateSchema,
    settlement: LocalizedTextSchema.optional(),
    verified: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof OrganisationSchema>;
