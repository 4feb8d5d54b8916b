import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, Disbursement, ProgressReport } from '@mekendesh/contracts';
import type { MilestoneDue, ProjectMoney, ReportStore } from '@mekendesh/domain/report-ports';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { pagedQuery, queryOnce, MAX_PAGE_ITEMS } from './dynamo/paged-query.js';
import { projectEntity } from './entities/catalogue.js';
import { stripKeys } from './entities/define.js';
import { idempotencyEntity } from './entities/money.js';
import {
  DISBURSEMENT_PREFIX,
  disbursementEntity,
  MILESTONE_DUE_PARTITION,
  milestoneDueEntity,
  progressPartition,
  REPORT_PREFIX,
  reportEntity,
} from './entities/reports.js';
import { batchPut } from './seed.js';
import { auditPut, transact } from './transact.js';

const MONEY_FIELDS = [
  'raised',
  'matched',
  'municipality',
  'otherDonors',
  'disbursed',
  'spentDiaspora',
  'spentProgramme',
  'spentMunicipality',
  'spentOther',
  'available',
] as const;

/**
 * Progress reports, disbursements (read here; written by their booking, money-transaction.ts) and milestone-due
 * markers on DynamoDB (entities/reports.ts). Every read is one partition by key: no scan.
 */
export class DynamoReportStore implements ReportStore {
  constructor(private readonly db: Db) {}

  async getReport(projectId: string, id: string): Promise<ProgressReport | undefined> {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: reportEntity.key({ projectId, id }), ConsistentRead: true }),
    );
    return out.Item ? stripKeys<ProgressReport>(out.Item) : undefined;
  }

  async getDisbursement(projectId: string, id: string): Promise<Disbursement | undefined> {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: disbursementEntity.key({ projectId, id }), ConsistentRead: true }),
    );
    return out.Item ? stripKeys<Disbursement>(out.Item) : undefined;
  }

  async idempotencyRecord(scope: string, key: string): Promise<{ hash: string; resultId: string } | undefined> {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: idempotencyEntity.key({ scope, key }), ConsistentRead: true }),
    );
    return out.Item ? { hash: String(out.Item.hash), resultId: String(out.Item.resultId) } : undefined;
  }

  async createReport(report: ProgressReport, audit: AuditEntry, due: MilestoneDue | null): Promise<void> {
    const t = this.db.tableName;
    await transact(
      this.db,
      [
        { Put: { TableName: t, Item: reportEntity.item(report, report), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...(due ? [{ Delete: { TableName: t, Key: milestoneDueEntity.key(due) } }] : []),
        auditPut(this.db, audit),
      ],
      'the report exists already',
    );
  }

  async saveReport(report: ProgressReport, previousVersion: number, audit: AuditEntry): Promise<void> {
    const put = {
      Put: {
        TableName: this.db.tableName,
        Item: reportEntity.item(report, report),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': previousVersion },
      },
    };
    await transact(this.db, [put, auditPut(this.db, audit)], 'the report changed meanwhile: read it again');
  }

  async reports(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<ProgressReport>> {
    const q = { partition: progressPartition(input.projectId), skPrefix: REPORT_PREFIX, forward: false };
    const page = await pagedQuery(this.db, q, input);
    return { items: page.items.map((i) => stripKeys<ProgressReport>(i)), nextCursor: page.nextCursor };
  }

  async disbursements(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<Disbursement>> {
    const q = { partition: progressPartition(input.projectId), skPrefix: DISBURSEMENT_PREFIX, forward: false };
    const page = await pagedQuery(this.db, q, input);
    return { items: page.items.map((i) => stripKeys<Disbursement>(i)), nextCursor: page.nextCursor };
  }

  async reportedMilestones(projectId: string, limit: number): Promise<{ milestoneId: string; status: ProgressReport['status'] }[]> {
    const out = await queryOnce(
      this.db,
      {
        partition: progressPartition(projectId),
        skPrefix: REPORT_PREFIX,
        forward: false,
        fields: ['milestoneId', 'status'],
        consistent: true,
      },
      Math.min(limit, MAX_PAGE_ITEMS),
    );
    return (out.Items ?? []).map((i) => ({ milestoneId: String(i.milestoneId), status: i.status as ProgressReport['status'] }));
  }

  async markDue(items: readonly MilestoneDue[]): Promise<void> {
    if (!items.length) return;
    await batchPut(
      this.db,
      items.map((d) => milestoneDueEntity.item(d)),
    );
  }

  async unmarkDue(items: readonly MilestoneDue[]): Promise<void> {
    // A project has a handful of milestones: one Delete each (idempotent: a missing marker is no error).
    await Promise.all(
      items.map((d) => this.db.doc.send(new DeleteCommand({ TableName: this.db.tableName, Key: milestoneDueEntity.key(d) }))),
    );
  }

  async dueBefore(input: { before: string; limit: number; cursor?: string }): Promise<Page<MilestoneDue>> {
    const page = await pagedQuery(this.db, { partition: MILESTONE_DUE_PARTITION, skBefore: input.before, forward: true }, input);
    return {
      items: page.items.map((i) => ({ projectId: String(i.projectId), milestoneId: String(i.milestoneId), dueDate: String(i.dueDate) })),
      nextCursor: page.nextCursor,
    };
  }

  async projectMoney(projectId: string): Promise<ProjectMoney | undefined> {
    const out = await this.db.doc.send(
      new GetCommand({
        TableName: this.db.tableName,
        Key: projectEntity.key({ id: projectId }),
        ConsistentRead: true,
        ProjectionExpression: MONEY_FIELDS.map((_, i) => `#f${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(MONEY_FIELDS.map((f, i) => [`#f${i}`, f])),
      }),
    );
    if (!out.Item) return undefined;
    return Object.fromEntries(MONEY_FIELDS.map((f) => [f, Number(out.Item![f] ?? 0)])) as unknown as ProjectMoney;
  }
}
