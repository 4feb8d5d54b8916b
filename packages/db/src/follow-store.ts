import { GetCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { PUBLIC_STATUSES, type FollowType, type LocalizedText, type ProjectStatus, type SavedQuery } from '@mekendesh/contracts';
import type { FollowNames, FollowRecord, FollowStore, SavedSearchRecord } from '@mekendesh/domain/follows';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
import { pagedQuery, queryAll } from './dynamo/paged-query.js';
import { organisationEntity } from './entities/accounts.js';
import { projectEntity } from './entities/catalogue.js';
import {
  DIGEST_SHARDS,
  digestSubscriberEntity,
  followEntity,
  followerEntity,
  followMetaEntity,
  savedSearchEntity,
} from './entities/follows.js';
import { sendTransaction, type Tagged } from './transact.js';
import { byCodeUnit } from '@mekendesh/domain/text-order';

type Action = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The digest shard of a person (FNV-1a of the id): spreads subscribers evenly over DIGEST_SHARDS partitions. */
export function digestShard(userId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % DIGEST_SHARDS;
}

/** Follows, saved searches and their reverse entries in DynamoDB (entities/follows.ts); see FollowStore. */
export class DynamoFollowStore implements FollowStore, FollowNames {
  constructor(private readonly db: Db) {}

  private put(item: Record<string, unknown>, condition?: string): Action {
    return { Put: { TableName: this.db.tableName, Item: item, ...(condition ? { ConditionExpression: condition } : {}) } };
  }

  private del(key: { pk: string; sk: string }, condition?: string): Action {
    return { Delete: { TableName: this.db.tableName, Key: key, ...(condition ? { ConditionExpression: condition } : {}) } };
  }

  /** ADD `delta` to a count on the person's meta item; with `cap`, only while the count is below it. */
  private count(userId: string, field: 'follows' | 'searches', delta: number, cap?: number, set?: Record<string, string>): Action {
    const sets = Object.keys(set ?? {});
    return {
      Update: {
        TableName: this.db.tableName,
        Key: followMetaEntity.key({ userId }),
        UpdateExpression: `${sets.length ? `SET ${sets.map((k) => `#${k} = :${k}`).join(', ')} ` : ''}ADD #n :d`,
        ...(cap !== undefined ? { ConditionExpression: 'attribute_not_exists(#n) OR #n < :cap' } : {}),
        ExpressionAttributeNames: { '#n': field, ...Object.fromEntries(sets.map((k) => [`#${k}`, k])) },
        ExpressionAttributeValues: {
          ':d': delta,
          ...(cap !== undefined ? { ':cap': cap } : {}),
          ...Object.fromEntries(Object.entries(set ?? {}).map(([k, v]) => [`:${k}`, v])),
        },
      },
    };
  }

  private subscriber(userId: string): Action {
    return this.put(digestSubscriberEntity.item({ shard: digestShard(userId), userId }, {}));
  }

  private followWrites(userId: string, f: FollowRecord): Tagged[] {
    const ref = { userId, type: f.type, targetId: f.targetId };
    return [
      { tag: 'follow', action: this.put(followEntity.item(ref, { ...f }), 'attribute_not_exists(pk)') },
      { tag: 'follower', action: this.put(followerEntity.item(ref, { userId, followSource: f.source, at: f.followedAt })) },
      { tag: 'subscriber', action: this.subscriber(userId) },
    ];
  }

  async list(userId: string) {
    const follows: FollowRecord[] = [];
    const searches: SavedSearchRecord[] = [];
    // One partition holding at most FOLLOW_LIMITS.follows + savedSearches + 1 items (the caps are kept on write).
    for await (const item of queryAll(this.db, { partition: followMetaEntity.pk({ userId }), forward: true })) {
      if (item.entity === followEntity.name) {
        follows.push({
          type: item.type as FollowType,
          targetId: String(item.targetId),
          source: item.source as 'manual',
          followedAt: String(item.followedAt),
        });
      } else if (item.entity === savedSearchEntity.name) {
        searches.push({
          id: String(item.id),
          // Only a typed name is stored (older items hold the name made when saved; the domain reads those as none).
          name: typeof item.name === 'string' ? item.name : undefined,
          query: item.query as SavedQuery,
          savedAt: String(item.savedAt),
        });
      }
    }
    follows.sort((a, b) => byCodeUnit(b.followedAt, a.followedAt));
    searches.sort((a, b) => byCodeUnit(b.savedAt, a.savedAt));
    return { follows, searches };
  }

  async follow(input: { userId: string; follow: FollowRecord; cap: number }) {
    const writes = [
      ...this.followWrites(input.userId, input.follow),
      { tag: 'cap', action: this.count(input.userId, 'follows', 1, input.cap) },
    ];
    const out = await sendTransaction(this.db, writes);
    if (out.kind === 'committed') return 'added' as const;
    return out.tags.includes('follow') ? ('exists' as const) : ('full' as const);
  }

  async unfollow(input: { userId: string; type: FollowType; targetId: string }) {
    const ref = { userId: input.userId, type: input.type, targetId: input.targetId };
    const out = await sendTransaction(this.db, [
      { tag: 'follow', action: this.del(followEntity.key(ref), 'attribute_exists(pk)') },
      { tag: 'follower', action: this.del(followerEntity.key(ref)) },
      { tag: 'count', action: this.count(input.userId, 'follows', -1) },
    ]);
    return out.kind === 'committed';
  }

  /** The id is made from the query (searchIdOf), so the conditional Put keeps one item per person and query. */
  async saveSearch(input: { userId: string; search: SavedSearchRecord; cap: number }) {
    const key = { userId: input.userId, searchId: input.search.id };
    const out = await sendTransaction(this.db, [
      { tag: 'search', action: this.put(savedSearchEntity.item(key, { ...input.search }), 'attribute_not_exists(pk)') },
      { tag: 'cap', action: this.count(input.userId, 'searches', 1, input.cap) },
      { tag: 'subscriber', action: this.subscriber(input.userId) },
    ]);
    if (out.kind === 'committed') return 'added' as const;
    return out.tags.includes('search') ? ('exists' as const) : ('full' as const);
  }

  async removeSearch(input: { userId: string; searchId: string }) {
    const out = await sendTransaction(this.db, [
      { tag: 'search', action: this.del(savedSearchEntity.key(input), 'attribute_exists(pk)') },
      { tag: 'count', action: this.count(input.userId, 'searches', -1) },
    ]);
    return out.kind === 'committed';
  }

  async homeRayon(userId: string) {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: followMetaEntity.key({ userId }), ConsistentRead: true }),
    );
    return typeof out.Item?.homeRayon === 'string' ? out.Item.homeRayon : null;
  }

  async followHome(input: { userId: string; rayon: string; previous: string | null; at: string }) {
    if (input.previous) await this.demoteHome(input.userId, input.previous);
    const f: FollowRecord = { type: 'territory', targetId: input.rayon, source: 'home', followedAt: input.at };
    const home = { homeRayon: input.rayon };
    const out = await sendTransaction(this.db, [
      ...this.followWrites(input.userId, f),
      { tag: 'meta', action: this.count(input.userId, 'follows', 1, undefined, home) },
    ]);
    if (out.kind === 'committed') return;
    // Followed already by hand: it becomes the home follow (the home-project notice reads `source`).
    const ref = { userId: input.userId, type: 'territory', targetId: input.rayon };
    const setHome = (key: { pk: string; sk: string }, field: string): Action => ({
      Update: {
        TableName: this.db.tableName,
        Key: key,
        UpdateExpression: 'SET #s = :h',
        ExpressionAttributeNames: { '#s': field },
        ExpressionAttributeValues: { ':h': 'home' },
      },
    });
    await sendTransaction(this.db, [
      { tag: 'follow', action: setHome(followEntity.key(ref), 'source') },
      { tag: 'follower', action: setHome(followerEntity.key(ref), 'followSource') },
      { tag: 'meta', action: this.count(input.userId, 'follows', 0, undefined, home) },
    ]);
  }

  /**
   * The old home's follow and its reverse entry become `manual`, when the follow is still there and still `home`
   * (a removed one stays removed: the condition cancels the pair, which then changes nothing).
   */
  private async demoteHome(userId: string, rayon: string) {
    const ref = { userId, type: 'territory', targetId: rayon };
    const manual = (key: { pk: string; sk: string }, field: string, condition: string): Action => ({
      Update: {
        TableName: this.db.tableName,
        Key: key,
        UpdateExpression: 'SET #s = :m',
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#s': field },
        ExpressionAttributeValues: { ':m': 'manual', ':h': 'home' },
      },
    });
    await sendTransaction(this.db, [
      { tag: 'follow', action: manual(followEntity.key(ref), 'source', 'attribute_exists(pk) AND #s = :h') },
      { tag: 'follower', action: manual(followerEntity.key(ref), 'followSource', 'attribute_exists(pk) AND #s = :h') },
    ]);
  }

  async followers(input: {
    type: FollowType;
    targetId: string;
    homeOnly: boolean;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<string>> {
    const page = await pagedQuery(
      this.db,
      {
        partition: followerEntity.pk({ type: input.type, targetId: input.targetId, userId: '' }),
        forward: true,
        fields: ['userId'],
        ...(input.homeOnly ? { filter: { expression: 'followSource = :home', values: { ':home': 'home' } } } : {}),
      },
      { limit: input.limit, cursor: input.cursor },
    );
    return { items: page.items.map((i) => String(i.userId)), nextCursor: page.nextCursor };
  }

  async eraseAll(userId: string) {
    const actions: Action[] = [this.del(digestSubscriberEntity.key({ shard: digestShard(userId), userId }))];
    for await (const item of queryAll(this.db, { partition: followMetaEntity.pk({ userId }), forward: true })) {
      actions.push(this.del({ pk: String(item.pk), sk: String(item.sk) }));
      if (item.entity === followEntity.name)
        actions.push(this.del(followerEntity.key({ userId, type: String(item.type), targetId: String(item.targetId) })));
    }
    // At most 2 x 200 follows + 20 searches + 2: a few transactions of 100, each item deleted once.
    for (let i = 0; i < actions.length; i += 100) {
      await sendTransaction(
        this.db,
        actions.slice(i, i + 100).map((action) => ({ tag: 'erase', action })),
      );
    }
  }

  /**
   * Names of what the public may see, as GET /v1/projects/{id} and /v1/organisations/{id} do: projects in a public
   * status, approved organisations. Anything else (pending, rejected, a draft, cancelled) is left out, so it cannot be
   * followed (404) and a follow of it lists as unavailable (name null) rather than leaking its name.
   */
  async names(refs: { type: 'project' | 'organisation'; id: string }[]) {
    const keys = refs.map((r) => (r.type === 'project' ? projectEntity.key({ id: r.id }) : organisationEntity.key({ id: r.id })));
    const items = await batchGet(this.db, keys, { fields: ['id', 'entity', 'title', 'name', 'status'] });
    const out = new Map<string, LocalizedText>();
    for (const item of items) {
      if (item.entity === projectEntity.name) {
        if (PUBLIC_STATUSES.includes(item.status as ProjectStatus)) out.set(`project:${String(item.id)}`, item.title as LocalizedText);
      } else if (item.status === 'approved') out.set(`organisation:${String(item.id)}`, item.name as LocalizedText);
    }
    return out;
  }
}
