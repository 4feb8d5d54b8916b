/**
 * How a project counts in the pipeline cells (entities/stats.ts PipelineCell): one project, its beneficiaries and
 * jobs under its state, in the cell of its oblast and sector. The one rule for the project save, the seed and
 * `pnpm ledger:check`'s recount.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Project } from '@mekendesh/contracts';
import type { Db } from './client.js';
import { pipelineCellEntity } from './entities/stats.js';

type Counted = Pick<Project, 'status' | 'oblastSoate' | 'sector' | 'beneficiaries' | 'jobs'>;

/** Additions per cell: `<oblast>#<sector>` -> attribute (`n.published`) -> delta. */
export type PipelineAdds = Map<string, Map<string, number>>;

const cellKey = (p: Counted) => `${p.oblastSoate}#${p.sector}`;

/** Adds (sign 1) or takes away (sign -1) one project's counts. */
export function addToPipeline(into: PipelineAdds, p: Counted, sign: 1 | -1): PipelineAdds {
  const cell = into.get(cellKey(p)) ?? new Map<string, number>();
  const add = (name: string, v: number) => cell.set(name, (cell.get(name) ?? 0) + sign * v);
  add(`n.${p.status}`, 1);
  add(`b.${p.status}`, p.beneficiaries ?? 0);
  add(`j.${p.status}`, p.jobs ?? 0);
  into.set(cellKey(p), cell);
  return into;
}

/**
 * What moving a project from `previous` (undefined: a new one) to `next` adds to the pipeline cells, merged by cell
 * (a transaction may touch an item once) with zeros left out: a save that changes none of status, oblast, sector,
 * beneficiaries or jobs adds nothing.
 */
export function pipelineDelta(previous: Counted | undefined, next: Counted): PipelineAdds {
  const adds = addToPipeline(new Map(), next, 1);
  if (previous) addToPipeline(adds, previous, -1);
  for (const [key, cell] of adds) {
    for (const [name, v] of cell) if (v === 0) cell.delete(name);
    if (!cell.size) adds.delete(key);
  }
  return adds;
}

/** One cell's ADD, as a transaction's Update or a single UpdateItem. */
export function pipelineCellUpdate(db: Db, key: string, cell: Map<string, number>) {
  const [oblastSoate, sector] = key.split('#') as [string, string];
  const names = [...cell.keys()];
  return {
    TableName: db.tableName,
    Key: pipelineCellEntity.key({ oblastSoate, sector }),
    UpdateExpression: `ADD ${names.map((_, i) => `#a${i} :a${i}`).join(', ')} SET entity = :e`,
    ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
    ExpressionAttributeValues: { ...Object.fromEntries(names.map((n, i) => [`:a${i}`, cell.get(n)!])), ':e': pipelineCellEntity.name },
  };
}

/** Adds loaded projects to the pipeline cells, one UpdateItem per cell (seeding and bulk loads). */
export async function addPipelineCells(db: Db, projects: readonly Counted[]): Promise<void> {
  const adds: PipelineAdds = new Map();
  for (const p of projects) addToPipeline(adds, p, 1);
  await Promise.all([...adds].map(([key, cell]) => db.doc.send(new UpdateCommand(pipelineCellUpdate(db, key, cell)))));
}
