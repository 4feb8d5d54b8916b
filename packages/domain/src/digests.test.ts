import { describe, expect, it } from 'vitest';
import { SavedQuerySchema } from '@mekendesh/contracts';
import { digestDates, digestMessage } from './digest-email.js';
import { bishkekWeek, isoWeekOfDay, mondayOfIsoWeek, previousIsoWeek, type Digest, type DigestProject } from './digests.js';
import { canonicalQuery, defaultSearchName, searchIdOf, searchNameIn } from './follows.js';

describe('digest weeks (ISO weeks of Bishkek days)', () => {
  it('names the ISO week of a day, across years', () => {
    expect(isoWeekOfDay('2026-03-02')).toBe('2026-W10');
    expect(isoWeekOfDay('2026-03-08')).toBe('2026-W10');
    expect(isoWeekOfDay('2026-03-09')).toBe('2026-W11');
    expect(isoWeekOfDay('2027-01-01')).toBe('2026-W53'); // a Friday: its Thursday is in 2026
    expect(isoWeekOfDay('2024-12-30')).toBe('2025-W01');
  });

  it('runs from Monday 00:00 in Bishkek (18:00 UTC the day before) for seven days', () => {
    expect(mondayOfIsoWeek('2026-W10')).toBe('2026-03-02');
    expect(mondayOfIsoWeek('2025-W01')).toBe('2024-12-30');
    expect(bishkekWeek('2026-W48')).toEqual({ fromIso: '2026-11-22T18:00:00.000Z', toIso: '2026-11-29T18:00:00.000Z' });
    expect(() => mondayOfIsoWeek('2026-48')).toThrow('not an ISO week');
  });

  it('sends, on a Monday morning in Bishkek, the week that ended at midnight', () => {
    // Monday 30 November 2026, 08:00 in Bishkek = 02:00 UTC.
    expect(previousIsoWeek(new Date('2026-11-30T02:00:00.000Z'))).toBe('2026-W48');
    // Sunday 29 November 23:59 in Bishkek is still week 48: the week before it is 47.
    expect(previousIsoWeek(new Date('2026-11-29T17:59:00.000Z'))).toBe('2026-W47');
  });
});

// The full names packages/territories gives (the composition's placeName reads `fullName`).
const FULL: Record<string, { ky: string; ru: string; en: string }> = {
  '41703000000000': { ky: 'Жалал-Абад облусу', ru: 'Джалал-Абадская область', en: 'Jalal-Abad Region' },
  '41704000000000': { ky: 'Нарын облусу', ru: 'Нарынская область', en: 'Naryn Region' },
  '41705000000000': { ky: 'Баткен облусу', ru: 'Баткенская область', en: 'Batken Region' },
};

describe('a saved search’s default name', () => {
  const names = { placeName: (soate: string) => FULL[soate] };
  it('is made of the words, the place and the sector in the reader’s language', () => {
    const query = SavedQuerySchema.parse({ q: 'мектеп', oblast: '41704000000000', sector: 'water' });
    expect(defaultSearchName(names, query, 'en')).toBe('“мектеп” · Naryn Region · Water and sanitation');
    expect(defaultSearchName(names, query, 'ru')).toBe('«мектеп» · Нарынская область · Водоснабжение и санитария');
    expect(defaultSearchName(names, query, 'ky')).toBe('«мектеп» · Нарын облусу · Суу менен камсыздоо жана санитария');
    const batken = SavedQuerySchema.parse({ q: 'мектеп', oblast: '41705000000000' });
    expect(defaultSearchName(names, batken, 'ky')).toBe('«мектеп» · Баткен облусу');
    expect(defaultSearchName(names, batken, 'en')).toBe('“мектеп” · Batken Region');
    expect(defaultSearchName(names, SavedQuerySchema.parse({ q: 'вода', oblast: '41703000000000' }), 'ru')).toBe(
      '«вода» · Джалал-Абадская область',
    );
    expect(defaultSearchName(names, SavedQuerySchema.parse({}), 'ky')).toBe('Бардык долбоорлор');
    expect(defaultSearchName(names, SavedQuerySchema.parse({ state: 'funded', kind: 'business' }), 'ru')).toBe('бизнес · профинансирован');
  });
});

describe('a saved search’s name when read', () => {
  const names = { placeName: (soate: string) => FULL[soate] };
  const query = SavedQuerySchema.parse({ q: 'туризм', oblast: '41704000000000' });
  const stored = (name: string | undefined) => ({ id: searchIdOf(query), name, query, savedAt: '2026-02-01T00:00:00.000Z' });

  it('follows the reader’s language when none was typed, with the quotes each language uses', () => {
    expect(searchNameIn(names, stored(undefined), 'en')).toBe('“туризм” · Naryn Region');
    expect(searchNameIn(names, stored(undefined), 'ky')).toBe('«туризм» · Нарын облусу');
  });

  it('keeps a typed name as typed in every language', () => {
    expect(searchNameIn(names, stored('Тоо туризми'), 'en')).toBe('Тоо туризми');
    expect(searchNameIn(names, stored('«туризм» · Нарын · мой'), 'en')).toBe('«туризм» · Нарын · мой');
    expect(searchNameIn(names, stored('«туризм»'), 'en')).toBe('«туризм»');
    expect(searchNameIn(names, stored('Тоо туризми'), 'ru')).toBe('Тоо туризми');
  });

  it('reads a name made when saved (any language, the old English guillemets too) as none typed', () => {
    for (const old of ['«туризм» · Нарын', '«туризм» · Нарынская', '«туризм» · Naryn', '«туризм» · Нарынская область']) {
      expect(searchNameIn(names, stored(old), 'en'), old).toBe('“туризм” · Naryn Region');
    }
  });
});

