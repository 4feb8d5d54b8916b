import { z } from 'zod';
import { text } from './text.js';

/** The three languages of the platform, Kyrgyz first. */
export const LOCALES = ['ky', 'ru', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** A text written in one to three languages; the owner writes in at least one. */
export const LocalizedTextSchema = z
  .object({ ky: text().min(1).optional(), ru: text().min(1).optional(), en: text().min(1).optional() })
  .strict()
  .refine((t) => LOCALES.some((l) => t[l] !== undefined), { message: 'at least one language is required' })
  .meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** A name that always exists in all three languages (reference data). */
export const TrilingualNameSchema = z.object({ ky: text(), ru: text(), en: text() });
export type TrilingualName = z.infer<typeof TrilingualNameSchema>;
