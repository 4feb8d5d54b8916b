import type { Demand, DemandCell, Locale } from '@mekendesh/contracts';
import { countryOptions } from '#lib/countries.js';
import { sectorLabel } from '#lib/labels.js';
import { m } from '#lib/paraglide/messages.js';

type Range = Demand['byAmount'][number]['range'];

const RANGE: Record<Range, () => string> = {
	under_10k: m.demand_range_under_10k,
	'10k_50k': m.demand_range_10k_50k,
	'50k_200k': m.demand_range_50k_200k,
	'200k_1m': m.demand_range_200k_1m,
	over_1m: m.demand_range_over_1m,
	not_stated: m.demand_range_not_stated,
};

/** One row of a demand table or chart: its label and its cell (a band of 5 such as 5–9, or 'fewer_than_5'). */
export interface DemandRow {
	label: string;
	count: DemandCell;
}

/** One breakdown: its heading (the table's caption), the name of what its first column lists, and its rows. */
export interface DemandSection {
	id: 'sector' | 'amount' | 'country';
	heading: string;
	column: string;
	rows: DemandRow[];
}

/** A demand answer's three breakdowns as labelled rows in the reader's language (countries by their ICU name). */
export function demandSections(demand: Demand, locale: Locale): DemandSection[] {
	const countryName = new Map(countryOptions(locale).map((c) => [c.code, c.name]));
	return [
		{
			id: 'sector',
			heading: m.demand_by_sector(),
			column: m.demand_col_sector(),
			rows: demand.bySector.map((s) => ({ label: sectorLabel(s.sector), count: s.count })),
		},
		{
			id: 'amount',
			heading: m.demand_by_amount(),
			column: m.demand_col_amount(),
			rows: demand.byAmount.map((a) => ({ label: RANGE[a.range](), count: a.count })),
		},
		{
			id: 'country',
			heading: m.demand_by_country(),
			column: m.demand_col_country(),
			// Countries of 5 or more by name, then every smaller one together (the API never names those).
			rows: [
				...demand.byCountry.map((c) => ({
					label: c.country === 'not_stated' ? m.demand_country_not_stated() : (countryName.get(c.country) ?? c.country),
					count: c.count,
				})),
				{ label: m.demand_other_countries(), count: demand.otherCountries },
			],
		},
	];
}

/** A cell as the reader sees it: its band with numbers in their locale ("5–9", "10–14"), or "fewer than 5" in their language. */
export function demandCellText(count: DemandCell, locale: Locale): string {
	if (count === 'fewer_than_5') return m.demand_fewer_than_5();
	const format = new Intl.NumberFormat(locale);
	return `${format.format(count.from)}–${format.format(count.to)}`;
}

/** A chart row: the table row and its bar's length in percent of the longest (null: fewer than 5, no bar). */
export interface DemandBar extends DemandRow {
	percent: number | null;
}

/**
 * Rows for a bar chart, the most people first (ties keep the table's order), cells under 5 last without a bar.
 * Bars follow the lower end of each band (5–9 → 5), because the exact counts never reach the page; the longest is 100.
 */
export function demandBars(rows: readonly DemandRow[]): DemandBar[] {
	const from = (r: DemandRow) => (r.count === 'fewer_than_5' ? 0 : r.count.from);
	const max = Math.max(0, ...rows.map(from));
	return rows
		.map((row, i) => ({ row, i }))
		.sort((a, b) => from(b.row) - from(a.row) || a.i - b.i)
		.map(({ row }) => ({ ...row, percent: row.count === 'fewer_than_5' || max === 0 ? null : Math.round((100 * row.count.from) / max) }));
}
