import { z } from 'zod';
import { LOCALES } from './locale.js';
import { text, TEXT_LIMITS, visibleText, withoutInvisible } from './text.js';

/**
 * Characters a person cannot see or tell apart, found by attacking the duplicate guards (issue 9, fault 8):
 * - invisible ones (text.ts `withoutInvisible`, the one list: Default_Ignorable_Code_Point and the blanks): removed,
 *   the blank "letters" U+115F, U+1160, U+3164, U+FFA0, U+2800 made a space, emoji sequences kept;
 * - bidirectional controls and control characters other than whitespace: removed (BIDI_AND_CONTROLS);
 * - made '-': hyphens, dashes and minus signs (U+2010-U+2015, U+2212, U+FE58, U+FE63, U+FF0D);
 * - made ' ': runs of any whitespace (no-break and ideographic spaces included), then trimmed.
 */
const BIDI_AND_CONTROLS = /[\u202A-\u202E\u2066-\u2069]|(?![\t\n\v\f\r])\p{Cc}/gu;
const HYPHENS = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * A name as Mekendesh stores and compares it: NFC, invisible characters removed, look-alike hyphens made '-',
 * whitespace collapsed to one space and trimmed. For display names, organisation names and any other name a
 * person types; an empty result means the name had nothing visible (refuse it: 400 naming the field).
 * @example normaliseName(' Айгүл\u200b  Осмонова\u2010Ким ') // 'Айгүл Осмонова-Ким'
 */
export function normaliseName(value: string): string {
  return withoutInvisible(value.normalize('NFC')).replace(BIDI_AND_CONTROLS, '').replace(HYPHENS, '-').replace(/\s+/g, ' ').trim();
}

/**
 * A bank or payment reference as stored and compared: like `normaliseName`, then NFKC, so full-width letters and
 * digits (`ＦＴ７７７`) read as the ASCII ones banks print. Case is kept; compare with `referenceKey`.
 * @example normaliseReference('\u200bR\u2010 1') // 'R- 1'
 */
export function normaliseReference(value: string): string {
  return normaliseName(normaliseName(value).normalize('NFKC'));
}

/**
 * What two references are compared by: normalised, upper case, so `ft-777`, `FT‐777` and `FT-777\u200b` are one.
 * @example referenceKey('ft\u2011777') === referenceKey('FT-777') // true
 */
export function referenceKey(value: string): string {
  return normaliseReference(value).toUpperCase();
}

/**
 * The contract for a name a person types, `min`..`max` code units: NFC text with `normaliseName` applied before the
 * length checks, so a name of only zero-width characters is too short on its own field; then at least `min` letters
 * or digits (a name of dots is no name) and no stack of combining marks (visibleText, issue 12 review).
 * @example nameText(80, { min: 2 }).safeParse('\u200b\u200b').success // false
 */
export const nameText = (max: number, { min = 1 }: { min?: number } = {}) =>
  visibleText(text().overwrite(normaliseName).max(max).min(min), min);

/** The contract for a bank or payment reference: `normaliseReference` applied before the length checks. */
export const referenceText = () => text().overwrite(normaliseReference);

/**
 * A name in one or more of the platform's languages (an organisation's, a place's), each normalised like
 * `normaliseName`; a language whose name has nothing visible is too short on its own field (`name.ky`).
 * @example LocalizedNameSchema.safeParse({ ru: '\u200b' }).success // false
 */
export const LocalizedNameSchema = z
  .object({
    ky: nameText(TEXT_LIMITS.name).optional(),
    ru: nameText(TEXT_LIMITS.name).optional(),
    en: nameText(TEXT_LIMITS.name).optional(),
  })
  .strict()
  .refine((t) => LOCALES.some((l) => t[l] !== undefined), { message: 'at least one language is required' })
  .meta({ id: 'LocalizedName' });
