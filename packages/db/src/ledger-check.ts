import { BatchWriteCommand, ScanCommand, UpdateCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { PUBLIC_STATUSES, type Project, type ProjectStatus } from '@mekendesh/contracts';
import { availableDelta, TOTAL_FIELDS, ZERO_DELTAS, type LedgerDeltas, type LedgerEntry } from '@mekendesh/domain/money-ports';
import type { Db } from './client.js';
import { oblastStatsEntity, projectEntity } from './entities/catalogue.js';
import { clubPledgeEntity } from './entities/clubs.js';
import { ledgerEntryEntity, platformTotalsEntity, pledgeEntity, programmeEntity, programmeProjectEntity } from './entities/money.js';
import { dashCellEntity, pipelineCellEntity } from './entities/stats.js';
import { entryCellAdds, type CellAdds } from './dashboard-cells.js';
import { cellDifferences, recountDashCells, recountPipeline, storedDashCells, storedPipeline } from './ledger-check-cells.js';

/** A running total that is not the sum of its ledger entries. */
export interface LedgerDifference {
  scope: 'project' | 'oblast' | 'programme' | 'programme-project' | 'pledge' | 'club-pledge' | 'platform' | 'dash-cell' | 'pipeline';
  id: string;
  field: string;
  stored: number;
  ledger: number;
}

type Item = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);

