import { z } from 'zod';
import { text } from './text.js';
import { TrilingualNameSchema } from './locale.js';

export const TerritoryKindSchema = z.enum(['oblast', 'city', 'rayon']);
export const SoateSchema = text()
  .max(14)
  .regex(/^417\d{11}$/, 'a 14-digit SOATE code starting with 417');

export const TerritorySchema = z
  .object({
    soate: SoateSchema,
    level: z.union([z.literal(1), z.literal(2)]),
    kind: TerritoryKindSchema,
    parentSoate: SoateSchema.nullable(),
    iso: text().nullable(),
    name: TrilingualNameSchema,
    fullName: TrilingualNameSchema,
  })
  .meta({ id: 'Territory' });
export type Territory = z.infer<typeof TerritorySchema>;

export const TerritoryListSchema = z.object({ items: z.array(TerritorySchema) }).meta({ id: 'TerritoryList' });
