import { z } from 'zod';

/**
 * Every string a contract accepts: normalised to Unicode NFC before any other check, so that a letter typed as
 * a base letter plus a combining mark (`и` + U+0306, as some phone keyboards send `й`) is stored, compared,
 * length-checked and searched as the one precomposed letter. Chain the usual checks after it:
 * `text().trim().min(1).max(160)`. It stays a plain string in the OpenAPI document.
 * @example text().parse('и\u0306') === 'й'
 */
export const text = () => z.string().normalize('NFC');

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
  return value.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
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
