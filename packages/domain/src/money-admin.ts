import type {
  AuditEntry,
  ManualRatesRequest,
  Programme,
  ProgrammeRequest,
  ProjectFunding,
  RateTableList,
  RateTablesQuery,
} from '@mekendesh/contracts';
import type { AuditLog } from './account-ports.js';
import type { Actor } from './actor.js';
import {
  DEFAULT_MATCHED_PLEDGE_TYPES,
  eligibleProgrammes,
  matchedPledgeTypes,
  oneSomByPledgeType,
  validateProgramme,
} from './cofinancing.js';
import { DomainError, notFound } from './errors.js';
import { exchangeRate, type ExchangeRate } from './exchange-rates.js';
import { isPublic } from './lifecycle.js';
import { forgetCachedRates, MAX_RATE_AGE_DAYS, today, type MoneyDeps } from './money-deps.js';
import { parseNbkrRates, rateTableFromNbkr } from './nbkr.js';
import { checkLargeChanges, checkRateDay, checkRateValues, RATE_TABLES_BACK, withInForce } from './rate-corrections.js';
import { authorize } from './policy.js';
import { checkOblastList, type TerritoryLookup } from './territory-rules.js';

/** Programmes are few (a handful a year): every list reads at most this many. */
export const MAX_PROGRAMMES = 50;

/**
 * Staff define a co-financing programme; the rules (cap within budget, period order, at least one pledge
 * type, oblast-level codes only: checkOblastList) are checked first (400 naming the field; 403 for anyone but staff). Amounts are KGS tyiyn. The
 * matched pledge types are stored explicitly, donations only when the request leaves them out.
 */
export async function createProgramme(
  deps: MoneyDeps & { territories: TerritoryLookup },
  actor: Actor,
  request: ProgrammeRequest,
): Promise<Programme> {
  authorize(actor, { action: 'money:manage' });
  checkOblastList(deps.territories, request.oblastSoates);
  const programme: Programme = {
    ...request,
    pledgeTypes: request.pledgeTypes ?? [...DEFAULT_MATCHED_PLEDGE_TYPES],
    id: deps.newId(),
    reserved: 0,
    createdAt: deps.clock.now().toISOString(),
  };
  const errors = validateProgramme(programme);
  if (errors.length) throw new DomainError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  await deps.programmes.create(programme, {
    id: deps.newId(),
    at: programme.createdAt,
    actorId: actor.id,
    actorRoles: [...actor.roles],
    action: 'programme.create',
    objectType: 'programme',
    objectId: programme.id,
    reason: null,
    before: null,
    // amountKgs: the budget, as every money event's amount, so the log renders it in som.
    after: { name: programme.name, amountKgs: programme.budget, capPerProject: programme.capPerProject },
  });
  return programme;
}

/** Every programme, public: they say what money multiplies. */
export function listProgrammes(deps: MoneyDeps): Promise<Programme[]> {
  return deps.programmes.list(MAX_PROGRAMMES);
}

/**
 * Staff read the stored rate tables (GET /v1/rates): one page newest day first, each marked `inForce` when it is
 * its day's last table in sort-key order (nbkr < demo < manual: the one pickRateForDay uses), and today's tables
 * (Bishkek day). A day split across pages is settled by reading that day's few tables (one small Query). 403 for others.
 */
export async function listRateTables(
  deps: MoneyDeps & { people?: Pick<AuditLog, 'actors'> },
  actor: Actor,
  q: RateTablesQuery,
): Promise<RateTableList> {
  authorize(actor, { action: 'money:manage' });
  const day = today(deps.clock);
  const [page, todayTables] = await Promise.all([
    deps.rates.listTables({ limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) }),
    deps.rates.tablesOn(day),
  ]);
  // Newest first, so the first table of each day on the page is in force, except the page's first day when an
  // earlier page may hold a later-sorting table of it.
  const first = page.items[0];
  const continued = first && q.cursor ? (await deps.rates.tablesOn(first.date)).at(-1)?.source : undefined;
  const seen = new Set<string>();
  const items = page.items.map((table, i) => {
    const inForce = !seen.has(table.date) && (i > 0 || continued === undefined || continued === table.source);
    seen.add(table.date);
    return { ...table, inForce };
  });
  // Who entered the manual tables, by name (one BatchGet bounded by the page), as the audit log names its actors.
  const ids = [...new Set([...items, ...todayTables].flatMap((t) => (t.enteredBy ? [t.enteredBy] : [])))];
  const actors = ids.length && deps.people ? await deps.people.actors(ids) : [];
  return { today: day, todayTables, items, nextCursor: page.nextCursor, actors };
}

/**
 * Staff enter a day's rates by hand; they win over fetched rates of the same day. The day is FIRST_RECEIPT_DAY..today
 * (Bishkek) and each value at most MAX_RATE_KGS per nominal (400 naming `date` / `rates.<i>.value`); a change of more
 * than half of the rate in force that day is a 409 naming `rates.<i>.value` unless `confirmLargeChange` (rate-corrections.ts).
 */
