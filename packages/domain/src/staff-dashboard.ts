/**
 * The staff dashboard (issue 13): money figures from the dashboard cells (never pledges or entries), the pipeline
 * from the pipeline cells, the review queue, pledges awaiting payment and the programmes, each a bounded read.
 */
import {
  DASHBOARD_BREAKDOWNS,
  DASHBOARD_FIGURES,
  monthsInclusive,
  PROJECT_STATUSES,
  PUBLIC_STATUSES,
  type Dashboard,
  type DashboardBreakdown,
  type DashboardFigures,
  type DashboardQuery,
  type DashboardRow,
  type Money,
  type PledgeChannel,
  type ProjectStatus,
  type StoredRate,
} from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { bishkekDay, bishkekToday, daysBetween } from './bishkek-calendar.js';
import { invalidIn } from './errors.js';
import { rateOn } from './money-deps.js';
import type { RateStore } from './money-ports.js';
import { authorize } from './policy.js';
import type { ProjectStore, QueuedProject } from './project-ports.js';
import type { TerritoryLookup } from './territory-rules.js';
import { usdCents } from './usd.js';
import { byCodeUnit } from './text-order.js';

/** One month of one dashboard scope, summed over its shards: attribute (`t.raised`, `c.RU.pledged`, ...) -> tyiyn. */
export interface DashMonth {
  month: string;
  sums: Record<string, number>;
}

/** One pipeline cell: its oblast, sector and `n.<status>`/`b.<status>`/`j.<status>` numbers. */
export interface PipelineCellRow {
  oblastSoate: string;
  sector: string;
  figures: Record<string, number>;
}

/** A transfer pledge awaiting payment, as the dashboard lists it. */
export interface AwaitingPledge {
  id: string;
  paymentReference: string;
  projectId: string;
  projectTitle: Dashboard['awaitingPayment']['items'][number]['projectTitle'];
  oblastSoate: string;
  sector: string | null;
  amount: Money;
  amountKgs: number;
  receivedKgs: number;
  channel: PledgeChannel;
  createdAt: string;
}

/** What the dashboard reads (packages/db dashboard-store.ts). */
export interface DashboardSource {
  /** The months `from`..`to` of the scope the filters pick, each summed over shards. */
  months(input: { oblast: string | null; sector: string | null; from: string; to: string }): Promise<DashMonth[]>;
  pipeline(): Promise<PipelineCellRow[]>;
  /** Oldest first, at most `limit`, of one oblast or all (then merged from each oblast's oldest `limit`). */
  awaitingPayment(input: { oblasts: readonly string[]; sector: string | null; limit: number }): Promise<AwaitingPledge[]>;
  /** Every programme with its running `reserved` and `used` (0 when none yet). */
  programmes(): Promise<{ id: string; name: Dashboard['programmes'][number]['name']; budget: number; reserved: number; used: number }[]>;
}

export interface DashboardDeps {
  source: DashboardSource;
  projects: Pick<ProjectStore, 'listOldestInStatus'>;
  rates: RateStore;
  territories: TerritoryLookup;
  clock: { now(): Date };
  /** Every oblast-level SOATE (the nine). */
  oblasts: readonly string[];
}

/** Pledges awaiting payment the dashboard lists: the oldest this many. */
export const AWAITING_PAYMENT_LIMIT = 50;
/** Projects of each review state the queue lists, oldest first. */
const REVIEW_QUEUE_LIMIT = 100;
const REVIEW_STATES: readonly ProjectStatus[] = ['submitted', 'in_review'];

/** The ledger field each figure sums (dashboard-cells.ts DASH_FIELDS): `received` is `raised`. */
const FIELD_OF: Readonly<Record<keyof DashboardFigures, string>> = {
  pledged: 'pledged',
  received: 'raised',
  matched: 'matched',
  municipality: 'municipality',
  otherDonors: 'otherDonors',
  disbursed: 'disbursed',
  refunded: 'refunded',
};

const zero = (): DashboardFigures => Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, 0])) as DashboardFigures;

