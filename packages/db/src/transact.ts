import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '@mekendesh/contracts';
import { DomainError } from '@mekendesh/domain';
import type { Db } from './client.js';
import { ENTITY, keys } from './keys.js';

type Items = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * All-or-nothing writes. A failed condition becomes a 409 naming what conflicted, so callers never
 * see half a change.
 */
export async function transact(db: Db, items: Items, conflictMessage = 'the object changed meanwhile'): Promise<void> {
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (e) {
    if (e instanceof TransactionCanceledException && e.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
      throw new DomainError('conflict', conflictMessage);
    }
    throw e;
  }
}

/** The audit entry as a Put in the same transaction as the change it records. */
export function auditPut(db: Db, entry: AuditEntry): Items[number] {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.audit(entry.at, entry.id), entity: ENTITY.audit, gsi2pk: `AUDITOBJ#${entry.objectType}#${entry.objectId}`, gsi2sk: entry.at, ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
