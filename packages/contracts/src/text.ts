import { z } from 'zod';

/**
 * The longest text each kind of field takes, per language, in UTF-16 code units (what zod's `.max`, HTML's
 * `maxlength` and JavaScript's `length` count: a Cyrillic or Latin letter is one, an emoji two). Every request
 * string of the contracts takes one of these (or a tighter own bound: a code, an id, a phone number), so no
 * request can make an item near DynamoDB's 400 KB or a page of hundreds of KB (issue 9, fault 5). The worst
 * case item, computed from these numbers, is checked in packages/db/src/item-size.test.ts.
 */
export const TEXT_LIMITS = {
  /** Organisation and programme names: the longest official names ("... району ... айыл өкмөтү") are under 100. */
  name: 200,
  /** Project and milestone titles: one line on a card. */
  title: 160,
  /** A village or town with its qualifier; the longest Kyrgyz settlement names are under 40 letters. */
  settlement: 120,
  /** A project summary: the paragraph on a card and in search results. */
  summary: 600,
  /** A project description in Markdown: about 3,000 words per language. */
  markdownBody: 20_000,
  /** An investor's message on a pledge, shown to the project's people. */
  message: 500,
  /** Why staff or officers decided something (reject, request changes, cancel), or an officer's note to reviewers. */
  reason: 2_000,
  /** A person's name as others see it. */
  displayName: 80,
  /** An applicant's position, a person's city or home settlement. */
  shortLine: 120,
  /** What goods an in-kind pledge gives. */
  goods: 500,
  /** What time or expertise a pledge gives. */
  pledgeDescription: 2_000,
  /** A bank's reference of a transfer. */
  reference: 100,
  /** An uploaded file's name. */
  fileName: 200,
  /** A search text. */
  search: 100,
  /** An opaque page cursor the API handed out. */
  cursor: 1_024,
} as const;
export type TextLimit = keyof typeof TEXT_LIMITS;

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): invisible, they
 * reorder the text after them ("Trojan Source"), so a name could read as another. No text of the platform's
 * languages (ky, ru, en) needs them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/** A surrogate code unit without its pair (`String.prototype.isWellFormed`, ES2024, is beyond this project's lib). */
const LONE_SURROGATE = /\p{Cs}/u;
/** Control characters (C0, DEL, C1): none belongs in a one-line field. */
const LINE_CONTROLS = /\p{Cc}/u;
/** Control characters except tab, line feed and carriage return, which multi-line text keeps. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose.
const PROSE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The zod issue params that make the API say `invalid_characters` (functions/api middleware/problem.ts). */
const INVALID_CHARACTERS = { params: { code: 'invalid_characters' } } as const;

/**
 * Every string a contract accepts: normalised to Unicode NFC before any other check, so that a letter typed as
 * a base letter plus a combining mark (`и` + U+0306, as some phone keyboards send `й`) is stored, compared,
 * length-checked and searched as the one precomposed letter; and well-formed UTF-16, so a lone surrogate
 * ("\ud800 hi", which no keyboard types and no UTF-8 store can hold) is refused with the field named
 * (`invalid_characters`). Request fields use `line(max)` or `prose(max)`, which build on this; a bare
 * `text()` is for responses and for patterns that bound the length themselves. It stays a plain string in
 * the OpenAPI document.
 * @example text().parse('и\u0306') === 'й'
 */
export const text = () =>
  z
    .string()
    .normalize('NFC')
    .refine((s) => !LONE_SURROGATE.test(s), { message: 'not well-formed text: a lone surrogate', ...INVALID_CHARACTERS });

/**
 * A one-line request field (a name, title, settlement, reference): NFC, trimmed, `min`..`max` code units
 * (TEXT_LIMITS), no control characters and no bidirectional controls (400 `invalid_characters` naming the
 * field). Empty is refused unless `min` is 0.
 * @example line(TEXT_LIMITS.name).parse(' Ат-Башы ') === 'Ат-Башы'
 */
export const line = (max: number, { min = 1 }: { min?: number } = {}) =>
  text()
    .trim()
    .max(max)
    .min(min)
    .refine((s) => !LINE_CONTROLS.test(s) && !BIDI_CONTROLS.test(s), {
      message: 'control or bidirectional control characters are not allowed',
      ...INVALID_CHARACTERS,
    });

/**
 * A multi-line request field (a summary, Markdown body, message, reason): like `line` but keeps line breaks
 * and tabs; other control characters and bidirectional controls are refused all the same (they would reorder
 * what staff read). Empty is allowed unless `min` is given.
 * @example prose(TEXT_LIMITS.reason, { min: 3 }).parse('Wrong rayon\nPlease fix')
 */
export const prose = (max: number, { min = 0 }: { min?: number } = {}) =>
  text()
    .trim()
    .max(max)
    .min(min)
    .refine((s) => !PROSE_CONTROLS.test(s) && !BIDI_CONTROLS.test(s), {
      message: 'control or bidirectional control characters are not allowed',
      ...INVALID_CHARACTERS,
    });

/**
 * A search word must have this many letters or digits as the person typed it (after NFC and lowercasing,
 * before any folding): `суу` (water) counts 3 even though the search skeleton collapses it to `su`.
 */
export const MIN_SEARCH_LETTERS = 3;

/**
 * Words of a text in NFC, split on anything that is not a letter, combining mark or digit (hyphens split
 * "Кара-Суу"); a combining mark left without a precomposed form stays inside its word.
 * @example textWords('Кара-Суу айылы') // ['Кара', 'Суу', 'айылы']
 */
export function textWords(value: string): string[] {
  return value
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The words of a search text that are long enough to search for, lowercased, in order: each has at least
 * MIN_SEARCH_LETTERS letters or digits (combining marks not counted). The API answers 400 on `q` when this is
 * empty; the web form checks it first with the same function.
 * @example searchableWords('Суу, ай') // ['суу']
 */
export function searchableWords(value: string): string[] {
  return textWords(value.toLowerCase()).filter((w) => [...w.replace(/\p{M}/gu, '')].length >= MIN_SEARCH_LETTERS);
}
