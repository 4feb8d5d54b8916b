import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, Programme } from '@mekendesh/contracts';
import { matchedPledgeTypes } from '@mekendesh/domain/cofinancing';
import type { ProgrammeStore } from '@mekendesh/domain/money-ports';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
import { queryOnce } from './dynamo/paged-query.js';
import { stripKeys } from './entities/define.js';
import { programmeEntity, programmeProjectEntity, programmesPartition } from './entities/money.js';
import { auditPut, transact } from './transact.js';

/** Programmes are few; a list reads at most this many. */
const MAX_PROGRAMMES = 50;

/**
 * A stored programme as the domain reads it: one stored before `pledgeTypes` existed matches donations only. The item's
 * `used` (what matches spent of its budget, ADDed by each booking for the staff dashboard: money-transaction.ts) is
 * the dashboard's, not the programme's: it is left out, as the strict Programme contract has no such field.
 */
function readProgramme(item: Record<string, unknown>): Programme {
  const { used: _used, ...programme } = stripKeys<Programme & { used?: unknown }>(item);
  return { ...programme, pledgeTypes: [...matchedPledgeTypes(programme)] };
}

/** Co-financing programmes: one item each (with the running `reserved`), listed by a small index partition. */
export class DynamoProgrammeStore implements ProgrammeStore {
  constructor(private readonly db: Db) {}

  /** The programme, and with `audit` its entry programme.create in the same transaction (staff creating one). */
  async create(programme: Programme, audit?: AuditEntry): Promise<void> {
    const put = { TableName: this.db.tableName, ConditionExpression: 'attribute_not_exists(pk)', Item: programmeEntity.item(programme) };
    if (audit) {
      await transact(this.db, [{ Put: put }, auditPut(this.db, audit)]);
      return;
    }
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        ConditionExpression: 'attribute_not_exists(pk)',
        Item: programmeEntity.item(programme),
      }),
    );
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
    const out = await queryOnce(
      this.db,
      { index: 'gsi1', partition: programmesPartition(), forward: false },
      Math.min(limit, MAX_PROGRAMMES),
    );
    return (out.Items ?? []).map(readProgramme);
  }

  /** The same list re-read by key with strong consistency: bookings reserve against the current budget. */
  async listConsistent(): Promise<Programme[]> {
    const ids = (await this.list()).map((p) => programmeEntity.key(p));
    return (await batchGet(this.db, ids, { consistent: true })).map(readProgramme);
  }

  async matchedForProject(programmeIds: readonly string[], projectId: string): Promise<Map<string, number>> {
    const items = await batchGet(
      this.db,
      programmeIds.map((programmeId) => programmeProjectEntity.key({ programmeId, projectId })),
      { consistent: true },
    );
    return new Map(items.map((i) => [String(i.programmeId), Number(i.matched ?? 0)]));
  }
}
