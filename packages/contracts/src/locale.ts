import { z } from 'zod';

/** The three languages of the platform, Kyrgyz first. */
export const LOCALES = ['ky', 'ru', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** A text written in one to three languages; the owner writes in at least one. */
export const LocalizedTextSchema = z
  .object({ ky: z.string().min(1).optional(), ru: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .strict()
  .refine((t) => LOCALES.some((l) => t[l] !== undefined), { message: 'at least one language is required' })
  .meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A name that always exists in all three languages (reference data). */
export const TrilingualNameSchema = z.object({ ky: z.string(), ru: z.string(), en: z.string() });
export type TrilingualName = z.infer<typeof TrilingualNameSchema>;
