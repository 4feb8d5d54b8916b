import Papa from 'papaparse';
import type { MoneyFigures, ProgrammeStats, Sector } from '@mekendesh/contracts';
import { SECTORS, type ProjectStatus } from '@mekendesh/contracts';
import { formatMinor } from './money.js';

/** One oblast and sector's money summed over every month of the DashCells, KGS tyiyn (dashboard-cells.ts fields). */
export interface OblastSectorMoney {
  soate: string;
  sector: string;
  raised: number;
  matched: number;
  municipality: number;
  otherDonors: number;
  disbursed: number;
}

/** One PipelineCell: its oblast, sector and attributes `n.<status>`, `b.<status>`, `j.<status>`. */
export interface PipelineRow {
  soate: string;
  sector: string;
  figures: Record<string, number>;
}

/** The running totals the public statistics read (packages/db public-stats.ts); never a read per entry or project. */
export interface ProgrammeStatsSource {
  oblastSectorMoney(oblasts: readonly string[]): Promise<{ rows: OblastSectorMoney[]; through: string | null }>;
  pipeline(): Promise<PipelineRow[]>;
}

const zero = (): MoneyFigures => ({ received: 0, matched: 0, disbursed: 0 });
const add = (a: MoneyFigures, b: MoneyFigures): MoneyFigures => ({
  received: a.received + b.received,
  matched: a.matched + b.matched,
  disbursed: a.disbursed + b.disbursed,
});
/** Received money is every funder's: diaspora, programme matches, municipality, other donors (as a project's `available`). */
const figuresOf = (r: OblastSectorMoney): MoneyFigures => ({
  received: r.raised + r.matched + r.municipality + r.otherDonors,
  matched: r.matched,
  disbursed: r.disbursed,
});

/**
 * The states whose beneficiaries and jobs the statistics count: projects the money has reached (funded, being built,
 * done). A project still raising may never happen, so its promised beneficiaries are not the programme's yet
 * (issue 13 review 12: "Beneficiaries 387,100" included projects still raising). The page says so.
 */
export const IMPACT_STATUSES: readonly ProjectStatus[] = ['funded', 'in_progress', 'completed'];

/** Completed projects, and beneficiaries and jobs of funded, in-progress and completed projects, of one pipeline cell (missing: 0). */
function impactOf(figures: Record<string, number> | undefined) {
  const f = figures ?? {};
  const sum = (prefix: string) => IMPACT_STATUSES.reduce((s, status) => s + (f[`${prefix}.${status}`] ?? 0), 0);
  return { completed: f['n.completed'] ?? 0, beneficiaries: sum('b'), jobs: sum('j') };
}

/**
 * The programme's public statistics (issue 13): money received, matched and disbursed by oblast, by sector and by
 * both, from the DashCells of every month; projects completed, beneficiaries and jobs from the pipeline cells.
 * Every oblast and sector is listed (zeros included) so the map and tables show all of them; `cells` keeps only
 * oblast x sector pairs with something to say. KGS tyiyn.
 */
export async function programmeStatistics(
  source: ProgrammeStatsSource,
  oblasts: readonly string[],
): Promise<Omit<ProgrammeStats, 'currency'>> {
  const [{ rows, through }, pipeline] = await Promise.all([source.oblastSectorMoney(oblasts), source.pipeline()]);
  const key = (soate: string, sector: string) => `${soate}#${sector}`;
  const money = new Map(rows.map((r) => [key(r.soate, r.sector), figuresOf(r)]));
  const impact = new Map(pipeline.map((p) => [key(p.soate, p.sector), impactOf(p.figures)]));
  const cells = oblasts.flatMap((soate) =>
    SECTORS.flatMap((sector) => {
      const m = money.get(key(soate, sector)) ?? zero();
      const i = impact.get(key(soate, sector)) ?? impactOf(undefined);
      const empty = !m.received && !m.matched && !m.disbursed && !i.completed && !i.beneficiaries && !i.jobs;
      return empty ? [] : [{ soate, sector, ...m, ...i }];
    }),
  );
  const byOblast = oblasts.map((soate) => ({ soate, ...cells.filter((c) => c.soate === soate).reduce(add, zero()) }));
  const bySector = SECTORS.map((sector: Sector) => ({ sector, ...cells.filter((c) => c.sector === sector).reduce(add, zero()) }));
  const totals = byOblast.reduce(add, zero());
  const sumImpact = [...impact.values()].reduce(
    (s, i) => ({ completed: s.completed + i.completed, beneficiaries: s.beneficiaries + i.beneficiaries, jobs: s.jobs + i.jobs }),
    { completed: 0, beneficiaries: 0, jobs: 0 },
  );
  return { totals, byOblast, bySector, cells, impact: sumImpact, through };
}

/** The open-data licence: named on the statistics page and in the CSV response's Link header (rel="license"). */
export const OPEN_DATA_LICENCE = 'CC BY 4.0, Mekendesh';
/** Where the licence's text is, for the Link header and the page. */
export const OPEN_DATA_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/**
 * The open-data CSV: the header on line 1 (so Excel, pandas and R read it as the header; the licence travels in the
 * response's Link header and on the page), then one row per oblast x sector (amounts in KGS som with two decimals,
 * counts as integers; `*_usd` columns in US dollars at `usdRate`, whose date, nominal and value are the last three
 * columns, all empty without a rate). UTF-8 with a byte-order mark so Excel opens Cyrillic names right.
 * @param names the oblast name to print for a SOATE code (the caller's language; the code is its own column).
 */
export function openDataCsv(stats: Pick<ProgrammeStats, 'cells' | 'usdRate'>, names: (soate: string) => string): string {
  const som = formatMinor;
  const rate = stats.usdRate ?? null;
  // US dollars beside som (PRODUCT.md), from the cents the API computed at today's NBKR rate; empty without a rate.
  const usd = (cents: number | undefined) => (rate && cents !== undefined ? formatMinor(cents) : '');
  const rateColumns = rate ? [rate.date, rate.nominal, rate.value] : ['', '', ''];
  const rows = stats.cells.map((c) => [
    c.soate,
    names(c.soate),
    c.sector,
    som(c.received),
    som(c.matched),
    som(c.disbursed),
    usd(c.usd?.received),
    usd(c.usd?.matched),
    usd(c.usd?.disbursed),
    c.completed,
    c.beneficiaries,
    c.jobs,
    ...rateColumns,
  ]);
  const header = [
    'oblast_soate',
    'oblast',
    'sector',
    'received_kgs',
    'matched_kgs',
    'disbursed_kgs',
    'received_usd',
    'matched_usd',
    'disbursed_usd',
    'projects_completed',
    'beneficiaries',
    'jobs',
    'usd_rate_date',
    'usd_rate_nominal',
    'usd_rate_kgs',
  ];
  return `\ufeff${Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' })}\r\n`;
}
