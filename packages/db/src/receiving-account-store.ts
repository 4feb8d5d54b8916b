import { GetCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ReceivingAccount } from '@mekendesh/contracts';
import { MAX_RECEIVING_ACCOUNTS, type ReceivingAccountStore } from '@mekendesh/domain/receiving-accounts';
import type { AuditEntry } from '@mekendesh/contracts';
import type { Db } from './client.js';
import { queryOnce } from './dynamo/paged-query.js';
import { stripKeys } from './entities/define.js';
import {
  activeReceivingAccountEntity,
  RECEIVING_ACCOUNTS_PREFIX,
  receivingAccountEntity,
  receivingAccountsPartition,
} from './entities/money.js';
import { auditPut, transact } from './transact.js';

type Item = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const CLASH = 'another account of this kind and currency is active, or the account changed meanwhile: reload and try again';

/** The stored item of an account (without its audit or guard). */
export function receivingAccountItem(account: ReceivingAccount): Record<string, unknown> {
  return receivingAccountEntity.item(account);
}

/** The guard of an active account: exists while that account is the active one of its kind and currency. */
function claimActive(db: Db, a: ReceivingAccount): Item {
  return {
    Put: {
      TableName: db.tableName,
      Item: activeReceivingAccountEntity.item(a, { accountId: a.id }),
      ConditionExpression: 'attribute_not_exists(pk) OR accountId = :id',
      ExpressionAttributeValues: { ':id': a.id },
    },
  };
}

function releaseActive(db: Db, a: ReceivingAccount): Item {
  return {
    Delete: {
      TableName: db.tableName,
      Key: activeReceivingAccountEntity.key(a),
      ConditionExpression: 'attribute_not_exists(pk) OR accountId = :id',
      ExpressionAttributeValues: { ':id': a.id },
    },
  };
}

/** Guard writes that move an account from `before` to `after` (either may be absent or inactive). */
function guardItems(db: Db, before: ReceivingAccount | null, after: ReceivingAccount | null): Item[] {
  const slot = (a: ReceivingAccount | null) => (a?.active ? `${a.kind}#${a.currency}` : null);
  if (slot(before) === slot(after)) return [];
  return [...(before?.active ? [releaseActive(db, before)] : []), ...(after?.active ? [claimActive(db, after)] : [])];
}

/**
 * Receiving accounts on DynamoDB: one partition (PAYEES) with an item per account and a guard item per
 * active kind and currency; every change is one transaction with its audit entry.
 */
export class DynamoReceivingAccountStore implements ReceivingAccountStore {
  constructor(private readonly db: Db) {}

  async list(): Promise<ReceivingAccount[]> {
    // Strongly consistent: a staff page reloaded after a save, and the active check before a write, see that save.
    const out = await queryOnce(
      this.db,
      {
        partition: receivingAccountsPartition(),
        skPrefix: RECEIVING_ACCOUNTS_PREFIX,
        forward: true,
        consistent: true,
      },
      MAX_RECEIVING_ACCOUNTS,
    );
    return (out.Items ?? [])
      .map((i) => stripKeys<ReceivingAccount>(i))
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  async get(id: string): Promise<ReceivingAccount | undefined> {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: receivingAccountEntity.key({ id }), ConsistentRead: true }),
    );
    return out.Item ? stripKeys<ReceivingAccount>(out.Item) : undefined;
  }

  async create(input: { account: ReceivingAccount; audit: AuditEntry }): Promise<void> {
    await transact(
      this.db,
      [
        {
          Put: { TableName: this.db.tableName, Item: receivingAccountItem(input.account), ConditionExpression: 'attribute_not_exists(pk)' },
        },
        ...guardItems(this.db, null, input.account),
        auditPut(this.db, input.audit),
      ],
      CLASH,
    );
  }

  async replace(input: { previous: ReceivingAccount; account: ReceivingAccount; audit: AuditEntry }): Promise<void> {
    await transact(
      this.db,
      [
        {
          Put: {
            TableName: this.db.tableName,
            Item: receivingAccountItem(input.account),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': input.previous.version },
          },
        },
        ...guardItems(this.db, input.previous, input.account),
        auditPut(this.db, input.audit),
      ],
      CLASH,
    );
  }

  async remove(input: { previous: ReceivingAccount; audit: AuditEntry }): Promise<void> {
    await transact(
      this.db,
      [
        {
          Delete: {
            TableName: this.db.tableName,
            Key: receivingAccountEntity.key(input.previous),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': input.previous.version },
          },
        },
        ...guardItems(this.db, input.previous, null),
        auditPut(this.db, input.audit),
      ],
      CLASH,
    );
  }
}

/**
 * Loads accounts (demo data, fixtures) unless present: each account with its active guard, all or nothing,
 * skipped when the account exists or its kind and currency already has an active account. Answers how many it wrote.
 */
export async function seedReceivingAccounts(db: Db, accounts: readonly ReceivingAccount[]): Promise<number> {
  let written = 0;
  for (const account of accounts) {
    try {
      await transact(db, [
        { Put: { TableName: db.tableName, Item: receivingAccountItem(account), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...guardItems(db, null, account),
      ]);
      written++;
    } catch (e) {
      if ((e as Error).name !== 'DomainError') throw e;
    }
  }
  return written;
}
