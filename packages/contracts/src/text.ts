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
 * Blank "letters": the Hangul fillers U+115F, U+1160, U+3164, U+FFA0 (general category Lo, so they counted as letters)
 * and the Braille blank U+2800. They show as a space of some width, so `withoutInvisible` makes each one a space.
 */
const BLANKS = /[\u115F\u1160\u3164\uFFA0\u2800]/u;

/**
 * Every character a person cannot see (issue 12, second attack review: a club name of four U+3164 was a blank club):
 * Unicode's Default_Ignorable_Code_Point property (UAX #44: format characters such as U+200B and U+FEFF, variation
 * selectors, U+034F, U+180E, U+17B4, tag characters, the Hangul fillers) plus the blanks above and the interlinear
 * annotation characters U+FFF9-U+FFFB (format characters the property leaves out, shown as nothing). Kept where they are
 * part of a legitimate emoji sequence (UTS #51): a joiner between two emoji (👨‍👩‍👧), VS16 after an emoji or a keycap
 * base (❤️, 1️⃣), tag characters in a flag tag sequence (🏴 + tags + U+E007F). Bidirectional controls are left out:
 * the fields refuse them (BIDI_CONTROLS) rather than hide what they did. The one list of `line`, `prose`, search
 * words and `normaliseName` (normalise.ts).
 */
const INVISIBLE = new RegExp(
  [
    '(?<!\\p{Extended_Pictographic}(?:\\uFE0F|\\p{Emoji_Modifier})?)\\u200D|\\u200D(?!\\p{Extended_Pictographic})',
    '(?<![\\p{Extended_Pictographic}#*0-9])\\uFE0F|(?<=[#*0-9])\\uFE0F(?!\\u20E3)',
    '(?<!\\u{1F3F4}[\\u{E0020}-\\u{E007E}]*)[\\u{E0020}-\\u{E007F}]|[\\u{E0020}-\\u{E007E}](?![\\u{E0020}-\\u{E007E}]*\\u{E007F})',
    '(?!\\u200D|\\uFE0F|[\\u{E0020}-\\u{E007F}\\u202A-\\u202E\\u2066-\\u2069])[\\p{Default_Ignorable_Code_Point}\\u2800\\uFFF9-\\uFFFB]',
  ].join('|'),
  'gu',
);

/** Whether a character is one a person cannot see (INVISIBLE's set, emoji sequences aside): never a letter. */
const INVISIBLE_CHARACTER = /[\p{Default_Ignorable_Code_Point}\u2800\uFFF9-\uFFFB]/u;

/**
 * A text without invisible characters (INVISIBLE): each blank (U+3164 and the like) made a space, every other one
 * removed, emoji sequences kept; bidirectional controls are left for the fields to refuse.
 * @example withoutInvisible('\u200bАт-Башы\u3164элдери\ufeff') === 'Ат-Башы элдери'
 */
export const withoutInvisible = (value: string) => value.replace(INVISIBLE, (c) => (BLANKS.test(c) ? ' ' : ''));

/** Combining marks one character may carry: Kyrgyz, Russian and English need at most one after NFC, Vietnamese two. */
export const MAX_MARKS_PER_CHARACTER = 3;
const MARK_STACK = new RegExp(`\\p{M}{${MAX_MARKS_PER_CHARACTER + 1},}`, 'u');

/** Letters and digits of a text, as a person sees them (combining marks, spaces, punctuation and invisible "letters" such as U+3164 not counted). */
export const visibleLetters = (value: string) => [...value.matchAll(/[\p{L}\p{N}]/gu)].filter(([c]) => !INVISIBLE_CHARACTER.test(c)).length;

/**
 * The rules every person-written text passes after its normalisation (issue 12 review), as zod checks with the codes
 * the API names (middleware/problem.ts): at most MAX_MARKS_PER_CHARACTER combining marks on one character
 * (`too_many_marks`: "zalgo" text of a letter and 490 accents spilled over the lines around it), and at least
 * `min` letters or digits (`no_letters`: "…", "!!!" or a name of dots shows as nothing). An empty text, or one
 * shorter than `min`, is left to the length rule, so a field gets one error.
 */