export async function putManualRates(deps: MoneyDeps, actor: Actor, input: { date: string; request: ManualRatesRequest }) {
  authorize(actor, { action: 'money:manage' });
  checkRateDay(input.date, deps.clock);
  checkRateValues(input.request.rates);
  const rates: Record<string, ExchangeRate> = {};
  input.request.rates.forEach((r, i) => {
    try {
      rates[r.currency] = exchangeRate(r);
    } catch (e) {
      throw new DomainError('validation', (e as Error).message, [{ field: `rates.${i}.value`, message: (e as Error).message }]);
    }
  });
  // The table in force before: a day's tables come fetched, demo, manual (manual wins), so the last one.
  const [dayTables, inForce] = await Promise.all([deps.rates.tablesOn(input.date), deps.rates.tablesUpTo(input.date, RATE_TABLES_BACK)]);
  const before = dayTables.at(-1) ?? null;
  checkLargeChanges({ rates: input.request.rates, tables: inForce, confirmed: input.request.confirmLargeChange === true });
  const at = deps.clock.now().toISOString();
  const reason = input.request.reason;
  // A currency left blank keeps its rate in force that day: the manual table replaces the day's fetched one.
  const merged = withInForce({ day: input.date, corrected: rates, tables: inForce, maxAgeDays: MAX_RATE_AGE_DAYS });
  const table = { date: input.date, source: 'manual' as const, rates: merged, reason, enteredBy: actor.id };
  const values = (t: { rates: Readonly<Record<string, { value: string; nominal: number }>> } | null) =>
    t ? Object.fromEntries(Object.entries(t.rates).map(([c, r]) => [c, `${r.value}/${r.nominal}`])) : null;
  const audit: AuditEntry = {
    id: deps.newId(),
    at,
    actorId: actor.id,
    actorRoles: [...actor.roles],
    action: 'rates.correct',
    objectType: 'rates',
    objectId: input.date,
    reason,
    before: before ? { source: before.source, rates: values(before) } : null,
    after: { rates: values(table) },
  };
  await deps.rates.putManual({ table, audit });
  forgetCachedRates(deps.rates);
  return table;
}

/**
 * Stores an NBKR feed (daily or weekly XML bytes). A malformed feed throws NbkrFeedError before anything
 * is written, so the rates already stored stay as they were.
 */
export async function loadNbkrFeed(deps: Pick<MoneyDeps, 'rates'>, bytes: Uint8Array): Promise<{ date: string; currencies: number }> {
  const table = rateTableFromNbkr(parseNbkrRates(bytes));
  await deps.rates.put({ date: table.date, source: 'nbkr', rates: { ...table.rates } });
  forgetCachedRates(deps.rates);
  return { date: table.date, currencies: Object.keys(table.rates).length };
}

/**
 * A public project's money from its running totals (KGS tyiyn), the programmes that co-finance it today
 * (Bishkek day) with the pledge types each matches, and what one som becomes for each pledge type the
 * project takes: only programmes with budget and cap left count, and each only for its own types
 * (PRODUCT.md, "Co-financing programme"). Reads the project, its totals, the few programmes (one index
 * partition) and one cap item per eligible programme: no scan. 404 when the project is not public.
 * @example await projectFunding(deps, 'prj-001')
 * // under a 1:1 programme for donations only, a project taking donations and loans:
 * // { ..., oneSom: { diaspora: 100, matched: 100, total: 200, multiplier: '2' },
 * //   oneSomByType: [{ type: 'donation', total: 200, ... }, { type: 'loan', matched: 0, total: 100, multiplier: '1', ... }],
 * //   programmes: [{ id, name, ratio: { numerator: 1, denominator: 1 }, pledgeTypes: ['donation'], capLeft, budgetLeft, ... }] }
 */
export async function projectFunding(deps: MoneyDeps, projectId: string): Promise<ProjectFunding> {
  const project = await deps.projects.get(projectId);
  if (!project || !isPublic(project.status)) throw notFound('project');
  const totals = await deps.money.projectTotals(projectId);
  const day = today(deps.clock);
  const eligible = eligibleProgrammes({ programmes: await deps.programmes.list(MAX_PROGRAMMES), project, day, pledgeType: 'any' });
  const used = await deps.programmes.matchedForProject(
    eligible.map((p) => p.id),
    projectId,
  );
  const capLeft = (p: Programme) => Math.max(0, Math.min(p.capPerProject - (used.get(p.id) ?? 0), p.budget - p.reserved));
  const open = eligible.filter((p) => capLeft(p) > 0);
  const oneSom = (row: { diaspora: number; matched: number; total: number; multiplier: string }) => ({
    diaspora: row.diaspora,
    matched: row.matched,
    total: row.total,
    multiplier: row.multiplier,
  });
  const [donation] = oneSomByPledgeType({ programmes: open, types: ['donation'] });
  const moneyTypes = project.pledgeTypes.filter((t) => t !== 'in_kind');
  return {
    projectId,
    currency: 'KGS',
    goal: project.goal,
    pledged: totals?.pledged ?? 0,
    raised: totals?.raised ?? 0,
    matched: totals?.matched ?? 0,
    supporters: totals?.supporters ?? 0,
    oneSom: oneSom(donation!),
    oneSomByType: oneSomByPledgeType({ programmes: open, types: moneyTypes }).map((row) => ({ type: row.type, ...oneSom(row) })),
    programmes: eligible.map((p) => ({
      id: p.id,
      name: p.name,
      ratio: p.ratio,
      pledgeTypes: [...matchedPledgeTypes(p)],
      matchedForProject: used.get(p.id) ?? 0,
      capLeft: capLeft(p),
      budgetLeft: Math.max(0, p.budget - p.reserved),
      startDate: p.startDate,
      endDate: p.endDate,
    })),
  };
}
