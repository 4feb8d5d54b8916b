import type { Money, Pledge, StatementRow } from '@mekendesh/contracts';
import type { StatementLineStatus } from './labels-money.js';

/** A statement line as the staff page shows it: the API's status, refined for matched lines. */
export interface StatementLineView extends StatementRow {
	shown: StatementLineStatus;
	/** What the pledge still expected before this line, in its currency (matched lines of a known pledge). */
	expected: Money | null;
}

/**
 * Tells a matched line that pays a pledge in full from a part payment and an over-payment, taking earlier
 * lines of the same statement for the same pledge into account. Lines in another currency than the pledge
 * stay "matched": the API converts them at their day's rate, which the preview does not know.
 * @example annotateLines(rows, new Map([[pledge.id, pledge]]))
 */
export function annotateLines(
	rows: readonly StatementRow[],
	pledges: ReadonlyMap<string, Pick<Pledge, 'amount' | 'received'>>,
): StatementLineView[] {
	const left = new Map<string, number>();
	return rows.map((row) => {
		const pledge = row.pledgeId ? pledges.get(row.pledgeId) : undefined;
		if (row.status !== 'matched' || !pledge?.amount || !row.amount || row.amount.currency !== pledge.amount.currency) {
			return { ...row, shown: row.status, expected: null };
		}
		const remaining = left.get(row.pledgeId!) ?? Math.max(0, pledge.amount.amount - (pledge.received?.amount ?? 0));
		left.set(row.pledgeId!, Math.max(0, remaining - row.amount.amount));
		const shown: StatementLineStatus = row.amount.amount < remaining ? 'partial' : row.amount.amount > remaining ? 'overpaid' : 'matched';
		return { ...row, shown, expected: { amount: remaining, currency: pledge.amount.currency } };
	});
}

/** Quotes a CSV cell when it has to (separator, quote, line break), doubling quotes inside. */
export function csvCell(value: string): string {
	return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A one-line statement for a receipt entered by hand: how a payment reference finds its pledge. */
export function oneLineStatement(r: { date: string; amount: string; currency: string; reference: string; bankReference: string }): string {
	return `date,amount,currency,description,bank_reference\n${[r.date, r.amount, r.currency, r.reference, r.bankReference].map(csvCell).join(',')}\n`;
}
