import { describe, expect, it } from 'vitest';
import { searchSkeleton, searchTokens } from './search-text.js';

describe('search skeletons', () => {
  it('ignore case and fold Kyrgyz letters typed as Russian or Latin', () => {
    expect(searchSkeleton('Көл')).toBe(searchSkeleton('кол'));
    expect(searchSkeleton('Көл')).toBe(searchSkeleton('Köl'));
    expect(searchSkeleton('Күн')).toBe(searchSkeleton('кун'));
    expect(searchSkeleton('Жаңы')).toBe(searchSkeleton('жаны'));
    expect(searchSkeleton('ЖАҢЫ')).toBe(searchSkeleton('Jangy'));
    expect(searchSkeleton('МЕКТЕП')).toBe(searchSkeleton('mektep'));
  });

  it('meet across Cyrillic and Latin spellings of a name', () => {
    expect(searchSkeleton('Нарын')).toBe('narin');
    expect(searchSkeleton('Naryn')).toBe('narin');
    expect(searchSkeleton('Ысык')).toBe(searchSkeleton('Issyk'));
    expect(searchSkeleton('Жалал')).toBe(searchSkeleton('Jalal'));
    expect(searchSkeleton('Чүй')).toBe(searchSkeleton('Chuy'));
    expect(searchSkeleton('Ош')).toBe(searchSkeleton('Osh'));
  });

  it('tolerate a devoiced final consonant, as in мектеб for мектеп', () => {
    expect(searchSkeleton('мектеб')).toBe(searchSkeleton('мектеп'));
    expect(searchSkeleton('Талас')).toBe(searchSkeleton('Талаз'));
  });

  it('keep a prefix of a word a prefix of its skeleton', () => {
    for (const word of ['мектептин', 'Нарын', 'Ысык-Көл', 'school', 'кооперативи', 'Жалал-Абад']) {
      const full = searchSkeleton(word);
      for (let n = 3; n <= word.length; n++) expect(full.startsWith(searchSkeleton(word.slice(0, n))), `${word}/${n}`).toBe(true);
    }
  });

  it('split titles into distinct tokens of three or more letters', () => {
    expect(searchTokens(['Кара-Суу айылындагы мектептин чатыры', 'Ремонт кровли школы в селе Кара-Суу'])).toEqual([
      'kara', 'su', 'ailintaki', 'mekteptin', 'chatiri', 'remont', 'krofli', 'shkoli', 'sele',
    ].filter((t) => t.length >= 3));
    expect(searchTokens(['A b, c!'])).toEqual([]);
  });
});
