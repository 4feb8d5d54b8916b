/**
 * Compatibility names for callers not yet moved to the entity modules (entities/money.ts), which alone build keys.
 * Prefer importing the entity (e.g. pledgeEntity.key({ id })).
 */
import type { Pledge, Programme } from '@mekendesh/contracts';
import type { LedgerEntry } from '@mekendesh/domain';
import * as m from './entities/money.js';

export { PLATFORM_SHARDS } from './entities/money.js';
export { stripKeys } from './entities/define.js';

export const moneyKeys = {
  pledge: (id: string) => m.pledgeEntity.key({ id }),
  pledgeIndexes: (p: Pick<Pledge, 'id' | 'investorId' | 'projectId' | 'createdAt'>) => m.pledgeEntity.indexKeys(p),
  investorPledges: m.investorPledgesPartition,
  projectPledges: m.projectPledgesPartition,
  idempotency: (scope: string, key: string) => m.idempotencyEntity.key({ scope, key }),
  paymentReference: (reference: string) => m.paymentReferenceEntity.key({ reference }),
  supporter: (projectId: string, investorId: string) => m.supporterEntity.key({ projectId, investorId }),
  receipt: (id: string) => m.receiptEntity.key({ id }),
  bookingOnce: (id: string) => m.bookingOnceEntity.key({ id }),
  processedEvent: (provider: string, id: string) => m.processedEventEntity.key({ provider, id }),
  receiptIndexes: (pledgeId: string, bookedAt: string) => m.receiptEntity.indexKeys({ pledgeId, bookedAt }),
  receiptDay: (d: { pledgeId: string; receivedOn: string; amount: { amount: number; currency: string } }) => m.receiptDayEntity.key(d),
  ledger: (e: Pick<LedgerEntry, 'projectId' | 'at' | 'id'>) => m.ledgerEntryEntity.key(e),
  ledgerPartition: m.ledgerPartition,
  ledgerByProgramme: m.programmeMatchesPartition,
  programme: (id: string) => m.programmeEntity.key({ id }),
  programmeIndexes: (p: Pick<Programme, 'id' | 'createdAt'>) => m.programmeEntity.indexKeys(p),
  programmes: m.programmesPartition,
  programmeProject: (programmeId: string, projectId: string) => m.programmeProjectEntity.key({ programmeId, projectId }),
  rates: (date: string, source: 'nbkr' | 'demo' | 'manual') => m.rateTableEntity.key({ date, source }),
  ratesPartition: m.ratesPartition,
  platformShard: (shard: number) => m.platformTotalsEntity.key({ shard }),
  receivingAccount: (id: string) => m.receivingAccountEntity.key({ id }),
  receivingAccounts: m.receivingAccountsPartition,
  activeReceivingAccount: (kind: string, currency: string) => m.activeReceivingAccountEntity.key({ kind, currency }),
  mail: (id: string) => m.mailEntity.key({ id }),
};

export const MONEY_ENTITY = {
  pledge: m.pledgeEntity.name, idempotency: m.idempotencyEntity.name, paymentReference: m.paymentReferenceEntity.name,
  supporter: m.supporterEntity.name, receipt: m.receiptEntity.name, ledger: m.ledgerEntryEntity.name, programme: m.programmeEntity.name,
  programmeProject: m.programmeProjectEntity.name, rates: m.rateTableEntity.name, platform: m.platformTotalsEntity.name,
  bookingOnce: m.bookingOnceEntity.name, processedEvent: m.processedEventEntity.name, receiptDay: m.receiptDayEntity.name,
  receivingAccount: m.receivingAccountEntity.name, activeReceivingAccount: m.activeReceivingAccountEntity.name, mail: m.mailEntity.name,
} as const;
