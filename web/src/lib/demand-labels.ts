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

/** A demand answer's three breakdowns as labelled rows in the reader's language (countries by their ICU name). */
export function demandSections(demand: Demand, locale: Locale): { id: string; heading: string; rows: DemandRow[] }[] {
	const countryName = new Map(countryOptions(locale).map((c) => [c.code, c.name]));
	return [
		{ id: 'sector', heading: m.demand_by_sector(), rows: demand.bySector.map((s) => ({ label: sectorLabel(s.sector), count: s.count })) },
		{ id: 'amount', heading: m.demand_by_amount(), rows: demand.byAmount.map((a) => ({ label: RANGE[a.range](), count: a.count })) },
		{
			id: 'country',
			heading: m.demand_by_country(),
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
