import type { DashboardFigure, Locale, PledgeChannel, ProjectStatus, Sector } from '@mekendesh/contracts';
import { countryOptions } from '#lib/countries.js';
import { channelLabel } from '#lib/labels-money.js';
import { projectStatusLabel } from '#lib/labels-projects.js';
import { sectorLabel } from '#lib/labels.js';
import { m } from '#lib/paraglide/messages.js';
import { placeName } from '#lib/places.js';
import type { DashboardLabels, DashboardTableName } from './tables.js';

const FIGURE: Record<DashboardFigure, () => string> = {
	pledged: m.db_figure_pledged,
	received: m.db_figure_received,
	matched: m.db_figure_matched,
	municipality: m.db_figure_municipality,
	otherDonors: m.db_figure_otherDonors,
	disbursed: m.db_figure_disbursed,
	refunded: m.db_figure_refunded,
};

const TABLE: Record<DashboardTableName, () => string> = {
	totals: m.db_table_totals,
	oblast: m.db_table_oblast,
	sector: m.db_table_sector,
	country: m.db_table_country,
	currency: m.db_table_currency,
	month: m.db_table_month,
	pipeline: m.db_table_pipeline,
	review: m.db_table_review,
	awaiting: m.db_table_awaiting,
	programmes: m.db_table_programmes,
};

/** A Bishkek month 'YYYY-MM' as "November 2026" in the locale. */
export function monthName(ym: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
}

/** The dashboard tables' words in the page's language (the messages of the current request's locale). */
export function dashboardLabels(locale: Locale): DashboardLabels {
	const countries = new Map(countryOptions(locale).map((c) => [c.code as string, c.name]));
	const key = (b: string, k: string): string => {
		if (b === 'oblast') return placeName(k, locale);
		if (b === 'sector') return sectorLabel(k as Sector);
		if (b === 'country') return k === 'XX' ? m.db_country_unknown() : k === 'none' ? m.db_country_none() : (countries.get(k) ?? k);
		if (b === 'month') return monthName(k, locale);
		return k;
	};
	return {
		table: (n) => TABLE[n](),
		figure: (f) => FIGURE[f](),
		figureUsd: (f) => m.db_figure_usd({ figure: FIGURE[f]() }),
		key,
		keyHeader: (b) =>
			({
				totals: m.db_key_totals,
				oblast: m.db_oblast,
				sector: m.db_sector,
				country: m.db_key_country,
				currency: m.db_key_currency,
				month: m.db_key_month,
			})[b](),
		total: m.db_total(),
		status: (s: ProjectStatus) => projectStatusLabel(s),
		channel: (c: PledgeChannel) => channelLabel(c),
		place: (soate) => placeName(soate, locale),
		sector: (s) => sectorLabel(s as Sector),
		text: (t) => t[locale] ?? t.ky ?? t.ru ?? t.en ?? '',
		headers: {
			status: m.db_h_status(),
			projects: m.db_h_projects(),
			beneficiaries: m.db_h_beneficiaries(),
			jobs: m.db_h_jobs(),
			project: m.db_h_project(),
			oblast: m.db_oblast(),
			sector: m.db_sector(),
			submitted: m.db_h_submitted(),
			waitingDays: m.db_h_waiting_days(),
			reference: m.db_h_reference(),
			amount: m.db_h_amount(),
			currency: m.db_h_currency(),
			amountKgs: m.db_h_amount_kgs(),
			receivedKgs: m.db_h_received_kgs(),
			ageDays: m.db_h_age_days(),
			channel: m.db_h_channel(),
			created: m.db_h_created(),
			programme: m.db_h_programme(),
			budget: m.db_h_budget(),
			reserved: m.db_h_reserved(),
			used: m.db_h_used(),
			reservedNotSpent: m.db_h_reserved_not_spent(),
			left: m.db_h_left(),
		},
	};
}
