import { BatchGetCommand, type BatchGetCommandOutput, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Programme } from '@mekendesh/contracts';
import { matchedPledgeTypes, type ProgrammeStore } from '@mekendesh/domain';
import type { Db } from './client.js';
import { MONEY_ENTITY, moneyKeys, stripKeys } from './money-keys.js';

/** Programmes are few; a list reads at most this many. */
const MAX_PROGRAMMES = 50;

async function batchGet(db: Db, keyList: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = keyList.slice(i, i + 100);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
      const out: BatchGetCommandOutput = await db.doc.send(new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending, ConsistentRead: true } } }));
      items.push(...(out.Responses?.[db.tableName] ?? []));
      pending = out.UnprocessedKeys?.[db.tableName]?.Keys;
    }
  }
  return items;
}

/** A stored programme as the domain reads it: one stored before `pledgeTypes` existed matches donations only. */
function readProgramme(item: Record<string, unknown>): Programme {
  const programme = stripKeys<Programme>(item);
  return { ...programme, pledgeTypes: [...matchedPledgeTypes(programme)] };
}

/** Co-financing programmes: one item each (with the running `reserved`), listed by a small index partition. */
export class DynamoProgrammeStore implements ProgrammeStore {
  constructor(private readonly db: Db) {}

  async create(programme: Programme): Promise<void> {
    await this.db.doc.send(new PutCommand({
      TableName: this.db.tableName, ConditionExpression: 'attribute_not_exists(pk)',
      Item: { ...moneyKeys.programme(programme.id), ...moneyKeys.programmeIndexes(programme), entity: MONEY_ENTITY.programme, ...programme },
    }));
  }

  /**
   * Writes the programme unless one with its id exists (demo and fixture loading: safe to repeat; the
   * stored one, with what it reserved, is kept).
   */
  async ensure(programme: Programme): Promise<'created' | 'present'> {
    try {
      await this.create(programme);
      return 'created';
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return 'present';
      throw e;
    }
  }

  /** Newest first, from the index (its `reserved` may lag a moment: fine for display). */
  async list(limit = MAX_PROGRAMMES): Promise<Programme[]> {
    const out = await this.db.doc.send(new QueryCommand({
      TableName: this.db.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': moneyKeys.programmes() }, ScanIndexForward: false, Limit: Math.min(limit, MAX_PROGRAMMES),
    }));
    return (out.Items ?? []).map(readProgramme);
  }

  /** The same list re-read by key with strong consistency: bookings reserve against the current budget. */
  async listConsistent(): Promise<Programme[]> {
    const ids = (await this.list()).map((p) => moneyKeys.programme(p.id));
    return (await batchGet(this.db, ids)).map(readProgramme);
  }

  async matchedForProject(programmeIds: readonly string[], projectId: string): Promise<Map<string, number>> {
    const items = await batchGet(this.db, programmeIds.map((id) => moneyKeys.programmeProject(id, projectId)));
    return new Map(items.map((i) => [String(i.programmeId), Number(i.matched ?? 0)]));
  }
}
