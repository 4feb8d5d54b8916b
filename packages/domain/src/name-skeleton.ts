import { normaliseReference } from '@mekendesh/contracts';

/**
 * Kyrgyz letters kept out of the confusable mapping: confusables.txt maps both `ү` (U+04AF) and `у` (U+0443) to Latin
 * `y`, yet they are different letters of Kyrgyz (үй "house", уй "cow"), so a skeleton must not merge them. Every other
 * pair of Kyrgyz and Russian lowercase letters already keeps distinct skeletons (name-skeleton.test.ts checks all).
 */
const KEPT_LETTERS = /(ү)/u;

/** Punctuation, symbols (emoji aside) and spaces at either end of a name: "At-Bashy people." is "At-Bashy people". */
const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;
const EDGE_KEEP = /\p{Extended_Pictographic}/u;

/** Trims EDGE_PUNCTUATION, but not an emoji (🌄 is part of how a name looks, a trailing dot is not). */
function withoutEdgePunctuation(value: string): string {
  return value.replace(EDGE_PUNCTUATION, (edge) => [...edge].filter((c) => EDGE_KEEP.test(c)).join(''));
}

/** unhomoglyph's confusables mapping, once loadConfusables has run. */
let unhomoglyph: ((value: string) => string) | undefined;

/**
 * Loads the confusables table (unhomoglyph's 115 KB data.json) that nameSkeleton needs; later calls return at once.
 * Loaded on first use rather than with the module: only creating a club compares names, and an API cold start
 * that parses the table for every other request paid for it in bytes and compile time (issue 14, API cold start).
 */
export async function loadConfusables(): Promise<void> {
  unhomoglyph ??= (await import('unhomoglyph')).default;
}

/**
 * What a name looks like, for telling whether two names would be mistaken for one another (issue 12, second attack
 * review: "Аt-Bashy" with a Cyrillic А, a trailing dot, or U+3164 as a space made a second club of one name). Steps:
 * `normaliseReference` (contracts: NFC, invisible characters removed and blanks made spaces, look-alike hyphens
 * made '-', whitespace collapsed, NFKC so fullwidth letters are ASCII), punctuation and symbols at the edges dropped,
 * lowercased, then the Unicode UTS #39 skeleton (NFD, confusables.txt prototypes via the `unhomoglyph` package, NFD)
 * and lowercased again (a prototype may be a capital: `0` becomes `O`). Not for display: `m` becomes `rn`. Throws
 * unless loadConfusables has been awaited (createClub does before clubNameKey).
 *
 * The skeleton maps Latin, Cyrillic and Greek look-alikes to one prototype, so "Ат-Башы" (Cyrillic т, Б, ш, ы) and
 * "At-Bashy" stay different names: т, Б, ш and ы are not confusable with t, B, sh and y. Within Cyrillic only the
 * letters confusables.txt itself calls look-alikes merge (ы with ь + Latin i), except ү, kept apart from у (KEPT_LETTERS).
 * @example nameSkeleton('Аt-Bashy people.') === nameSkeleton('at-bashy  PEOPLE') // true
 */
export function nameSkeleton(value: string): string {
  const skeleton = unhomoglyph;
  if (!skeleton) throw new Error('the confusables table is not loaded: await loadConfusables() first');
  const plain = withoutEdgePunctuation(normaliseReference(value)).toLowerCase().normalize('NFD');
  const mapped = plain
    .split(KEPT_LETTERS)
    .map((part) => (KEPT_LETTERS.test(part) ? part : skeleton(part)))
    .join('');
  return mapped.normalize('NFD').toLowerCase();
}
