import { describe, expect, it } from 'vitest';
import { bishkekDay, deadlineDateTime, deadlinePassed, waitingTime } from './duration.js';

describe('waitingTime', () => {
	const since = '2026-01-01T00:00:00Z';
	it('uses the largest whole unit with the locale plural', () => {
		expect(waitingTime(since, new Date('2026-01-04T05:00:00Z'), 'ru')).toBe('3 дня');
		expect(waitingTime(since, new Date('2026-01-06T05:00:00Z'), 'ru')).toBe('5 дней');
		expect(waitingTime(since, new Date('2026-01-01T01:30:00Z'), 'en')).toBe('1 hour');
		expect(waitingTime(since, new Date('2026-01-01T00:07:00Z'), 'en')).toBe('7 minutes');
		expect(waitingTime(since, new Date('2026-01-03T00:00:00Z'), 'ky')).toMatch(/^2 күн/);
	});
	it('never goes negative', () => {
		expect(waitingTime(since, new Date('2025-12-31T00:00:00Z'), 'en')).toBe('0 minutes');
	});
});

describe('bishkekDay', () => {
	it('turns the day at Bishkek midnight (18:00 UTC), not at midnight UTC', () => {
		expect(bishkekDay(new Date('2026-06-30T17:59:59Z'))).toBe('2026-06-30');
		expect(bishkekDay(new Date('2026-06-30T18:00:00Z'))).toBe('2026-07-01');
		expect(bishkekDay(new Date('2026-12-31T18:00:00Z'))).toBe('2027-01-01');
		expect(() => bishkekDay(new Date('not a time'))).toThrow(RangeError);
	});
});

describe('deadlines', () => {
	it('gives the last minute of the deadline day with its offset, for <time datetime>', () => {
		expect(deadlineDateTime('2026-06-30')).toBe('2026-06-30T23:59+06:00');
	});

	it('counts a deadline as passed from 00:00 Bishkek time the day after', () => {
		expect(deadlinePassed('2026-06-30', new Date('2026-06-30T17:59:59Z'))).toBe(false);
		expect(deadlinePassed('2026-06-30', new Date('2026-06-30T18:00:01Z'))).toBe(true);
	});
});
