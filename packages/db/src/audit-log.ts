import type { AuditEntry } from '@mekendesh/contracts';
import type { AuditLog, Page } from '@mekendesh/domain';
import type { Db } from './client.js';
import { pagedQuery } from './dynamo/paged-query.js';
import { pick } from './entities/catalogue.js';
import { auditEntity } from './entities/ops.js';

const FIELDS = ['id', 'at', 'actorId', 'actorRoles', 'action', 'objectType', 'objectId', 'reason', 'before', 'after'] as const;

export class DynamoAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  /** Newest first, one bounded page at a time. */
  async list(input: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    const page = await pagedQuery(this.db, { partition: auditEntity.pk({ at: '', id: '' }), forward: false }, input);
    return { items: page.items.map((i) => pick<AuditEntry>(i, FIELDS)), nextCursor: page.nextCursor };
  }
}
