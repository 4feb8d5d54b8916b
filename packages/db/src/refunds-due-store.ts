import type { Pledge, ProjectStatus } from '@mekendesh/contracts';
import type { Page } from '@mekendesh/domain/ports';
import type { RefundsDueStore } from '@mekendesh/domain/refunds-due';
import type { UserRecord } from '@mekendesh/domain/account-ports';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
import { pagedQuery } from './dynamo/paged-query.js';
import { userEntity } from './entities/accounts.js';
import { projectEntity } from './entities/catalogue.js';
import { refundsDuePartition } from './entities/money.js';
import { pledgeFromItem } from './money-store.js';
import { userFromItem } from './user-repository.js';

/** The refunds-to-pay queue: one page of pledge gsi4 REFUNDDUE, then one BatchGet of the page's investors and projects. */
export class DynamoRefundsDueStore implements RefundsDueStore {
  constructor(private readonly db: Db) {}

  /** Oldest first (sort key `<updatedAt>#<id>`); reads at most `limit` pledges and their ≤ 2×limit users and projects. */
  async list(input: {
    limit: number;
    cursor?: string;
  }): Promise<Page<{ pledge: Pledge; investor: UserRecord | undefined; projectStatus?: ProjectStatus }>> {
    const page = await pagedQuery(this.db, { index: 'gsi4', partition: refundsDuePartition(), forward: true }, input);
    const pledges = page.items.map(pledgeFromItem);
    const users = pledges.map((p) => userEntity.key({ id: p.investorId }));
    const projects = pledges.map((p) => projectEntity.key({ id: p.projectId }));
    const found = await batchGet(this.db, [...users, ...projects], {
      fields: [
        'entity',
        'id',
        'email',
        'profile',
        'deletedAt',
        'status',
        'organisationId',
        'organisationRole',
        'revokedBefore',
        'createdAt',
      ],
    });
    const userById = new Map<string, UserRecord | undefined>();
    const statusById = new Map<string, ProjectStatus>();
    for (const item of found) {
      if (item.entity === userEntity.name) userById.set(String(item.id), userFromItem(item));
      else statusById.set(String(item.id), item.status as ProjectStatus);
    }
    const items = pledges.map((pledge) => {
      const status = statusById.get(pledge.projectId);
      return { pledge, investor: userById.get(pledge.investorId), ...(status ? { projectStatus: status } : {}) };
    });
    return { items, nextCursor: page.nextCursor };
  }
}
