import { describe, expect, it } from 'vitest';
import { minorToDecimal, neutraliseFormula } from './tables.js';

describe('dashboard exports', () => {
	it('neutralise text that a spreadsheet would run as a formula', () => {
		for (const bad of ['=1+1', '+7', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")'])
			expect(neutraliseFormula(bad)).toBe(`'${bad}`);
		for (const fine of ['Нарын облусу', 'MK-AB12-CD3', '1 000', '']) expect(neutraliseFormula(fine)).toBe(fine);
	});

	it('write minor units as som with two decimals, exactly', () => {
		expect(minorToDecimal(123_456)).toBe('1234.56');
		expect(minorToDecimal(5)).toBe('0.05');
		expect(minorToDecimal(-5)).toBe('-0.05');
		expect(minorToDecimal(0)).toBe('0.00');
		expect(minorToDecimal(9_007_199_254_740_991)).toBe('90071992547409.91');
	});
});