export function visibleText<T extends z.ZodString>(schema: T, min: number): T {
  return schema
    .refine((s) => !MARK_STACK.test(s), {
      message: `at most ${MAX_MARKS_PER_CHARACTER} combining marks on one character`,
      params: { code: 'too_many_marks', max: MAX_MARKS_PER_CHARACTER },
    })
    .refine((s) => s.length === 0 || s.length < min || visibleLetters(s) >= Math.max(min, 1), {
      message: `at least ${Math.max(min, 1)} letters or digits`,
      params: { code: 'no_letters', min: Math.max(min, 1) },
    }) as unknown as T;
}

/**
 * The schemas `text`, `line` and `prose` built so far, by kind and limits. A zod schema is immutable (every method
 * returns a new one; `.openapi()` clones too), so one built chain serves every field with the same limits: the
 * contracts have a few hundred text fields but a few dozen distinct limits, and building each chain (about nine zod
 * steps) once instead of per field took ~100 ms off the API's cold start (issue 14, CPU profile of the Lambda bundle).
 */
const BUILT = new Map<string, z.ZodString>();
function built<T extends z.ZodString>(key: string, build: () => T): T {
  let schema = BUILT.get(key) as T | undefined;
  if (!schema) BUILT.set(key, (schema = build()));
  return schema;
}

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
  built('text', () =>
    z
      .string()
      .normalize('NFC')
      .refine((s) => !LONE_SURROGATE.test(s), { message: 'not well-formed text: a lone surrogate', ...INVALID_CHARACTERS }),
  );

/**
 * A one-line request field (a name, title, settlement, reference): NFC, invisible characters removed (withoutInvisible), trimmed,
 * `min`..`max` code units (TEXT_LIMITS), no control characters and no bidirectional controls (400
 * `invalid_characters` naming the field), at least `min` (and 1) letters or digits and no stack of combining marks
 * (visibleText). Empty is refused unless `min` is 0.
 * @example line(TEXT_LIMITS.name).parse(' Ат-Башы ') === 'Ат-Башы'
 */
export const line = (max: number, { min = 1 }: { min?: number } = {}) =>
  built(`line:${max}:${min}`, () =>
    visibleText(
      text()
        .overwrite(withoutInvisible)
        .trim()
        .max(max)
        .min(min)
        .refine((s) => !LINE_CONTROLS.test(s) && !BIDI_CONTROLS.test(s), {
          message: 'control or bidirectional control characters are not allowed',
          ...INVALID_CHARACTERS,
        }),
      min,
    ),
  );

/**
 * A multi-line request field (a summary, Markdown body, message, reason): like `line` but keeps line breaks
 * and tabs; other control characters and bidirectional controls are refused all the same (they would reorder
 * what staff read). Empty is allowed unless `min` is given; a text that is not empty has at least one letter or
 * digit (a message of "..." tells its reader nothing).
 * @example prose(TEXT_LIMITS.reason, { min: 3 }).parse('Wrong rayon\nPlease fix')
 */
export const prose = (max: number, { min = 0 }: { min?: number } = {}) =>
  built(`prose:${max}:${min}`, () =>
    visibleText(
      text()
        .overwrite(withoutInvisible)
        .trim()
        .max(max)
        .min(min)
        .refine((s) => !PROSE_CONTROLS.test(s) && !BIDI_CONTROLS.test(s), {
          message: 'control or bidirectional control characters are not allowed',
          ...INVALID_CHARACTERS,
        }),
      1,
    ),
  );

/**
 * A search word must have this many letters or digits as the person typed it (after NFC and lowercasing,
 * before any folding): `суу` (water) counts 3 even though the search skeleton collapses it to `su`.
 */
export const MIN_SEARCH_LETTERS = 3;

/**
 * Words of a text in NFKC, split on anything that is not a letter, combining mark or digit (hyphens split
 * "Кара-Суу"); a combining mark left without a precomposed form stays inside its word. NFKC rather than NFC so that
 * fullwidth and other compatibility forms are the letters they show (`ｒｏｏｆ` is `roof`, `ﬁ` is `fi`): a search,
 * the index of project texts and a saved search's canonical query all take their words from here (issue 12, second
 * attack review). Invisible characters go first (withoutInvisible): a blank such as U+3164 separates words, a
 * zero-width one is no part of a word.
 * @example textWords('Кара-Суу айылы ｒｏｏｆ') // ['Кара', 'Суу', 'айылы', 'roof']
 */
export function textWords(value: string): string[] {
  return withoutInvisible(value.normalize('NFKC'))
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