describe('a saved search’s id', () => {
  const id = (q: Record<string, string>) => searchIdOf(SavedQuerySchema.parse(q));

  it('is one for one canonical query: case, word order, NFD, a redundant oblast beside its rayon change nothing', () => {
    const base = id({ q: 'суу түтүгү', rayon: '41704220000000' });
    expect(base).toMatch(/^s-[A-Za-z0-9_-]{22}$/);
    expect(id({ q: 'Түтүгү  СУУ', rayon: '41704220000000' })).toBe(base);
    expect(id({ q: 'суу түтүгү'.normalize('NFD'), rayon: '41704220000000' })).toBe(base);
    expect(id({ q: 'суу түтүгү', rayon: '41704220000000', oblast: '41704000000000' })).toBe(base);
  });

  it('differs when what the search finds differs', () => {
    const base = id({ q: 'суу', rayon: '41704220000000' });
    expect(id({ q: 'суу', rayon: '41704220000000', sector: 'water' })).not.toBe(base);
    expect(id({ q: 'суу', oblast: '41704000000000' })).not.toBe(base);
    expect(id({ rayon: '41704220000000' })).not.toBe(base);
    expect(canonicalQuery(SavedQuerySchema.parse({ state: 'funded' }))).not.toBe(canonicalQuery(SavedQuerySchema.parse({})));
  });
});

describe('the digest email', () => {
  const project = (id: string, title: string): DigestProject => ({
    id,
    title: { ky: `${title} (ky)`, ru: `${title} (ru)`, en: title },
    oblastSoate: '41704000000000',
    rayonSoate: null,
    sector: 'water',
    kind: 'community',
    pledgeTypes: ['donation'],
    publishedAt: '2026-12-01T06:00:00.000Z',
    words: [],
  });
  const query = SavedQuerySchema.parse({ q: 'туризм', oblast: '41704000000000' });
  const digest: Digest = {
    places: [project('p-1', 'Roof')],
    searches: [{ search: { id: 's-1', query, savedAt: '2026-02-01T00:00:00.000Z' }, projects: [project('p-2', 'Guest house')] }],
    answered: [{ projectId: 'p-3', answers: [{ text: 'When?', answer: { text: 'In May.' } }] }],
    skippedSearches: 0,
  };
  const message = digestMessage({
    digest,
    titles: new Map([['p-3', { ky: 'Көпүрө', ru: 'Мост', en: 'Bridge' }]]),
    webOrigin: 'https://mekendesh.example',
    monday: mondayOfIsoWeek('2026-W49'),
    placeName: (soate: string) => (soate === '41704000000000' ? { ky: 'Нарын', ru: 'Нарынская', en: 'Naryn' } : undefined),
  });

  it('names the week by its Bishkek dates and the brand as each language writes it', () => {
    expect(digestDates('2026-11-30', 'ky')).toBe('30-ноябрь – 6-декабрь');
    expect(message('ky', { name: 'Айгүл' }).subject).toBe('Мекендеш: жуманын жаңылыктары (30-ноябрь – 6-декабрь)');
    expect(message('ru').subject).toBe('Мекендеш: новости за неделю 30 ноября – 6 декабря');
    expect(message('en').subject).toBe('Mekendesh: news for 30 November – 6 December');
  });

  it('greets the reader, then lists each section with its links and ends with the Following page', () => {
    const en = message('en', { name: 'Emma' }).text;
    expect(en.startsWith('Hello Emma,\n\nHere is what is new this week')).toBe(true);
    expect(en).toContain('New projects in places you follow:\n\n- Roof\n  https://mekendesh.example/en/projects/p-1');
    expect(en).toContain('Matching your saved search — “туризм” · Naryn:\n\n- Guest house\n  https://mekendesh.example/en/projects/p-2');
    expect(en).toContain(
      'New answers on projects you follow:\n\nBridge\n  https://mekendesh.example/en/projects/p-3#questions\n  ? When?\n  → In May.',
    );
    expect(en.endsWith('https://mekendesh.example/en/following')).toBe(true);
    const ru = message('ru', { name: 'Борис' }).text;
    expect(ru.startsWith('Здравствуйте, Борис!')).toBe(true);
    expect(ru).toContain('По вашему сохранённому поиску — «туризм» · Нарынская:');
    expect(ru).toContain('- Guest house (ru)\n  https://mekendesh.example/ru/projects/p-2');
  });
});
