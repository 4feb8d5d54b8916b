import type { NamedSupporterReader } from '@mekendesh/domain/transparency';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { pagedQuery } from './dynamo/paged-query.js';
import { namedSupportersPartition } from './entities/money.js';

/** A project's named supporters through the Supporter markers' sparse gsi1 (entities/money.ts), newest first, one bounded page. */
export class DynamoNamedSupporters implements NamedSupporterReader {
  constructor(private readonly db: Db) {}

  async listNamedSupporters(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<{ name: string; since: string }>> {
    const page = await pagedQuery(
      this.db,
      { index: 'gsi1', partition: namedSupportersPartition(input.projectId), forward: false, fields: ['publicName', 'gsi1sk'] },
      input,
    );
    // A marker whose name was taken out (account deletion) leaves the index with it; skip one caught mid-change.
    const items = page.items.flatMap((i) =>
      typeof i.publicName === 'string' && i.publicName ? [{ name: i.publicName, since: String(i.gsi1sk).split('#')[0]! }] : [],
    );
    return { items, nextCursor: page.nextCursor };
  }
}
