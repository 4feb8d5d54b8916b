/**
 * Browse and search on the index items of project-index.ts. Each request reads one partition through its
 * key (Limit = the page size when the partition answers the query exactly; otherwise at most
 * MAX_INDEX_READS index items, filtering the rest of the query), then one BatchGet of the page's summaries.
 * Cost depends on the page size and the filter's selectivity, never on the number of projects.
 */
import type { DiscoveredProject, DiscoveryQuery, Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
import { openCursor, signCursor, type CursorScope } from './dynamo/cursor.js';
import { positionNames, queryOnce as sendQuery } from './dynamo/paged-query.js';
import {
  facetPartitions as facetKeys,
  pick,
  projectEntity,
  searchPartition,
  SUMMARY_FIELDS,
  wordOfSearchItem,
} from './entities/catalogue.js';
import { byCodeUnit } from '@mekendesh/domain/text-order';

/** Index items read per request at most, when a filter has no partition of its own. */
export const MAX_INDEX_READS = 300;

type Item = Record<string, unknown>;

interface Plan {
  pk: string;
  index?: 'gsi3' | 'gsi4';
  /** The partition attribute name of what is read (table or index). */
  pkName: string;
  forward: boolean;
  /** Extra key condition: prefix of the sort key (search). */
  skPrefix?: string;
  filters: string[];
  values: Record<string, unknown>;
  /** A check the store cannot express (search: one item per project per query). */
  keep?: (item: Item) => boolean;
}

function residual(plan: Plan, attr: string, op: 'eq' | 'has', value: string | undefined) {
  if (value === undefined) return;
  const n = `:${attr}${plan.filters.length}`;
  plan.values[n] = value;
  plan.filters.push(op === 'eq' ? `${attr} = ${n}` : `contains(${attr}, ${n})`);
}

function browsePlan(q: DiscoveryQuery): Plan {
  const s = q.status;
  // The most selective partition the facet index has for this combination; the rest is filtered.
  const pk = q.rayon
    ? facetKeys.rayon(s, q.rayon)
    : q.oblast && q.sector
      ? facetKeys.oblastSector(s, q.oblast, q.sector)
      : q.oblast
        ? facetKeys.oblast(s, q.oblast)
        : q.sector
          ? facetKeys.sector(s, q.sector)
          : facetKeys.all(s);
  const bySort = {
    newest: { pkName: 'pk', forward: false },
    closing_soon: { index: 'gsi3' as const, pkName: 'gsi3pk', forward: true },
    percent_funded: { index: 'gsi4' as const, pkName: 'gsi4pk', forward: false },
  }[q.sort];
  const plan: Plan = { pk, ...bySort, filters: [], values: {} };
  if (q.rayon) residual(plan, 'se', 'eq', q.sector);
  residual(plan, 'ki', 'eq', q.kind);
  residual(plan, 'pt', 'has', q.pledgeType);
  return plan;
}

function searchPlan(q: DiscoveryQuery, words: string[]): Plan {
  const [first, ...others] = words as [string, ...string[]];
  const plan: Plan = { pk: searchPartition(first), pkName: 'pk', forward: true, skPrefix: first, filters: [], values: {} };
  residual(plan, 'st', 'eq', q.status);
  residual(plan, 'ob', 'eq', q.oblast);
  residual(plan, 'ry', 'eq', q.rayon);
  residual(plan, 'se', 'eq', q.sector);
  residual(plan, 'ki', 'eq', q.kind);
  residual(plan, 'pt', 'has', q.pledgeType);
  for (const w of others) residual(plan, 'tk', 'has', ` ${w}`);
  // A project has one item per title word; keep only the item of its smallest word matching the prefix.
  plan.keep = (item) => {
    const word = wordOfSearchItem(String(item.sk));
    const matching = String(item.tk)
      .trim()
      .split(' ')
      .filter((t) => t.startsWith(first))
      .sort();
    return matching[0] === word;
  };
  return plan;
}

function cursorScope(q: DiscoveryQuery, plan: Plan): CursorScope {
  const { cursor: _c, limit: _l, ...rest } = q;
  const fingerprint = JSON.stringify(Object.entries(rest).sort(([a], [b]) => byCodeUnit(a, b)));
  return {
    fingerprint,
    keyNames: positionNames(plan.index),
    pinned: { [plan.pkName]: plan.pk },
    ...(plan.skPrefix ? { sortPrefix: { name: 'sk', prefix: plan.skPrefix } } : {}),
  };
}

function queryOnce(db: Db, plan: Plan, limit: number, start: Item | undefined) {
  return sendQuery(
    db,
    {
      ...(plan.index ? { index: plan.index } : {}),
      partition: plan.pk,
      ...(plan.skPrefix ? { skPrefix: plan.skPrefix } : {}),
      forward: plan.forward,
      ...(plan.filters.length ? { filter: { expression: plan.filters.join(' AND '), values: plan.values } } : {}),
    },
    limit,
    start,
  );
}

/** Reads index items until the page is full, the partition ends or the read budget is spent. */
async function readIndex(db: Db, plan: Plan, limit: number, start: Item | undefined) {
  const exact = plan.filters.length === 0 && !plan.keep;
  const page: Item[] = [];
  let budget = exact ? limit : MAX_INDEX_READS;
  for (;;) {
    // Exact partitions read precisely a page; filtered ones read in chunks so that a loose filter stops early.
    const ask = exact ? limit : Math.min(budget, Math.max(limit * 3, 50));
    const out = await queryOnce(db, plan, ask, start);
    budget -= out.ScannedCount ?? ask;
    const got = (out.Items ?? []).filter((i) => !plan.keep || plan.keep(i));
    for (const [n, item] of got.entries()) {
      page.push(item);
      if (page.length === limit) {
        const more = n < got.length - 1 || out.LastEvaluatedKey !== undefined;
        return { items: page, next: more ? item : undefined };
      }
    }
    if (!out.LastEvaluatedKey || budget <= 0) return { items: page, next: out.LastEvaluatedKey };
    start = out.LastEvaluatedKey;
  }
}

/** What a card needs of a project: its summary and the pledge types it takes (co-financing follows them). */
const DISCOVERED_FIELDS = [...SUMMARY_FIELDS, 'pledgeTypes'] as const;

/** Summaries of the given projects with their pledge types, in the given order, with one BatchGet (at most 50 ids: the page limit). */
export async function summariesOf(db: Db, ids: string[]): Promise<DiscoveredProject[]> {
  const items = await batchGet(
    db,
    ids.map((id) => projectEntity.key({ id })),
    { fields: DISCOVERED_FIELDS },
  );
  return items.map((i) => {
    const project = pick<DiscoveredProject>(i, DISCOVERED_FIELDS);
    return { ...project, pledgeTypes: project.pledgeTypes ?? [] };
  });
}

/** One page of a browse or search; see the module comment for the bound. */
export async function queryDiscovery(db: Db, q: DiscoveryQuery): Promise<Page<DiscoveredProject>> {
  const plan = q.words?.length ? searchPlan(q, q.words) : browsePlan(q);
  const scope = cursorScope(q, plan);
  const start = openCursor(db.cursorSecret, scope, q.cursor);
  const { items, next } = await readIndex(db, plan, q.limit, start);
  return {
    items: await summariesOf(
      db,
      items.map((i) => String(i.id)),
    ),
    nextCursor: signCursor(db.cursorSecret, scope, next),
  };
}
