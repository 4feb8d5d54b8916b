import { z } from 'zod';
import { line, prose, text } from './text.js';

/** The three languages of the platform, Kyrgyz first. */
export const LOCALES = ['ky', 'ru', 'en'] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/**
 * A text written in one to three languages; the owner writes in at least one. Each language is checked on its
 * own by `field` (its maximum applies per language, and an error names the language: `name.ky`), so every use
 * chooses its limit: `localizedLine(TEXT_LIMITS.name)`, `localizedProse(TEXT_LIMITS.markdownBody)`, or a field of
 * its own such as a normalised name.
 * @example localizedText(() => line(10)).safeParse({ ky: 'x'.repeat(11) }) // fails on ['ky']
 */
export function localizedText<T extends z.ZodType<string, string>>(field: () => T) {
  return z
    .object({ ky: field().optional(), ru: field().optional(), en: field().optional() })
    .strict()
    .refine((t) => LOCALES.some((l) => t[l] !== undefined), { message: 'at least one language is required' });
}

/** Each localized schema built once per limit (zod schemas are immutable; see text.ts `built` for why it matters). */
const BUILT = new Map<string, unknown>();
function built<T>(key: string, build: () => T): T {
  if (!BUILT.has(key)) BUILT.set(key, build());
  return BUILT.get(key) as T;
}

/** A one-line text (name, title, settlement) in one to three languages, each at most `max` (TEXT_LIMITS). */
export const localizedLine = (max: number) => built(`line:${max}`, () => localizedText(() => line(max)));

/** A multi-line text (summary, Markdown body, instructions) in one to three languages, each 1..`max` (TEXT_LIMITS). */
export const localizedProse = (max: number) => built(`prose:${max}`, () => localizedText(() => prose(max, { min: 1 })));

/** What a localized text holds, whichever limits it was checked by. */
export type LocalizedText = Partial<Record<Locale, string>>;

/** A name that always exists in all three languages (reference data). */
export const TrilingualNameSchema = z.object({ ky: text(), ru: text(), en: text() });
export type TrilingualName = z.infer<typeof TrilingualNameSchema>;
