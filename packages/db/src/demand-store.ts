import type { DemandChange, DemandCount, DemandDimension } from '@mekendesh/domain/demand';
import type { DemandStore } from '@mekendesh/domain/demand-read';
import type { Db } from './client.js';
import { queryOnce } from './dynamo/paged-query.js';
import { demandCellEntity } from './entities/accounts.js';
import type { Action } from './transact.js';

/** Most cells a territory can have: the total, 11 sectors, 6 amount ranges, every country and 'none'. */
const MAX_CELLS = 300;

/** One demand change as the Update of a transaction: ADD is atomic, so concurrent writers on other accounts add up. */
export function demandUpdate(db: Db, change: DemandChange): Action {
  return {
    Update: {
      TableName: db.tableName,
      Key: demandCellEntity.key(change),
      UpdateExpression: 'ADD n :n SET dimension = :d, #v = :v, entity = :e',
      ExpressionAttributeNames: { '#v': 'value' },
      ExpressionAttributeValues: { ':n': change.n, ':d': change.dimension, ':v': change.value, ':e': demandCellEntity.name },
    },
  };
}

/** The demand aggregates: a territory's cells with one Query of its partition (bounded by MAX_CELLS). */
export class DynamoDemandStore implements DemandStore {
  constructor(private readonly db: Db) {}

  async read(soate: string): Promise<DemandCount[]> {
    const out = await queryOnce(this.db, { partition: demandCellEntity.pk({ soate, dimension: '', value: '' }), forward: true }, MAX_CELLS);
    return (out.Items ?? []).map((i) => ({ dimension: i.dimension as DemandDimension, value: String(i.value), n: Number(i.n ?? 0) }));
  }
}
