/**
 * Following and saved searches (issue 12): one person's list, read with one Query of their partition, and the
 * reverse list of a followed thing ("who follows this rayon"), both written in one transaction; the digest
 * job's subscriber shards. Read both ways from one declaration, as ElectroDB's subscriptions example.
 */
import { defineEntity } from './define.js';

/** One thing a person follows; `source` says whether the profile's home rayon put it there. */
export const followEntity = defineEntity<{ userId: string; type: string; targetId: string }>({
  name: 'Follow',
  table: {
    pk: (f) => `FOLLOWS#${f.userId}`,
    sk: (f) => `FOLLOW#${f.type}#${f.targetId}`,
    shape: ['FOLLOWS#<userId>', 'FOLLOW#<type>#<targetId>'],
    purpose: 'what one person follows',
  },
  example: { userId: 'u-1', type: 'territory', targetId: '41704220' },
});

/** The reverse of a follow: one follower of a thing (the home-project notice reads these a page at a time). */
export const followerEntity = defineEntity<{ type: string; targetId: string; userId: string }>({
  name: 'Follower',
  table: {
    pk: (f) => `FOLLOWERS#${f.type}#${f.targetId}`,
    sk: (f) => f.userId,
    shape: ['FOLLOWERS#<type>#<targetId>', '<userId>'],
    purpose: 'who follows one thing',
  },
  example: { type: 'territory', targetId: '41704220', userId: 'u-1' },
});

/** A saved search (the normalised discovery query and a name), in its owner's partition beside the follows. */
export const savedSearchEntity = defineEntity<{ userId: string; searchId: string }>({
  name: 'SavedSearch',
  table: {
    pk: (s) => `FOLLOWS#${s.userId}`,
    sk: (s) => `SAVED#${s.searchId}`,
    shape: ['FOLLOWS#<userId>', 'SAVED#<searchId>'],
    purpose: "one person's saved searches",
  },
  example: { userId: 'u-1', searchId: 's-1' },
});

/** One person's counts (`follows`, `searches`, checked against the caps) and the home rayon last followed for them. */
export const followMetaEntity = defineEntity<{ userId: string }>({
  name: 'FollowMeta',
  table: { pk: (s) => `FOLLOWS#${s.userId}`, sk: () => 'META', shape: ['FOLLOWS#<userId>', 'META'] },
  example: { userId: 'u-1' },
});

/** Shards of the digest job's subscriber list: everyone who follows or saved anything, found without a Scan. */
export const DIGEST_SHARDS = 16;

/** One digest subscriber in shard `hash(userId) % DIGEST_SHARDS`. */
export const digestSubscriberEntity = defineEntity<{ shard: number; userId: string }>({
  name: 'DigestSubscriber',
  untagged: true,
  table: {
    pk: (d) => `DIGESTS#${d.shard}`,
    sk: (d) => d.userId,
    shape: ['DIGESTS#<shard:n>', '<userId>'],
    purpose: 'the weekly digest job reads each shard a page at a time',
  },
  example: { shard: 3, userId: 'u-1' },
});
