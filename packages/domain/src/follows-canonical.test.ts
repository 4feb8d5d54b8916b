import { describe, expect, it } from 'vitest';
import { SavedQuerySchema } from '@mekendesh/contracts';
import { canonicalQuery, searchIdOf } from './follows.js';
import { queryWords } from './projects.js';
import { searchTokens } from './search-text.js';

const saved = (q: string) => SavedQuerySchema.parse({ q });

describe('fullwidth letters in search words (issue 12, second attack review)', () => {
  it('gives "ｒｏｏｆ school" the saved-search id of "roof school", and of "school ROOF"', () => {
    const id = searchIdOf(saved('roof school'));
    expect(searchIdOf(saved('ｒｏｏｆ school'))).toBe(id);
    expect(searchIdOf(saved('ｓｃｈｏｏｌ　ＲＯＯＦ'))).toBe(id);
    expect(canonicalQuery(saved('ｒｏｏｆ school'))).toBe(canonicalQuery(saved('roof school')));
    expect(searchIdOf(saved('roof garden'))).not.toBe(id);
  });

  it('searches and indexes a fullwidth word as the ASCII one: ｒｏｏｆ is a word (not 400), with the skeleton of roof', () => {
    expect(queryWords('ｒｏｏｆ')).toEqual(queryWords('roof'));
    expect(queryWords('ｒｏｏｆ')).not.toEqual([]);
    expect(searchTokens(['Ｓｃｈｏｏｌ ｒｏｏｆ'])).toEqual(searchTokens(['School roof']));
  });
});
