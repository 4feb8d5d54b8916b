/**
 * Search normalisation: one "skeleton" per word, the same for a title being indexed and for a query, so that
 * Kyrgyz, Russian and Latin spellings of a word meet. Pure and browser-safe.
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
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia', ө: 'o', ү: 'u', ң: 'n', һ: 'h', і: 'i', ә: 'a',
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

/** Shortest skeleton that is indexed or searched: the search partition key is its first three letters. */
export const MIN_SEARCH_TOKEN = 3;

/**
 * The skeleton of one word.
 * @example searchSkeleton('Нарын') === searchSkeleton('Naryn') // 'narin'
 */
export function searchSkeleton(word: string): string {
  let s = '';
  for (const ch of word.toLowerCase().normalize('NFC')) s += CYRILLIC[ch] ?? ch;
  s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  for (const [pattern, replacement] of VARIANTS) s = s.replace(pattern, replacement);
  return s.replace(/[^a-z0-9]/g, '');
}

/** Words of a text, split on anything that is not a letter or digit (hyphens split "Кара-Суу"). */
export function splitWords(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Distinct skeletons of at least MIN_SEARCH_TOKEN letters, in order of first appearance. */
export function searchTokens(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const word of splitWords(text)) {
      const token = searchSkeleton(word);
      if (token.length >= MIN_SEARCH_TOKEN) out.add(token);
    }
  }
  return [...out];
}
