import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Organisation } from '@mekendesh/contracts';
import type { Db } from './client.js';
import { ENTITY, keys } from './keys.js';

export function organisationItem(org: Organisation): Record<string, unknown> {
  return { ...keys.organisation(org.id), entity: ENTITY.organisation, ...org };
}

export class DynamoOrganisationRepository {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<Organisation | undefined> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: keys.organisation(id) }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _e, ...org } = out.Item;
    return org as Organisation;
  }

  async create(org: Organisation): Promise<void> {
    await this.db.doc.send(
      new PutCommand({ TableName: this.db.tableName, Item: organisationItem(org), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }
}
