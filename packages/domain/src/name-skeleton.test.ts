import { beforeAll, describe, expect, it } from 'vitest';
import { clubNameKey } from './clubs.js';
import { loadConfusables, nameSkeleton } from './name-skeleton.js';

const KYRGYZ_AND_RUSSIAN = 'абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя';

describe('nameSkeleton (issue 12, second attack review)', () => {
  beforeAll(loadConfusables);

  it('folds a Cyrillic look-alike, a trailing dot and a filler used as a space into the plain name', () => {
    const plain = nameSkeleton('At-Bashy people in Moscow');
    expect(nameSkeleton('\u0410t-Bashy people in Moscow')).toBe(plain);
    expect(nameSkeleton('At-Bashy people in Moscow.')).toBe(plain);
    expect(nameSkeleton('At-Bashy\u3164people in Moscow')).toBe(plain);
    expect(nameSkeleton('  «at\u2010bashy  PEOPLE in moscow»!! ')).toBe(plain);
    expect(nameSkeleton('Ａｔ-Ｂａｓｈｙ people in Moscow')).toBe(plain);
    expect(nameSkeleton('At-Bashy pe\u200bople in Moscow')).toBe(plain);
  });

  it('keeps genuinely different names apart: Cyrillic Ат-Башы is not Latin At-Bashy, nor another word', () => {
    expect(nameSkeleton('Ат-Башы')).not.toBe(nameSkeleton('At-Bashy'));
    expect(nameSkeleton('At-Bashy people in Moscow')).not.toBe(nameSkeleton('At-Bashy people of Moscow'));
    expect(nameSkeleton('Ат-Башы элдери')).not.toBe(nameSkeleton('Ат Башы элдери'));
    // An emoji is part of how a name looks, so it is not trimmed like punctuation.
    expect(nameSkeleton('Ат-Башы 🌄')).not.toBe(nameSkeleton('Ат-Башы'));
  });

  it('gives every Kyrgyz and Russian letter its own skeleton, in either case (үй "house" is not уй "cow")', () => {
    const skeletons = new Set([...KYRGYZ_AND_RUSSIAN].map(nameSkeleton));
    expect(skeletons.size).toBe(KYRGYZ_AND_RUSSIAN.length);
    for (const c of KYRGYZ_AND_RUSSIAN) expect(nameSkeleton(c.toUpperCase())).toBe(nameSkeleton(c));
    expect(nameSkeleton('үй')).not.toBe(nameSkeleton('уй'));
    // Cyrillic у and Latin y do look alike.
    expect(nameSkeleton('уй')).toBe(nameSkeleton('yй'));
  });

  it('makes the club name key of one rayon and city the same for the look-alikes, the city folded too', () => {
    const key = clubNameKey({ name: 'At-Bashy people in Moscow', residenceCountry: 'RU', residenceCity: 'Moscow' });
    expect(clubNameKey({ name: '\u0410t-Bashy people in Moscow.', residenceCountry: 'RU', residenceCity: 'M\u043escow' })).toBe(key);
    expect(clubNameKey({ name: 'At-Bashy people in Moscow', residenceCountry: 'KZ', residenceCity: 'Moscow' })).not.toBe(key);
    expect(key).toBe('RU|rnoscow|at-bashy people in rnoscow');
  });
});
