import { searchableWords, textWords } from '@mekendesh/contracts';

/**
 * Search normalisation: one "skeleton" per word, the same for a text being indexed and for a query, so that
 * Kyrgyz, Russian and Latin spellings of a word meet. Pure and browser-safe.
 *
 * Which words count is decided on the word as typed, before folding (`searchableWords` in the contracts:
 * NFC, lowercase, at least MIN_SEARCH_LETTERS letters), so that `суу` (water) is a word although its skeleton
 * is `su`. Step 0 is NFC: `й` typed as `и` + U+0306 folds like `й`.
 *
 * Steps, each chosen so that a prefix of a word folds to a prefix of the word's skeleton:
 * 1. lowercase; Kyrgyz letters fold to their Russian look-alikes (ө→о, ү→у, ң→н), so "мектеп" typed on a Russian
 *    keyboard as "мектеп" or "мектеп" with о/у for ө/ү still meets;
 * 2. Cyrillic is transliterated to Latin, then Latin diacritics are stripped (ö→o, ü→u, ñ→n), so "Нарын" and
 *    "Naryn" meet;
 * 3. spelling variants collapse: zh/j, kh/h, y/i, ng/n, w/v, q/k and doubled letters ("Issyk" meets "Ысык");
 * 4. voiced consonants fold to voiceless (b→p, d→t, g→k, z→s, v→f): Kyrgyz and Russian devoice word-final
 *    consonants in speech, so "мектеб" finds "мектеп". It widens matches a little; for titles that is cheap.
 */

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  ө: 'o',
  ү: 'u',
  ң: 'n',
  һ: 'h',
  і: 'i',
  ә: 'a',
  ı: 'i',
};

const VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/zh|dj/g, 'j'],
  [/kh/g, 'h'],
  [/ng/g, 'n'],
  [/y/g, 'i'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/b/g, 'p'],
  [/d/g, 't'],
  [/g/g, 'k'],
  [/z/g, 's'],
  [/v/g, 'f'],
  // Doubled letters last, so that folds which create doubles ("dt" → "tt") collapse too.
  [/(.)\1+/g, '$1'],
];

/**
 * The skeleton of one word; may be shorter than the word (`суу` → `su`), empty for a word of signs only.
 * @example searchSkeleton('Нарын') === searchSkeleton('Naryn') // 'narin'
 */
export function searchSkeleton(word: string): string {
  let s = '';
  for (const ch of word.normalize('NFC').toLowerCase()) s += CYRILLIC[ch] ?? ch;
  s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  for (const [pattern, replacement] of VARIANTS) s = s.replace(pattern, replacement);
  return s.replace(/[^a-z0-9]/g, '');
}

/** Words of a text in NFC, split on anything that is not a letter, mark or digit (hyphens split "Кара-Суу"). */
export function splitWords(text: string): string[] {
  return textWords(text);
}

/**
 * Function words that would fill a project's word budget and match nearly everything: never indexed, and
 * dropped from a query that has other words. Kept as skeletons, so every spelling of them is caught; only
 * words whose skeleton no content word shares (not "его", whose skeleton is that of "эко").
 */
export const SEARCH_STOP_WORDS: ReadonlySet<string> = new Set(
  ['the', 'and', 'for', 'with', 'from', 'that', 'this', 'для', 'при', 'что', 'или', 'это', 'как', 'также', 'жана', 'менен', 'үчүн'].map(
    (w) => searchSkeleton(w),
  ),
);

/** Distinct skeletons of the searchable words of texts (not stop words), in order of first appearance. */
export function searchTokens(texts: readonly string[]): string[] {
  return rankedSearchTokens(
    texts.map((t) => [t]),
    Number.POSITIVE_INFINITY,
  );
}

/**
 * Hyphenated names written as one word, as people often type them: `Ат-Башы` also gives `Ат-Башы` joined
 * (`атбашы`), so a search for `Атбашы` or `Atbashy` finds At-Bashy. Lowercased, in order of appearance.
 * @example hyphenCompounds('Кара-Суу айылы, Ат-Башы') // ['карасуу', 'атбашы']
 */
export function hyphenCompounds(text: string): string[] {
  const compounds =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{M}\p{N}]+)+/gu) ?? [];
  return compounds.map((c) => c.replace(/[-\u2010\u2011]/g, ''));
}

/**
 * Distinct skeletons of several groups of texts, at most `max`: each group is used up before the next, and
 * inside a group the texts take turns word by word, so that the start of every language of a summary gets
 * in before the end of one of them. Groups come in order of importance (titles, names, places, summaries).
 * @example rankedSearchTokens([[title.ky, title.en], [summary.ky, summary.en]], 40)
 */
export function rankedSearchTokens(groups: readonly (readonly string[])[], max: number): string[] {
  const out = new Set<string>();
  for (const texts of groups) {
    const words = texts.map((t) => [...searchableWords(t), ...hyphenCompounds(t)]);
    for (let i = 0; words.some((w) => i < w.length); i++) {
      for (const list of words) {
        const word = list[i];
        if (word === undefined) continue;
        const token = searchSkeleton(word);
        if (token && !SEARCH_STOP_WORDS.has(token)) out.add(token);
        if (out.size >= max) return [...out];
      }
    }
  }
  return [...out];
}
