import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OblastStats } from '@mekendesh/contracts';
import type { Db } from './client.js';
import { queryOnce } from './dynamo/paged-query.js';
import { oblastStatsEntity } from './entities/catalogue.js';

export interface OblastDelta {
  soate: string;
  projects: number;
  raising: number;
  raised: number;
}

/** The running-total update for one oblast, as the Update of a transaction or a single UpdateItem. */
export function oblastStatsUpdate(db: Db, d: OblastDelta) {
  return {
    TableName: db.tableName,
    Key: oblastStatsEntity.key(d),
    UpdateExpression: 'ADD projects :p, raising :r, raised :m',
    ExpressionAttributeValues: { ':p': d.projects, ':r': d.raising, ':m': d.raised },
  };
}

/** Adds deltas to the oblast totals, one UpdateItem each (ADD is atomic, so concurrent writers add up). */
export async function addOblastStats(db: Db, deltas: readonly OblastDelta[]): Promise<void> {
  await Promise.all(deltas.map((d) => db.doc.send(new UpdateCommand(oblastStatsUpdate(db, d)))));
}

/** Sums per-project contributions into one delta per oblast (seeding and bulk loads). */
export function sumOblastDeltas(contributions: Iterable<OblastDelta>): OblastDelta[] {
  const sums = new Map<string, OblastDelta>();
  for (const c of contributions) {
    const s = sums.get(c.soate) ?? { soate: c.soate, projects: 0, raising: 0, raised: 0 };
    sums.set(c.soate, { soate: c.soate, projects: s.projects + c.projects, raising: s.raising + c.raising, raised: s.raised + c.raised });
  }
  return [...sums.values()].filter((d) => d.projects || d.raising || d.raised);
}

/** All oblast totals with one Query of a single small partition (at most nine items). */
export async function readOblastStats(db: Db): Promise<OblastStats[]> {
  const out = await queryOnce(db, { partition: oblastStatsEntity.pk({ soate: '' }), forward: true }, 20);
  return (out.Items ?? []).map((i) => ({
    soate: String(i.sk),
    projects: Number(i.projects ?? 0),
    raising: Number(i.raising ?? 0),
    raised: Number(i.raised ?? 0),
  }));
}