/** Every item of the table, page by page. A Scan: only this offline checker does that, never a request. */
async function* everyItem(db: Db): AsyncGenerator<Item> {
  let start: Record<string, unknown> | undefined;
  do {
    const out: ScanCommandOutput = await db.doc.send(
      new ScanCommand({ TableName: db.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    yield* out.Items ?? [];
    start = out.LastEvaluatedKey;
  } while (start);
}

class Sums {
  readonly by = new Map<string, LedgerDeltas>();
  add(id: string, d: LedgerDeltas) {
    const s = this.by.get(id) ?? { ...ZERO_DELTAS };
    for (const f of TOTAL_FIELDS) s[f] += d[f];
    this.by.set(id, s);
  }
  get(id: string): LedgerDeltas {
    return this.by.get(id) ?? { ...ZERO_DELTAS };
  }
}

interface Loaded {
  entries: LedgerEntry[];
  projects: Item[];
  oblasts: Item[];
  programmes: Item[];
  caps: Item[];
  pledges: Item[];
  clubPledges: Item[];
  shards: Item[];
  /** Ledger entry items as stored (with the project's `sector`), dashboard and pipeline cells (issue 13). */
  entryItems: Item[];
  dashCells: Item[];
  pipelineCells: Item[];
}

async function load(db: Db): Promise<Loaded> {
  const l: Loaded = {
    entries: [],
    projects: [],
    oblasts: [],
    programmes: [],
    caps: [],
    pledges: [],
    clubPledges: [],
    shards: [],
    entryItems: [],
    dashCells: [],
    pipelineCells: [],
  };
  for await (const i of everyItem(db)) {
    if (i.entity === ledgerEntryEntity.name) {
      l.entries.push(i as unknown as LedgerEntry);
      l.entryItems.push(i);
    } else if (i.entity === dashCellEntity.name) l.dashCells.push(i);
    else if (i.entity === pipelineCellEntity.name) l.pipelineCells.push(i);
    else if (i.entity === projectEntity.name && i.sk === projectEntity.key({ id: '' }).sk) l.projects.push(i);
    else if (i.pk === oblastStatsEntity.pk({ soate: '' })) l.oblasts.push(i);
    else if (i.entity === programmeEntity.name) l.programmes.push(i);
    else if (i.entity === programmeProjectEntity.name) l.caps.push(i);
    else if (i.entity === pledgeEntity.name) l.pledges.push(i);
    else if (i.entity === clubPledgeEntity.name) l.clubPledges.push(i);
    else if (i.entity === platformTotalsEntity.name) l.shards.push(i);
  }
  return l;
}

/**
 * Each club pledge's `pledged` and `received` against the ledger entries of its members' pledges (pledged and
 * raised, as money-transaction.ts clubPledgeActions adds them), and `contributions` against the number of those
 * pledges (issue 12: a club pledge's figures are the sums over its contributions, each a pledge of its own).
 */
function clubPledgeDifferences(l: Loaded, byPledge: Sums, diff: (id: string, field: string, stored: number, ledger: number) => void) {
  const sums = new Map<string, { pledged: number; received: number; contributions: number }>();
  for (const p of l.pledges) {
    const clubPledgeId = (p.club as { clubPledgeId?: string } | undefined)?.clubPledgeId;
    if (!clubPledgeId) continue;
    const s = sums.get(clubPledgeId) ?? { pledged: 0, received: 0, contributions: 0 };
    const ledger = byPledge.get(String(p.id));
    s.pledged += ledger.pledged;
    s.received += ledger.raised;
    s.contributions += 1;
    sums.set(clubPledgeId, s);
  }
  for (const c of l.clubPledges) {
    const s = sums.get(String(c.id)) ?? { pledged: 0, received: 0, contributions: 0 };
    for (const f of ['pledged', 'received', 'contributions'] as const) diff(String(c.id), f, num(c[f]), s[f]);
  }
}

/**
 * Recomputes every running total from the ledger entries and returns each difference (empty when the
 * books balance): project totals, oblast `raised` (of public projects, as discovery keeps it), programme
 * `reserved` and per-project matches, each pledge's received and matched amounts, each club pledge's
 * pledged/received/contributions (from its members' pledges), the platform totals, each project's `available`,
 * every dashboard cell (from the entries) and every pipeline cell (from the projects).
 * @example expect(await checkLedger(db)).toEqual([]); // after every money test
 */
export async function checkLedger(db: Db): Promise<LedgerDifference[]> {
  const l = await load(db);
  const byProject = new Sums(),
    byProgramme = new Sums(),
    byCap = new Sums(),
    byPledge = new Sums(),
    platform = new Sums();
  for (const e of l.entries) {
    byProject.add(e.projectId, e.deltas);
    platform.add('platform', e.deltas);
    if (e.pledgeId) byPledge.add(e.pledgeId, e.deltas);
    if (e.programmeId) {
      byProgramme.add(e.programmeId, e.deltas);
      byCap.add(`${e.programmeId}|${e.projectId}`, e.deltas);
    }
  }
  const out: LedgerDifference[] = [];
  const diff = (scope: LedgerDifference['scope'], id: string, field: string, stored: number, ledger: number) => {
    if (stored !== ledger) out.push({ scope, id, field, stored, ledger });
  };
  const oblastRaised = new Map<string, number>();
  for (const p of l.projects) {
    const sums = byProject.get(String(p.id));
    for (const f of TOTAL_FIELDS) diff('project', String(p.id), f, num(p[f]), sums[f]);
    // The money a project holds: what every booking ADDs (money-ports availableDelta), summed from its entries.
    diff('project', String(p.id), 'available', num(p.available), availableDelta(sums));
    if (PUBLIC_STATUSES.includes(p.status as ProjectStatus)) {
      const soate = String((p as unknown as Project).oblastSoate);
      oblastRaised.set(soate, (oblastRaised.get(soate) ?? 0) + num(p.raised));
    }
  }
  for (const o of l.oblasts) diff('oblast', String(o.sk), 'raised', num(o.raised), oblastRaised.get(String(o.sk)) ?? 0);
  for (const p of l.programmes) diff('programme', String(p.id), 'reserved', num(p.reserved), byProgramme.get(String(p.id)).matched);
  for (const c of l.caps)
    diff(
      'programme-project',
      `${c.programmeId}|${c.projectId}`,
      'matched',
      num(c.matched),
      byCap.get(`${c.programmeId}|${c.projectId}`).matched,
    );
  for (const p of l.pledges) {
    const s = byPledge.get(String(p.id));
    const refunded = p.status === 'refunded';
    diff('pledge', String(p.id), 'receivedKgs', refunded ? 0 : num(p.receivedKgs), s.raised);
    diff('pledge', String(p.id), 'matchedKgs', refunded ? 0 : num(p.matchedKgs), s.matched);
  }
  clubPledgeDifferences(l, byPledge, (id, field, stored, ledger) => diff('club-pledge', id, field, stored, ledger));
  const shards = { ...ZERO_DELTAS };
  for (const s of l.shards) for (const f of TOTAL_FIELDS) shards[f] += num(s[f]);
  for (const f of TOTAL_FIELDS) diff('platform', 'platform', f, shards[f], platform.get('platform')[f]);
  for (const d of cellDifferences(storedDashCells(l.dashCells), recountDashCells(l.entryItems))) out.push({ scope: 'dash-cell', ...d });
  for (const d of cellDifferences(storedPipeline(l.pipelineCells), recountPipeline(l.projects))) out.push({ scope: 'pipeline', ...d });
  return out;
}

/**
 * Ledger entries for balances that predate the ledger (demo data, a migrated hometown fund): one
 * `opening` entry per project with money, and the same amounts on the platform totals. Writes no
 * project totals: those already hold the balances.
 */
export async function seedOpeningBalances(db: Db, projects: readonly Project[], at = '2026-01-01T00:00:00.000Z'): Promise<void> {
  const withMoney = projects.filter((p) => p.pledged || p.raised || p.supporters);
  const entries: LedgerEntry[] = withMoney.map((p) => ({
    id: `opening-${p.id}`,
    at,
    kind: 'opening',
    projectId: p.id,
    oblastSoate: p.oblastSoate,
    pledgeId: null,
    receiptId: null,
    programmeId: null,
    funder: 'opening',
    country: null,
    original: null,
    publicName: null,
    deltas: { ...ZERO_DELTAS, pledged: p.pledged, raised: p.raised, supporters: p.supporters },
  }));
  const sectorOf = new Map(withMoney.map((p) => [p.id, p.sector]));
  for (let i = 0; i < entries.length; i += 25) {
    const batch = entries
      .slice(i, i + 25)
      .map((e) => ({ PutRequest: { Item: { ...ledgerEntryEntity.item(e), sector: sectorOf.get(e.projectId) } } }));
    await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: batch } }));
  }
  // The money a project holds (available, money-transaction.ts) and the dashboard cells, as a booking would add them.
  for (const p of withMoney) {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: projectEntity.key({ id: p.id }),
        UpdateExpression: 'ADD #available :a',
        ExpressionAttributeNames: { '#available': 'available' },
        ExpressionAttributeValues: { ':a': p.raised },
      }),
    );
  }
  const cells = new Map<string, CellAdds>();
  for (const e of entries) entryCellAdds(e, sectorOf.get(e.projectId)!, cells);
  for (const [key, cell] of cells) {
    const [scope, month] = key.split('|') as [string, string];
    const names = [...cell.keys()];
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: dashCellEntity.key({ scope, month, shard: 0 }),
        UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :a${i}`).join(', ')} SET entity = :e`,
        ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
        ExpressionAttributeValues: { ...Object.fromEntries(names.map((n, i) => [`:a${i}`, cell.get(n)!])), ':e': dashCellEntity.name },
      }),
    );
  }
  const total = { ...ZERO_DELTAS };
  for (const e of entries) for (const f of TOTAL_FIELDS) total[f] += e.deltas[f];
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: platformTotalsEntity.key({ shard: 0 }),
      UpdateExpression: `ADD ${TOTAL_FIELDS.map((f) => `#${f} :${f}`).join(', ')} SET entity = :e`,
      ExpressionAttributeNames: Object.fromEntries(TOTAL_FIELDS.map((f) => [`#${f}`, f])),
      ExpressionAttributeValues: { ...Object.fromEntries(TOTAL_FIELDS.map((f) => [`:${f}`, total[f]])), ':e': platformTotalsEntity.name },
    }),
  );
}
