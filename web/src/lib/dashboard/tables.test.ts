import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@mekendesh/contracts';
import { dashboardTable, minorToDecimal, neutraliseFormula, type DashboardLabels } from './tables.js';

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

describe('dashboard dates', () => {
	// Only what the awaiting and review tables read; the labels echo their input.
	const labels = {
		table: (n: string) => n,
		text: (t: { en?: string }) => t.en ?? '',
		place: (s: string) => s,
		sector: (s: string) => s,
		status: (s: string) => s,
		channel: (c: string) => c,
		headers: new Proxy({}, { get: (_t, k) => String(k) }),
	} as unknown as DashboardLabels;
	const at = '2026-11-30T20:17:00Z'; // 02:17 on 1 December in Bishkek
	const d = {
		reviewQueue: [{ title: { en: 'P' }, status: 'submitted', oblastSoate: '41704', sector: 'water', submittedAt: at, waitingDays: 0 }],
		awaitingPayment: {
			limit: 50,
			items: [
				{
					reference: 'MK-1',
					projectTitle: { en: 'P' },
					oblastSoate: '41704',
					amount: { amount: 100, currency: 'USD' },
					amountKgs: 8700,
					receivedKgs: 0,
					ageDays: 0,
					channel: 'bank_transfer',
					createdAt: at,
				},
			],
		},
	} as unknown as Dashboard;

	it('date a pledge and a submission by their Bishkek day, not the UTC day', () => {
		expect(dashboardTable(d, 'awaiting', labels).rows[0]!.at(-1)).toBe('2026-12-01');
		expect(dashboardTable(d, 'review', labels).rows[0]![4]).toBe('2026-12-01');
	});
});
