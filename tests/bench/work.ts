/**
 * What one request costs DynamoDB, counted rather than timed: commands sent and items read (a Query's
 * ScannedCount, a GetItem's item, a BatchGet's answers), through an SDK middleware on the app's client. A
 * latency that grows with the data while these stay put is the emulator's cost, not our query design's.
 */
import type { Db } from '@mekendesh/db';

export interface Work {
  commands: number;
  itemsRead: number;
  /** Commands by name, e.g. { QueryCommand: 300, BatchGetItemCommand: 300 }. */
  byCommand: Record<string, number>;
}

type Output = { ScannedCount?: number; Item?: unknown; Responses?: Record<string, unknown[]> };

/** Items an answer carries back from the store. */
function itemsRead(output: Output): number {
  if (output.ScannedCount !== undefined) return output.ScannedCount;
  if (output.Responses) return Object.values(output.Responses).reduce((n, r) => n + r.length, 0);
  return output.Item ? 1 : 0;
}

/** Counts every command `db` sends from now on into the returned object (reset it by assigning zeros). */
export function countWork(db: Pick<Db, 'raw'>): Work {
  const work: Work = { commands: 0, itemsRead: 0, byCommand: {} };
  db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      work.commands++;
      work.itemsRead += itemsRead(out.output as Output);
      const name = context.commandName ?? 'unknown';
      work.byCommand[name] = (work.byCommand[name] ?? 0) + 1;
      return out;
    },
    { step: 'initialize', name: 'benchWork' },
  );
  return work;
}

/** Sets every count of `work` back to zero. */
export function resetWork(work: Work): void {
  work.commands = 0;
  work.itemsRead = 0;
  work.byCommand = {};
}
