import { describe, expect, it } from 'vitest';
import { SavedQuerySchema } from '@mekendesh/contracts';
import { bishkekWeek, isoWeekOfDay, mondayOfIsoWeek, previousIsoWeek } from './digests.js';
import { defaultSearchName } from './follows.js';

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

describe('a saved search’s default name', () => {
  const names = { placeName: (soate: string) => (soate === '41704000000000' ? { ky: 'Нарын', ru: 'Нарынская', en: 'Naryn' } : undefined) };
  it('is made of the words, the place and the sector in the reader’s language', () => {
    const query = SavedQuerySchema.parse({ q: 'мектеп', oblast: '41704000000000', sector: 'water' });
    expect(defaultSearchName(names, query, 'en')).toBe('«мектеп» · Naryn · Water and sanitation');
    expect(defaultSearchName(names, SavedQuerySchema.parse({}), 'ky')).toBe('Бардык долбоорлор');
    expect(defaultSearchName(names, SavedQuerySchema.parse({ state: 'funded', kind: 'business' }), 'ru')).toBe('бизнес · профинансирован');
  });
});
