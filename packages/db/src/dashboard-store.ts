/**
 * The staff dashboard's reads (issue 13), each bounded by keys whatever the ledger's size: the cells of one scope
 * and period (one Query), the pipeline partition (one Query, at most 9 x 11 items), transfer pledges awaiting payment
 * (pledge gsi4, one Query per oblast) and the programmes (one index partition). Exported for the statistics page too.
 */
import type { AwaitingPledge, DashboardSource, DashMonth, PipelineCellRow } from '@mekendesh/domain/staff-dashboard';
import type { Db } from './client.js';
import { queryAll, queryOnce } from './dynamo/paged-query.js';
import { dashScopePartition, pipelinePartition } from './entities/stats.js';
import { awaitingPaymentPartition, programmesPartition } from './entities/money.js';
import { byCodeUnit } from '@mekendesh/domain/text-order';

type Item = Record<string, unknown>;

/**
 * The cell scope a filter reads (dashboard-cells.ts dashScopes): `all`, `o:<oblast>`, `s:<sector>` or
 * `os:<oblast>:<sector>`.
 */
export function dashScopeOf(filter: { oblast: string | null; sector: string | null }): string {
  if (filter.oblast && filter.sector) return `os:${filter.oblast}:${filter.sector}`;
  if (filter.oblast) return `o:${filter.oblast}`;
  if (filter.sector) return `s:${filter.sector}`;
  return 'all';
}

/**
 * The months `from`..`to` (YYYY-MM, inclusive) of one scope, each summed over its shards, oldest first: one Query
 * of the scope's partition (dashScopePartition) with the sort key between `<from>#` and `<to>#~` (at most months x 8 items).
 * @example await readDashCells(db, 'o:41704000000000', '2026-01', '2026-12') // [{ month: '2026-03', sums: { 't.raised': 500000, ... } }]
 */
export async function readDashCells(db: Db, scope: string, from: string, to: string): Promise<DashMonth[]> {
  const byMonth = new Map<string, Record<string, number>>();
  for await (const item of queryAll(db, {
    partition: dashScopePartition(scope),
    skBetween: { from: `${from}#`, to: `${to}#~` },
    forward: true,
  })) {
    const month = String(item.sk).split('#')[0]!;
    const sums = byMonth.get(month) ?? {};
    for (const [name, value] of Object.entries(item))
      if (typeof value === 'number' && name.includes('.')) sums[name] = (sums[name] ?? 0) + value;
    byMonth.set(month, sums);
  }
  return [...byMonth].map(([month, sums]) => ({ month, sums }));
}

/** Every pipeline cell (one Query of STATS#pipeline): oblast, sector and its `n.`/`b.`/`j.<status>` numbers. */
export async function readPipeline(db: Db): Promise<PipelineCellRow[]> {
  const out = await queryOnce(db, { partition: pipelinePartition(), forward: true }, 200);
  return (out.Items ?? []).map((item) => {
    const [oblastSoate, sector] = String(item.sk).split('#') as [string, string];
    const figures: Record<string, number> = {};
    for (const [name, value] of Object.entries(item)) if (typeof value === 'number' && /^[nbj]\./.test(name)) figures[name] = value;
    return { oblastSoate, sector, figures };
  });
}

/** Pages of one oblast's awaiting list read at most, to find `limit` pledges of a sector among older ones of others. */
const MAX_FILTERED_PAGES = 4;

async function awaitingInOblast(db: Db, oblast: string, sector: string | null, limit: number): Promise<AwaitingPledge[]> {
  const out: AwaitingPledge[] = [];
  let start: Item | undefined;
  for (let page = 0; page < (sector ? MAX_FILTERED_PAGES : 1) && out.length < limit; page++) {
    const res = await queryOnce(
      db,
      {
        index: 'gsi4',
        partition: awaitingPaymentPartition(oblast),
        forward: true,
        ...(sector ? { filter: { expression: 'sector = :sector', values: { ':sector': sector } } } : {}),
      },
      limit,
      start,
    );
    out.push(...(res.Items ?? []).map(awaitingPledge));
    start = res.LastEvaluatedKey;
    if (!start) break;
  }
  return out.slice(0, limit);
}

function awaitingPledge(i: Item): AwaitingPledge {
  return {
    id: String(i.id),
    paymentReference: String(i.paymentReference),
    projectId: String(i.projectId),
    projectTitle: i.projectTitle as AwaitingPledge['projectTitle'],
    oblastSoate: String(i.oblastSoate),
    sector: typeof i.sector === 'string' ? i.sector : null,
    amount: i.amount as AwaitingPledge['amount'],
    amountKgs: Number(i.amountKgs ?? 0),
    receivedKgs: Number(i.receivedKgs ?? 0),
    channel: i.channel as AwaitingPledge['channel'],
    createdAt: String(i.createdAt),
  };
}

/**
 * Transfer pledges awaiting payment, oldest first, at most `limit`: one Query per oblast of its gsi4 list (oldest
 * `limit` each), merged. With a sector, the booking's `sector` attribute filters (a few pages at most per oblast).
 */
export async function readAwaitingPayment(
  db: Db,
  input: { oblasts: readonly string[]; sector: string | null; limit: number },
): Promise<AwaitingPledge[]> {
  const lists = await Promise.all(input.oblasts.map((o) => awaitingInOblast(db, o, input.sector, input.limit)));
  return lists
    .flat()
    .sort((a, b) => byCodeUnit(a.createdAt, b.createdAt) || byCodeUnit(a.id, b.id))
    .slice(0, input.limit);
}

/** Programmes are few (programme-store.ts): the dashboard lists at most this many. */
const MAX_PROGRAMMES = 50;

/** The DashboardSource over the table. */
export class DynamoDashboardSource implements DashboardSource {
  constructor(private readonly db: Db) {}

  months(input: { oblast: string | null; sector: string | null; from: string; to: string }): Promise<DashMonth[]> {
    return readDashCells(this.db, dashScopeOf(input), input.from, input.to);
  }

  pipeline(): Promise<PipelineCellRow[]> {
    return readPipeline(this.db);
  }

  awaitingPayment(input: { oblasts: readonly string[]; sector: string | null; limit: number }): Promise<AwaitingPledge[]> {
    return readAwaitingPayment(this.db, input);
  }

  /** Budget, running `reserved` and `used` (Part B ADDs each disbursement's programme share; absent reads 0). */
  async programmes() {
    const out = await queryOnce(this.db, { index: 'gsi1', partition: programmesPartition(), forward: false }, MAX_PROGRAMMES);
    return (out.Items ?? []).map((i) => ({
      id: String(i.id),
      name: i.name as { ky: string; ru: string; en: string },
      budget: Number(i.budget ?? 0),
      reserved: Number(i.reserved ?? 0),
      used: Number(i.used ?? 0),
    }));
  }
}
