import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatPercent, formatShare, formatSom, percentOf } from './format.js';

const NBSP = '\u00a0';
// ICU uses a narrow no-break space (U+202F) or a no-break space as the group separator, depending on locale.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatSom', () => {
	it('formats whole som without decimals, in each language', () => {
		expect(plain(formatSom(1_234_567_00, 'ky'))).toBe('1 234 567 сом');
		expect(plain(formatSom(1_234_567_00, 'ru'))).toBe('1 234 567 сом');
		expect(formatSom(1_234_567_00, 'en')).toBe(`1,234,567${NBSP}som`);
	});

	it('shows tyiyn exactly when there are any', () => {
		expect(plain(formatSom(1_234_567_50, 'ky'))).toBe('1 234 567,50 сом');
		expect(formatSom(5, 'en')).toBe(`0.05${NBSP}som`);
		expect(formatSom(10, 'en')).toBe(`0.10${NBSP}som`);
	});

	it('never loses a tyiyn on amounts a float would round', () => {
		// 2^53 - 1 tyiyn: as a float divided by 100 this would print ...740,99 or ...741
		expect(formatSom(Number.MAX_SAFE_INTEGER, 'en')).toBe(`90,071,992,547,409.91${NBSP}som`);
	});

	it('keeps the sign of negative amounts', () => {
		expect(formatSom(-150, 'en')).toBe(`-1.50${NBSP}som`);
	});

	it('rejects non-integer amounts', () => {
		expect(() => formatSom(1.5, 'ky')).toThrow(RangeError);
	});
});

describe('percentOf', () => {
	it('rounds down, so a goal is only 100% when reached', () => {
		expect(percentOf(999, 1000)).toBe(99);
		expect(percentOf(1000, 1000)).toBe(100);
		expect(percentOf(1, 3)).toBe(33);
	});

	it('can exceed 100 and is 0 for an empty goal', () => {
		expect(percentOf(1500, 1000)).toBe(150);
		expect(percentOf(10, 0)).toBe(0);
	});
});

describe('formatPercent and formatShare', () => {
	it('follows the locale', () => {
		expect(formatPercent(42, 'en')).toBe('42%');
		expect(plain(formatPercent(42, 'ru'))).toBe('42 %');
		expect(plain(formatShare(1, 3, 'ru'))).toBe('33,3 %');
		expect(formatShare(1, 2, 'en')).toBe('50%');
		expect(formatShare(1, 0, 'en')).toBe('0%');
	});
});

describe('formatCount', () => {
	it('groups digits', () => {
		expect(formatCount(1250, 'en')).toBe('1,250');
	});
});

describe('formatDate', () => {
	it('formats an ISO date in each language without shifting the day', () => {
		expect(formatDate('2026-03-05', 'en')).toBe('March 5, 2026');
		expect(formatDate('2026-03-05', 'ru')).toBe('5 марта 2026 г.');
		expect(formatDate('2026-03-05', 'ky')).toContain('5-март');
	});

	it('dates an instant by its day in Bishkek, not the UTC day', () => {
		expect(formatDate('2026-06-30T17:59:59Z', 'en')).toBe('June 30, 2026');
		expect(formatDate('2026-06-30T19:00:00.000Z', 'en')).toBe('July 1, 2026');
		expect(formatDate('2026-06-30T19:00:00.000Z', 'ru')).toBe('1 июля 2026 г.');
		// A report posted at 02:17 on 1 December in Bishkek is dated 1 December (it was 30 November in UTC).
		expect(formatDate('2026-11-30T20:17:00Z', 'en')).toBe('December 1, 2026');
	});

	it('returns the input when it is not a date', () => {
		expect(formatDate('soon', 'en')).toBe('soon');
		expect(formatDate('2026-06-30T99:00:00Z', 'en')).toBe('2026-06-30T99:00:00Z');
	});
});
