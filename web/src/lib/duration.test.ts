import { describe, expect, it } from 'vitest';
import { waitingTime } from './duration.js';

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
