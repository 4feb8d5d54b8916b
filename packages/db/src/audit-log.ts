import type { AuditActor, AuditEntry } from '@mekendesh/contracts';
import type { AuditKey, AuditLog } from '@mekendesh/domain/account-ports';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
import { pagedQuery, type PartitionQuery } from './dynamo/paged-query.js';
import { pick } from './entities/catalogue.js';
import { userEntity } from './entities/accounts.js';
import { auditEntity } from './entities/ops.js';

const FIELDS = ['id', 'at', 'actorId', 'actorRoles', 'action', 'objectType', 'objectId', 'reason', 'before', 'after'] as const;

/** Above every sort key of the log ('<at>#<id>' or '<at>'): U+10FFFF, as paged-query's PREFIX_END. */
const TOP = '\u{10FFFF}';

/** The partition a search reads: the log itself, or one actor's (gsi1), object's (gsi2) or action's (gsi3) entries. */
function partitionOf(by: AuditKey | undefined): Pick<PartitionQuery, 'index' | 'partition'> {
  const blank = { at: '', id: '', actorId: '', action: '', objectType: '', objectId: '' };
  if (!by) return { partition: auditEntity.pk(blank) };
  const keys = auditEntity.indexKeys({ ...blank, ...by });
  if ('actorId' in by) return { index: 'gsi1', partition: keys.gsi1pk! };
  if ('action' in by) return { index: 'gsi3', partition: keys.gsi3pk! };
  return { index: 'gsi2', partition: keys.gsi2pk! };
}

/**
 * [fromAt, untilAt) as an inclusive sort-key range: every index's sort key starts with the entry's `at`, so an
 * entry at the last millisecond before `untilAt` sorts below that millisecond's ISO string + TOP.
 */
function skRange(fromAt: string | undefined, untilAt: string | undefined): PartitionQuery['skBetween'] {
  if (fromAt === undefined && untilAt === undefined) return undefined;
  const to = untilAt === undefined ? TOP : new Date(Date.parse(untilAt) - 1).toISOString() + TOP;
  return { from: fromAt ?? '0', to };
}

export class DynamoAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  /** Newest first, one bounded page at a time, through the index `by` names, within the instants given. */
  async list(input: { limit: number; cursor?: string; by?: AuditKey; fromAt?: string; untilAt?: string }): Promise<Page<AuditEntry>> {
    const range = skRange(input.fromAt, input.untilAt);
    const q: PartitionQuery = { ...partitionOf(input.by), forward: false, ...(range ? { skBetween: range } : {}) };
    const page = await pagedQuery(this.db, q, input);
    return { items: page.items.map((i) => pick<AuditEntry>(i, FIELDS)), nextCursor: page.nextCursor };
  }

  /** One BatchGet of the users' name fields; a missing item or one with `deletedAt` is a deleted account. */
  async actors(ids: readonly string[]): Promise<AuditActor[]> {
    const found = await batchGet(
      this.db,
      ids.map((id) => userEntity.key({ id })),
      { fields: ['id', 'profile', 'deletedAt'] },
    );
    const byId = new Map(found.map((item) => [String(item.id), item]));
    return ids.map((id) => {
      const item = byId.get(id);
      const name = (item?.profile as { displayName?: unknown } | undefined)?.displayName;
      const live = item !== undefined && !item.deletedAt;
      return { id, displayName: live && typeof name === 'string' ? name : null, deleted: !live };
    });
  }
}
