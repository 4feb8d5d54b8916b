/**
 * The staff dashboard's tables (issue 13) as rows, one function for the page and for its CSV/XLSX exports, so an
 * export's rows are the rows on screen. Plain TypeScript over the API's answer (no Svelte, no messages): the
 * page's language comes in as `DashboardLabels`.
 */
import {
	DASHBOARD_FIGURES,
	type Dashboard,
	type DashboardBreakdown,
	type DashboardFigure,
	type DashboardRow,
	type PledgeChannel,
	type ProjectStatus,
} from '@mekendesh/contracts';
// Dates of instants are Bishkek days (UTC+6): a pledge made at 02:17 on 1 December in Bishkek is dated 1 December.
import { bishkekDay } from '../duration.js';

/** Every table the dashboard shows and exports. */
export const DASHBOARD_TABLES = [
	'totals',
	'oblast',
	'sector',
	'country',
	'currency',
	'month',
	'pipeline',
	'review',
	'awaiting',
	'programmes',
] as const;
export type DashboardTableName = (typeof DASHBOARD_TABLES)[number];

/** How a column's cells are written: text, a whole number, or minor units (tyiyn, cents) shown with 2 decimals. */
type ColumnKind = 'text' | 'int' | 'money';
interface DashboardColumn {
	header: string;
	kind: ColumnKind;
}
/** A cell: text for text columns, an integer (minor units for money columns) otherwise. */
type DashboardCell = string | number;
export interface DashboardTable {
	name: DashboardTableName;
	title: string;
	columns: DashboardColumn[];
	rows: DashboardCell[][];
}

/** The words of the page's language the tables need. */
export interface DashboardLabels {
	table(name: DashboardTableName): string;
	figure(f: DashboardFigure): string;
	/** A figure's column in USD, e.g. "Received, USD". */
	figureUsd(f: DashboardFigure): string;
	/** The name of a breakdown's key: an oblast, sector, country (`XX`, `none`), currency or month. */
	key(b: DashboardBreakdown, key: string): string;
	keyHeader(b: DashboardBreakdown | 'totals'): string;
	total: string;
	status(s: ProjectStatus): string;
	channel(c: PledgeChannel): string;
	place(soate: string): string;
	sector(s: string): string;
	/** A localized project or programme name. */
	text(t: Partial<Record<'ky' | 'ru' | 'en', string>>): string;
	headers: Record<
		| 'status'
		| 'projects'
		| 'beneficiaries'
		| 'jobs'
		| 'project'
		| 'oblast'
		| 'sector'
		| 'submitted'
		| 'waitingDays'
		| 'reference'
		| 'amount'
		| 'currency'
		| 'amountKgs'
		| 'receivedKgs'
		| 'ageDays'
		| 'channel'
		| 'created'
		| 'programme'
		| 'budget'
		| 'reserved'
		| 'used'
		| 'reservedNotSpent'
		| 'left',
		string
	>;
}

function moneyTable(
	name: DashboardTableName,
	d: Dashboard,
	rows: DashboardRow[],
	l: DashboardLabels,
	b: DashboardBreakdown | 'totals',
): DashboardTable {
	const usd = d.usdRate !== null;
	const columns: DashboardColumn[] = [
		{ header: l.keyHeader(b), kind: 'text' },
		...DASHBOARD_FIGURES.map((f) => ({ header: `${l.figure(f)}, KGS`, kind: 'money' as const })),
		...(usd ? DASHBOARD_FIGURES.map((f) => ({ header: l.figureUsd(f), kind: 'money' as const })) : []),
	];
	return {
		name,
		title: l.table(name),
		columns,
		rows: rows.map((r) => [
			b === 'totals' ? l.total : l.key(b, r.key),
			...DASHBOARD_FIGURES.map((f) => r.kgs[f]),
			...(usd ? DASHBOARD_FIGURES.map((f) => r.usd?.[f] ?? 0) : []),
		]),
	};
}

/**
 * One table of the dashboard as the page shows it and the exports write it.
 * @example dashboardTable(answer, 'oblast', labels).rows[0] // ['Chüy Region', 12000000, 9000000, ...] (money in tyiyn)
 */
export function dashboardTable(d: Dashboard, name: DashboardTableName, l: DashboardLabels): DashboardTable {
	const h = l.headers;
	const col = (header: string, kind: ColumnKind = 'text'): DashboardColumn => ({ header, kind });
	const table = (columns: DashboardColumn[], rows: DashboardCell[][]): DashboardTable => ({ name, title: l.table(name), columns, rows });
	switch (name) {
		case 'totals':
			return moneyTable(name, d, [d.totals], l, 'totals');
		case 'oblast':
		case 'sector':
		case 'country':
		case 'currency':
		case 'month':
			return moneyTable(name, d, d.breakdowns[name], l, name);
		case 'pipeline':
			return table(
				[col(h.status), col(h.projects, 'int'), col(h.beneficiaries, 'int'), col(h.jobs, 'int')],
				d.pipeline.filter((p) => p.projects !== 0).map((p) => [l.status(p.status), p.projects, p.beneficiaries, p.jobs]),
			);
		case 'review':
			return table(
				[col(h.project), col(h.status), col(h.oblast), col(h.sector), col(h.submitted), col(h.waitingDays, 'int')],
				d.reviewQueue.map((r) => [
					l.text(r.title),
					l.status(r.status),
					l.place(r.oblastSoate),
					l.sector(r.sector),
					r.submittedAt ? bishkekDay(new Date(r.submittedAt)) : '',
					r.waitingDays,
				]),
			);
		case 'awaiting':
			return table(
				[
					col(h.reference),
					col(h.project),
					col(h.oblast),
					col(h.amount, 'money'),
					col(h.currency),
					col(h.amountKgs, 'money'),
					col(h.receivedKgs, 'money'),
					col(h.ageDays, 'int'),
					col(h.channel),
					col(h.created),
				],
				d.awaitingPayment.items.map((p) => [
					p.reference,
					l.text(p.projectTitle),
					l.place(p.oblastSoate),
					p.amount.amount,
					p.amount.currency,
					p.amountKgs,
					p.receivedKgs,
					p.ageDays,
					l.channel(p.channel),
					bishkekDay(new Date(p.createdAt)),
				]),
			);
		case 'programmes':
			return table(
				[
					col(h.programme),
					col(h.budget, 'money'),
					col(h.reserved, 'money'),
					col(h.used, 'money'),
					col(h.reservedNotSpent, 'money'),
					col(h.left, 'money'),
				],
				d.programmes.map((p) => [l.text(p.name), p.budget, p.reserved, p.used, p.reservedNotSpent, p.left]),
			);
	}
}

/**
 * Minor units as a decimal with 2 digits, exactly (no float arithmetic): 123456 -> "1234.56", -5 -> "-0.05".
 */
export function minorToDecimal(minor: number): string {
	const abs = Math.abs(minor);
	return `${minor < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * A text cell made safe for spreadsheets: one starting with = + - @, a tab or a carriage return gets a leading
 * apostrophe, so Excel and LibreOffice read it as text, not a formula (OWASP, "CSV Injection").
 * @example neutraliseFormula('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 */
export function neutraliseFormula(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
