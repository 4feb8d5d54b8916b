/**
 * The one table definition: key attributes and indexes. The local setup (create-table.ts), the
 * repositories (keys.ts) and the CDK stack (infra/lib/data-stack.ts) all read it, so they cannot drift.
 * This module has no dependencies so that infra can import it without the AWS SDK.
 */
export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly indexes: readonly IndexDefinition[];
  /** Attribute DynamoDB deletes items by (idempotency records, rate-limit windows). */
  readonly timeToLiveAttribute: string;
}

export const TABLE: TableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    // Projects by lifecycle status, newest first: gsi1pk = STATUS#<status>, gsi1sk = <time>#<id>.
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    // Projects of an organisation: gsi2pk = ORG#<id>, gsi2sk = PROJECT#<createdAt>#<id>.
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    // Discovery facet items (project-index.ts), closing soon: gsi3pk = the facet partition, gsi3sk = <deadline>#<id>.
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    // Discovery facet items, percent funded: gsi4pk = the facet partition, gsi4sk = <basis points>#<id>.
    { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ],
  timeToLiveAttribute: 'expiresAt',
};

export const DEFAULT_TABLE_NAME = 'mekendesh';
