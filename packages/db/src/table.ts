/**
 * The one table definition: key attributes and indexes, derived from the entity declarations
 * (entities/*.ts). The local setup (create-table.ts), the repositories and the CDK stack
 * (infra/lib/data-stack.ts) all read it, so they cannot drift. This module and the entity modules have no
 * runtime dependencies but node:crypto, so that infra can import it without the AWS SDK.
 */
import { ENTITIES, INDEX_NAMES, type IndexName } from './entities/index.js';

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** The entities with items in this index, and what each reads there (kept true by table.test.ts). */
  readonly entities: readonly string[];
}

export interface TableDefinition {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: readonly IndexDefinition[];
  /** Attribute DynamoDB deletes items by (idempotency records, rate-limit windows). */
  readonly timeToLiveAttribute: string;
}

/** The entities with items in an index, by name (each entity declares the indexes it appears in). */
export function entitiesIn(index: IndexName): string[] {
  return ENTITIES.filter((e) => e.spec.indexes?.[index]).map((e) => e.name);
}

/**
 * Which entities share each index (table.test.ts keeps this comment true):
 * - gsi1: Project (by status), Organisation (by review status), Pledge (by investor), Programme (all), Club (by rayon), ClubMember (by person), ClubPledge (by club), Question (public, by project), Supporter (named, sparse), Audit (by actor)
 * - gsi2: Project (by organisation), Pledge (by project), Receipt (by pledge), LedgerEntry (by programme), Audit (by object), Club (by oblast), ClubPledge (by project), ClubMember (by joining), Question (all, by project)
 * - gsi3: ProjectFacet (closing soon), ClubMember (shown, sparse), Question (by asker), Pledge (with a message, by project), QueuedMail (claimed, by claim time), Audit (by action)
 * - gsi4: ProjectFacet (percent funded), Question (answers, by project), Pledge (transfers awaiting payment by oblast; refunds owed)
 * The partition prefixes differ per entity, so no Query on one entity's partition can return another's items.
 */
export const TABLE: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: INDEX_NAMES.filter((name) => entitiesIn(name).length > 0).map((name) => ({
    name,
    partitionKey: `${name}pk`,
    sortKey: `${name}sk`,
    entities: entitiesIn(name),
  })),
  timeToLiveAttribute: 'expiresAt',
};

export const DEFAULT_TABLE_NAME = 'mekendesh';
