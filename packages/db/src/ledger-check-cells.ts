/**
 * `pnpm ledger:check`'s recount of the issue 13 aggregates: every dashboard cell from the ledger entries (the one
 * rule, dashboard-cells.ts entryCellAdds, with each entry item's `sector`; stored cells summed over their shards)
 * and every pipeline cell from the projects (pipeline-cells.ts). Runs on what the checker's Scan loaded, never on a request.
 */
import type { LedgerEntry } from '@mekendesh/domain/money-ports';
import { entryCellAdds, type CellAdds } from './dashboard-cells.js';
import { dashScopePartition } from './entities/stats.js';
import { addToPipeline, type PipelineAdds } from './pipeline-cells.js';
import type { Project } from '@mekendesh/contracts';

type Item = Record<string, unknown>;

/** Each dashboard cell (`<scope>|<month>`, shards summed) as the ledger entries add up. */
export function recountDashCells(entries: readonly Item[]): Map<string, CellAdds> {
  const cells = new Map<string, CellAdds>();
  for (const e of entries) entryCellAdds(e as unknown as LedgerEntry, String(e.sector), cells);
  return cells;
}

/** The stored dashboard cells summed over shards, keyed like recountDashCells. */
export function storedDashCells(items: readonly Item[]): Map<string, CellAdds> {
  const cells = new Map<string, CellAdds>();
  for (const i of items) {
    const key = `${String(i.pk).slice(dashScopePartition('').length)}|${String(i.sk).split('#')[0]}`;
    const cell = cells.get(key) ?? new Map<string, number>();
    for (const [name, v] of Object.entries(i)) if (typeof v === 'number' && name.includes('.')) cell.set(name, (cell.get(name) ?? 0) + v);
    cells.set(key, cell);
  }
  return cells;
}

/** Each pipeline cell (`<oblast>#<sector>`) as the projects count. */
export function recountPipeline(projects: readonly Item[]): PipelineAdds {
  const adds: PipelineAdds = new Map();
  for (const p of projects) addToPipeline(adds, p as unknown as Project, 1);
  return adds;
}

/** The stored pipeline cells, keyed like recountPipeline. */
export function storedPipeline(items: readonly Item[]): PipelineAdds {
  const cells: PipelineAdds = new Map();
  for (const i of items) {
    const cell = new Map<string, number>();
    for (const [name, v] of Object.entries(i)) if (typeof v === 'number' && /^[nbj]\./.test(name)) cell.set(name, v);
    cells.set(String(i.sk), cell);
  }
  return cells;
}

/** Every attribute where two sets of cells differ (a missing attribute reads 0). */
export function cellDifferences(
  stored: Map<string, Map<string, number>>,
  counted: Map<string, Map<string, number>>,
): { id: string; field: string; stored: number; ledger: number }[] {
  const out: { id: string; field: string; stored: number; ledger: number }[] = [];
  for (const id of new Set([...stored.keys(), ...counted.keys()])) {
    const s = stored.get(id) ?? new Map<string, number>();
    const c = counted.get(id) ?? new Map<string, number>();
    for (const field of new Set([...s.keys(), ...c.keys()])) {
      const a = s.get(field) ?? 0;
      const b = c.get(field) ?? 0;
      if (a !== b) out.push({ id, field, stored: a, ledger: b });
    }
  }
  return out;
}
