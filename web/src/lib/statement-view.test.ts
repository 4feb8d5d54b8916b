import { describe, expect, it } from 'vitest';
import type { StatementRow } from '@mekendesh/contracts';
import { annotateLines, csvCell, oneLineStatement } from './statement-view.js';

const row = (line: number, amount: number, overrides: Partial<StatementRow> = {}): StatementRow => ({
	line,
	date: '2026-03-02',
	amount: { amount, currency: 'USD' },
	text: 'MK-2222-2222',
	status: 'matched',
	reason: null,
	cells: { date: '2026-03-02', amount: String(amount / 100), currency: 'USD' },
	readings: [],
	paymentReference: 'MK-2222-2222',
	pledgeId: 'p1',
	receiptId: `bank:${line}`,
	duplicateOf: null,
	...overrides,
});

describe('annotateLines', () => {
	it('tells part payments, exact payments and over-payments apart, line after line', () => {
		const pledges = new Map([
			['p1', { amount: { amount: 10_000, currency: 'USD' as const }, received: { amount: 2_000, currency: 'USD' as const } }],
		]);
		const out = annotateLines([row(2, 3_000), row(3, 5_000), row(4, 1_000), row(5, 500, { status: 'unmatched', pledgeId: null })], pledges);
		expect(out.map((r) => r.shown)).toEqual(['partial', 'matched', 'overpaid', 'unmatched']);
		expect(out.map((r) => r.expected?.amount ?? null)).toEqual([8_000, 5_000, 0, null]);
	});

	it('leaves a line in another currency as matched', () => {
		const pledges = new Map([['p1', { amount: { amount: 10_000, currency: 'EUR' as const }, received: null }]]);
		expect(annotateLines([row(2, 1)], pledges)[0]!.shown).toBe('matched');
	});
});

describe('oneLineStatement', () => {
	it('quotes what needs quoting, so a typed reference cannot add a column or a line', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(oneLineStatement({ date: '2026-03-02', amount: '100', currency: 'USD', reference: 'MK-2222-2222', bankReference: 'x\ny' })).toBe(
			'date,amount,currency,description,bank_reference\n2026-03-02,100,USD,MK-2222-2222,"x\ny"\n',
		);
	});
});
