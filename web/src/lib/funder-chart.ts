import { FUNDER_TYPES, type FunderType, type ProjectFunds } from '@mekendesh/contracts';

/** The chart's drawing units: the viewBox is WIDTH wide, each funder takes ROW_HEIGHT. */
export const CHART = { WIDTH: 600, ROW_HEIGHT: 60, LABEL: 18, BAR: 16, GAP: 4 } as const;

/** One funder's row in the chart: its bars' lengths in drawing units (received over spent) and where the row starts. */
export interface FunderBarRow {
	funder: FunderType;
	received: number;
	spent: number;
	y: number;
	receivedWidth: number;
	spentWidth: number;
}

/** A bar's length for `value` on a scale whose longest bar is `max` (tyiyn); a non-zero amount is never drawn as nothing. */
function length(value: number, max: number): number {
	if (value <= 0 || max <= 0) return 0;
	return Math.max(2, Math.round((CHART.WIDTH * value) / max));
}

/**
 * The geometry of the received-vs-spent chart (server-drawn SVG, issue 13): one row per funder type in the page's order,
 * every bar on one scale (the largest amount spans the width), so bars compare across funders. Funders with nothing
 * planned, received or spent are left out. `height` is the viewBox height.
 * @example funderBars(funds).rows[0] // { funder: 'diaspora', received: 400_000_00, spent: 300_000_00, y: 0, receivedWidth: 600, spentWidth: 450 }
 */
export function funderBars(funds: ProjectFunds): { rows: FunderBarRow[]; height: number } {
	const shown = FUNDER_TYPES.filter((f) => {
		const v = funds.byFunder[f];
		return v.planned > 0 || v.received !== 0 || v.spent > 0;
	});
	const max = Math.max(0, ...shown.flatMap((f) => [funds.byFunder[f].received, funds.byFunder[f].spent]));
	const rows = shown.map((funder, i) => {
		const { received, spent } = funds.byFunder[funder];
		return { funder, received, spent, y: i * CHART.ROW_HEIGHT, receivedWidth: length(received, max), spentWidth: length(spent, max) };
	});
	return { rows, height: Math.max(1, rows.length) * CHART.ROW_HEIGHT };
}
