import { describe, expect, it } from 'vitest';
import {
  addDays,
  assertIsoDay,
  BISHKEK_TIME_ZONE,
  bishkekDay,
  bishkekToday,
  dayHasPassed,
  daysBetween,
  endOfBishkekDay,
  isIsoDay,
  startOfBishkekDay,
} from './bishkek-calendar.js';
import { DomainError } from './errors.js';

describe('bishkekDay', () => {
  it('turns the day at 18:00 UTC, Bishkek midnight, not at midnight UTC', () => {
    expect(bishkekDay(new Date('2026-06-30T17:59:59Z'))).toBe('2026-06-30');
    expect(bishkekDay(new Date('2026-06-30T17:59:59.999Z'))).toBe('2026-06-30');
    expect(bishkekDay(new Date('2026-06-30T18:00:00Z'))).toBe('2026-07-01');
    expect(bishkekDay(new Date('2026-06-30T23:59:59Z'))).toBe('2026-07-01');
    expect(bishkekDay(new Date('2026-07-01T00:00:00Z'))).toBe('2026-07-01');
    expect(bishkekDay('2026-12-31T18:00:00Z')).toBe('2027-01-01');
    expect(bishkekDay('2028-02-28T18:30:00Z')).toBe('2028-02-29');
  });

  it('agrees with the runtime’s IANA tz data for Asia/Bishkek every 7 hours over two years', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: BISHKEK_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let ms = Date.parse('2025-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 7 * 3_600_000 + 59_000) {
      expect(bishkekDay(ms), new Date(ms).toISOString()).toBe(intl.format(ms));
    }
  });

  it('reads today from the injected clock', () => {
    expect(bishkekToday({ now: () => new Date('2026-06-30T18:00:01Z') })).toBe('2026-07-01');
  });

  it('refuses an invalid instant', () => {
    expect(() => bishkekDay('yesterday')).toThrow(RangeError);
  });
});

describe('the instants a Bishkek day starts and ends', () => {
  it('starts at 00:00 Bishkek (18:00 UTC the day before) and ends, exclusive, when the next day starts', () => {
    expect(startOfBishkekDay('2026-07-01').toISOString()).toBe('2026-06-30T18:00:00.000Z');
    expect(endOfBishkekDay('2026-06-30').toISOString()).toBe('2026-06-30T18:00:00.000Z');
    expect(startOfBishkekDay('2026-01-01').toISOString()).toBe('2025-12-31T18:00:00.000Z');
    expect(bishkekDay(startOfBishkekDay('2026-03-01'))).toBe('2026-03-01');
    expect(bishkekDay(new Date(endOfBishkekDay('2026-03-01').getTime() - 1))).toBe('2026-03-01');
  });
});

describe('dayHasPassed', () => {
  it('keeps a deadline open through 23:59:59 in Bishkek and closes it at 00:00', () => {
    expect(dayHasPassed('2026-06-30', new Date('2026-06-30T17:59:59Z'))).toBe(false);
    expect(dayHasPassed('2026-06-30', new Date('2026-06-30T18:00:00Z'))).toBe(true);
    expect(dayHasPassed('2026-06-30', new Date('2026-06-29T18:00:00Z'))).toBe(false);
  });
});

describe('calendar arithmetic and validation', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-06-24', '2026-07-01')).toBe(7);
    expect(daysBetween('2026-07-01', '2026-06-24')).toBe(-7);
  });

  it('accepts only real YYYY-MM-DD days, and names the field when it refuses', () => {
    for (const day of ['2026-06-30', '2028-02-29']) expect(isIsoDay(day), day).toBe(true);
    for (const day of ['2026-02-30', '2026-6-1', '2026-13-01', '30.06.2026', '2026-06-30T00:00:00Z', '', 20260630])
      expect(isIsoDay(day), String(day)).toBe(false);
    const error = (() => {
      try {
        assertIsoDay('2026-02-30', 'deadline');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors).toEqual([expect.objectContaining({ field: 'deadline' })]);
  });
});