/** The YYYY-MM month `n` months before `month` (n may be negative). */
export function shiftMonth(month: string, n: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - n;
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const FROM_AFTER_TO = { ky: '`from` `to`дан кийин болбошу керек', ru: '`from` не может быть позже `to`', en: 'must not be after to' };
const PERIOD_TOO_LONG = { ky: 'эң көп 60 ай', ru: 'не больше 60 месяцев', en: 'at most 60 months' };
const NOT_OBLAST = {
  ky: 'облустун СОАТЭ коду болушу керек',
  ru: 'должен быть кодом СОАТЭ области',
  en: 'must be an oblast-level SOATE code',
};

/**
 * The period a query reads: `to` defaults to this Bishkek month, `from` to 11 months before `to` (12 months);
 * 400 on `query.from` when it is after `to` or the period is longer than 60 months.
 * @example dashboardPeriod({}, '2026-11-30') // { from: '2025-12', to: '2026-11' }
 */
export function dashboardPeriod(q: Pick<DashboardQuery, 'from' | 'to'>, today: string): { from: string; to: string } {
  const to = q.to ?? today.slice(0, 7);
  const from = q.from ?? shiftMonth(to, 11);
  const n = monthsInclusive(from, to);
  // Named as the schema's own errors name query fields (query.<name>), so a client reads one form.
  if (n < 1) throw invalidIn('query.from', FROM_AFTER_TO);
  if (n > 60) throw invalidIn('query.from', PERIOD_TOO_LONG);
  return { from, to };
}

/**
 * Adds one cell month's sums into totals and breakdowns: `t.<field>` into the totals, `<dim>.<value>.<field>`
 * into the breakdown of that dimension, and the month's `t.*` into the month breakdown.
 */
export function sumDashMonths(months: readonly DashMonth[]): {
  totals: DashboardFigures;
  by: Record<DashboardBreakdown, Map<string, DashboardFigures>>;
} {
  const totals = zero();
  const by = Object.fromEntries(DASHBOARD_BREAKDOWNS.map((b) => [b, new Map<string, DashboardFigures>()])) as Record<
    DashboardBreakdown,
    Map<string, DashboardFigures>
  >;
  const dims: Record<string, DashboardBreakdown> = { o: 'oblast', s: 'sector', c: 'country', k: 'currency' };
  const figureOf = new Map(Object.entries(FIELD_OF).map(([figure, field]) => [field, figure as keyof DashboardFigures]));
  for (const { month, sums } of months) {
    for (const [name, value] of Object.entries(sums)) {
      const parts = name.split('.');
      const figure = figureOf.get(parts[parts.length - 1]!);
      if (!figure) continue;
      if (parts.length === 2 && parts[0] === 't') {
        totals[figure] += value;
        const row = by.month.get(month) ?? zero();
        row[figure] += value;
        by.month.set(month, row);
      } else if (parts.length === 3 && dims[parts[0]!]) {
        const map = by[dims[parts[0]!]!];
        const row = map.get(parts[1]!) ?? zero();
        row[figure] += value;
        map.set(parts[1]!, row);
      }
    }
  }
  return { totals, by };
}

function row(key: string, kgs: DashboardFigures, rate: StoredRate | null): DashboardRow {
  const usd = rate ? (Object.fromEntries(DASHBOARD_FIGURES.map((f) => [f, usdCents(kgs[f], rate)])) as DashboardFigures) : null;
  return { key, kgs, usd };
}

/** Today's USD rate (the newest NBKR table up to today, at most a week old), or null: the page then shows KGS only. */
async function usdRate(rates: RateStore, day: string): Promise<StoredRate | null> {
  try {
    return await rateOn(rates, 'USD', day);
  } catch {
    return null;
  }
}

/** Per project state: projects, beneficiaries and jobs, over the pipeline cells the filters keep. */
export function pipelineByStatus(cells: readonly PipelineCellRow[], oblast: string | null, sector: string | null): Dashboard['pipeline'] {
  const kept = cells.filter((c) => (!oblast || c.oblastSoate === oblast) && (!sector || c.sector === sector));
  return PROJECT_STATUSES.map((status) => {
    const sum = (k: string) => kept.reduce((s, c) => s + (c.figures[`${k}.${status}`] ?? 0), 0);
    return { status, projects: sum('n'), beneficiaries: sum('b'), jobs: sum('j') };
  });
}

/** Public projects per oblast over the pipeline cells of the sector filter (the map shades by money, names counts). */
export function publicByOblast(cells: readonly PipelineCellRow[], sector: string | null): Dashboard['publicProjectsByOblast'] {
  const by = new Map<string, number>();
  for (const c of cells) {
    if (sector && c.sector !== sector) continue;
    const n = PUBLIC_STATUSES.reduce((sum, s) => sum + (c.figures[`n.${s}`] ?? 0), 0);
    by.set(c.oblastSoate, (by.get(c.oblastSoate) ?? 0) + n);
  }
  return [...by].filter(([, n]) => n > 0).map(([oblastSoate, projects]) => ({ oblastSoate, projects }));
}

/**
 * One row of the review queue: `submittedAt` is when the project was submitted or, for one stored without it (older
 * data, demo data before it was seeded), when it last changed state; `waitingDays` are Bishkek days since then (>= 0).
 * @example reviewQueueRow({ ...p, submittedAt: null, statusChangedAt: '2026-11-19T10:00:00.000Z' }, '2026-11-30').waitingDays // 11
 */
export function reviewQueueRow(p: QueuedProject, today: string): Dashboard['reviewQueue'][number] {
  const since = p.submittedAt ?? p.statusChangedAt ?? p.publishedAt ?? null;
  return {
    id: p.id,
    title: p.title,
    status: p.status,
    oblastSoate: p.oblastSoate,
    sector: p.sector,
    submittedAt: since,
    waitingDays: since ? Math.max(0, daysBetween(bishkekDay(since), today)) : 0,
  };
}

async function reviewQueue(
  deps: DashboardDeps,
  oblast: string | null,
  sector: string | null,
  today: string,
): Promise<Dashboard['reviewQueue']> {
  const pages = await Promise.all(REVIEW_STATES.map((status) => deps.projects.listOldestInStatus({ status, limit: REVIEW_QUEUE_LIMIT })));
  return pages
    .flatMap((p) => p.items)
    .filter((p) => (!oblast || p.oblastSoate === oblast) && (!sector || p.sector === sector))
    .map((p) => reviewQueueRow(p, today))
    .sort((a, b) => b.waitingDays - a.waitingDays || byCodeUnit(a.submittedAt ?? '', b.submittedAt ?? ''));
}

/**
 * The staff dashboard for a period and optional oblast/sector: 403 for anyone but staff, 400 naming `query.from` or
 * `query.oblast` for a bad filter. Every read is by key: one Query of the filters' cell scope, the pipeline partition,
 * the two review queues, the awaiting-payment index (one Query per oblast), the programme list.
 */
export async function staffDashboard(deps: DashboardDeps, actor: Actor, q: DashboardQuery): Promise<Dashboard> {
  authorize(actor, { action: 'money:manage' });
  if (q.oblast && !deps.territories.isOblast(q.oblast)) throw invalidIn('query.oblast', NOT_OBLAST);
  const today = bishkekToday(deps.clock);
  const { from, to } = dashboardPeriod(q, today);
  const oblast = q.oblast ?? null;
  const sector = q.sector ?? null;
  const [months, cells, queue, awaiting, programmes, rate] = await Promise.all([
    deps.source.months({ oblast, sector, from, to }),
    deps.source.pipeline(),
    reviewQueue(deps, oblast, sector, today),
    deps.source.awaitingPayment({ oblasts: oblast ? [oblast] : deps.oblasts, sector, limit: AWAITING_PAYMENT_LIMIT }),
    deps.source.programmes(),
    usdRate(deps.rates, today),
  ]);
  const { totals, by } = sumDashMonths(months);
  // A dimension the filter fixes has no breakdown in its scope's cells: its one row is the totals.
  if (oblast) by.oblast.set(oblast, totals);
  if (sector) by.sector.set(sector, totals);
  const rows = (b: DashboardBreakdown) =>
    [...by[b]]
      .sort(([ka, a], [kb, bb]) =>
        b === 'month' ? byCodeUnit(ka, kb) : bb.received - a.received || bb.pledged - a.pledged || byCodeUnit(ka, kb),
      )
      .map(([key, kgs]) => row(key, kgs, rate));
  return {
    currency: 'KGS',
    from,
    to,
    oblast,
    sector: q.sector ?? null,
    usdRate: rate ? { value: rate.value, nominal: rate.nominal, date: rate.date } : null,
    totals: row('total', totals, rate),
    breakdowns: Object.fromEntries(DASHBOARD_BREAKDOWNS.map((b) => [b, rows(b)])) as Dashboard['breakdowns'],
    pipeline: pipelineByStatus(cells, oblast, sector),
    publicProjectsByOblast: publicByOblast(cells, sector),
    reviewQueue: queue,
    awaitingPayment: {
      limit: AWAITING_PAYMENT_LIMIT,
      items: awaiting.map((p) => ({
        pledgeId: p.id,
        reference: p.paymentReference,
        projectId: p.projectId,
        projectTitle: p.projectTitle,
        oblastSoate: p.oblastSoate,
        amount: p.amount,
        amountKgs: p.amountKgs,
        receivedKgs: p.receivedKgs,
        channel: p.channel,
        createdAt: p.createdAt,
        ageDays: Math.max(0, daysBetween(bishkekDay(p.createdAt), today)),
      })),
    },
    programmes: programmes.map((p) => ({ ...p, reservedNotSpent: p.reserved - p.used, left: p.budget - p.reserved })),
  };
}
