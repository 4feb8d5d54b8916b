import { describe, expect, it } from 'vitest';
import { rankedSearchTokens, searchSkeleton, searchTokens } from './search-text.js';
import { queryWords } from './projects.js';
import { DomainError } from './errors.js';

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

  it('split titles into distinct tokens of words of three or more letters as typed', () => {
    expect(searchTokens(['Кара-Суу айылындагы мектептин чатыры', 'Ремонт кровли школы в селе Кара-Суу'])).toEqual([
      'kara',
      'su',
      'ailintaki',
      'mekteptin',
      'chatiri',
      'karasu',
      'remont',
      'krofli',
      'shkoli',
      'sele',
    ]);
    expect(searchTokens(['A b, c!', 'ай су'])).toEqual([]);
  });

  it('index a three-letter word whose skeleton is shorter, such as суу (water) and ооз', () => {
    expect(searchSkeleton('суу')).toBe('su');
    expect(searchTokens(['Таза суу', 'ООЗ'])).toEqual(['tasa', 'su', 'os']);
  });

  it('fold a word typed with a combining mark (и + U+0306 for й) like the precomposed one', () => {
    const nfd = 'аи\u0306ылындагы';
    expect(nfd).not.toBe('айылындагы');
    expect(searchSkeleton(nfd)).toBe(searchSkeleton('айылындагы'));
    expect(searchTokens([`Кара-Суу ${nfd}`])).toEqual(['kara', 'su', 'ailintaki', 'karasu']);
  });

  it('rank groups of texts under a cap: earlier groups first, languages taking turns, no stop words', () => {
    const title = ['Суу түтүгү', 'Водопровод для села', 'Water pipeline for the village'];
    const summary = ['Биринчи экинчи үчүнчү', 'Первый второй третий', 'First second third'];
    expect(rankedSearchTokens([title, summary], 100)).toEqual([
      'su',
      'fotoprofot',
      'fater',
      'tutuku',
      'pipeline',
      'sela',
      'filake',
      'pirinchi',
      'perfi',
      'first',
      'ekinchi',
      'ftoroi',
      'secont',
      'uchunchu',
      'treti',
      'thirt',
    ]);
    expect(rankedSearchTokens([title, summary], 9)).toEqual([
      'su',
      'fotoprofot',
      'fater',
      'tutuku',
      'pipeline',
      'sela',
      'filake',
      'pirinchi',
      'perfi',
    ]);
  });
});

describe('query words', () => {
  it('take the length rule from the word as typed: суу is a word, ай and су are not', () => {
    expect(queryWords('суу')).toEqual(['su']);
    expect(queryWords('Таза СУУ')).toEqual(['tasa', 'su']);
    expect(queryWords('ооз')).toEqual(['os']);
  });

  it('refuse a query without such a word, on q, in the three languages', () => {
    for (const q of ['ай су', 'ab', '!!!']) {
      const error = (() => {
        try {
          queryWords(q);
        } catch (e) {
          return e;
        }
      })();
      expect(error, q).toBeInstanceOf(DomainError);
      expect((error as DomainError).errors).toMatchObject([
        { field: 'q', messages: { ky: expect.stringContaining('3'), ru: expect.stringContaining('3'), en: expect.stringContaining('3') } },
      ]);
    }
  });

  it('drop stop words when other words are left, and normalise a query typed in NFD', () => {
    expect(queryWords('school for the village')).toEqual(['filake', 'schol']);
    expect(queryWords('the')).toEqual(['the']);
    expect(queryWords('аи\u0306ылындагы')).toEqual([searchSkeleton('айылындагы')]);
  });
});

describe('hyphenated names typed as one word', () => {
  it('index Ат-Башы also as атбашы, so Атбашы and Atbashy find At-Bashy', async () => {
    const { hyphenCompounds, rankedSearchTokens, searchSkeleton } = await import('./search-text.js');
    expect(hyphenCompounds('Кара-Суу айылы, Ат-Башы району')).toEqual(['карасуу', 'атбашы']);
    const tokens = rankedSearchTokens([['Ат-Башы району']], 40);
    expect(tokens).toContain(searchSkeleton('Атбашы'));
    expect(searchSkeleton('Atbashy')).toBe(searchSkeleton('Атбашы'));
  });
});
