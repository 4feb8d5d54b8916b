import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, PledgeMessage } from '@mekendesh/contracts';
import type { Page, PledgeMessageReader, QuestionStore, StoredQuestion } from '@mekendesh/domain';
import type { Db } from './client.js';
import { pagedQuery, queryOnce, MAX_PAGE_ITEMS } from './dynamo/paged-query.js';
import { stripKeys } from './entities/define.js';
import { projectPledgeMessagesPartition } from './entities/money.js';
import {
  allQuestionsPartition,
  askerProjectPrefix,
  askerQuestionsPartition,
  publicAnswersPartition,
  publicQuestionsPartition,
  questionEntity,
} from './entities/questions.js';
import { auditPut, transact } from './transact.js';

const CHANGED = 'the question changed meanwhile: read it again';
const toQuestion = (item: Record<string, unknown>) => stripKeys<StoredQuestion>(item);
const pageOf = (p: { items: Record<string, unknown>[]; nextCursor: string | null }): Page<StoredQuestion> => ({
  items: p.items.map(toQuestion),
  nextCursor: p.nextCursor,
});

/** Questions on DynamoDB (entities/questions.ts): one item each, its index keys recomputed from it on every write. */
export class DynamoQuestionStore implements QuestionStore {
  constructor(private readonly db: Db) {}

  private item(q: StoredQuestion) {
    return questionEntity.item(q, q);
  }

  async create(q: StoredQuestion): Promise<void> {
    await this.db.doc.send(
      new PutCommand({ TableName: this.db.tableName, Item: this.item(q), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
  }

  async get(id: string): Promise<StoredQuestion | undefined> {
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.tableName, Key: questionEntity.key({ id }), ConsistentRead: true }),
    );
    return out.Item ? toQuestion(out.Item) : undefined;
  }

  async save(q: StoredQuestion, previousVersion: number, audit?: AuditEntry): Promise<void> {
    const put = {
      Put: {
        TableName: this.db.tableName,
        Item: this.item(q),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': previousVersion },
      },
    };
    await transact(this.db, audit ? [put, auditPut(this.db, audit)] : [put], CHANGED);
  }

  async publicThread(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<StoredQuestion>> {
    return pageOf(
      await pagedQuery(this.db, { index: 'gsi1', partition: publicQuestionsPartition(input.projectId), forward: false }, input),
    );
  }

  async fullThread(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<StoredQuestion>> {
    return pageOf(await pagedQuery(this.db, { index: 'gsi2', partition: allQuestionsPartition(input.projectId), forward: false }, input));
  }

  async askedOnProject(input: { askerId: string; projectId: string; limit: number }): Promise<StoredQuestion[]> {
    const q = { index: 'gsi3' as const, partition: askerQuestionsPartition(input.askerId), skPrefix: askerProjectPrefix(input.projectId) };
    const out = await queryOnce(this.db, { ...q, forward: false }, Math.min(input.limit, MAX_PAGE_ITEMS));
    return (out.Items ?? []).map(toQuestion);
  }

  async askedBy(input: { askerId: string; limit: number; cursor?: string }): Promise<Page<StoredQuestion>> {
    return pageOf(await pagedQuery(this.db, { index: 'gsi3', partition: askerQuestionsPartition(input.askerId), forward: false }, input));
  }

  async answeredBetween(projectId: string, fromIso: string, toIso: string, limit: number): Promise<StoredQuestion[]> {
    // Ascending from the window's start, at most `limit`: what lies past its end is dropped, never read further.
    const out = await queryOnce(
      this.db,
      { index: 'gsi4', partition: publicAnswersPartition(projectId), skFrom: fromIso, forward: true },
      Math.max(1, Math.min(limit, MAX_PAGE_ITEMS)),
    );
    return (out.Items ?? []).map(toQuestion).filter((q) => q.answer !== null && q.answer.answeredAt < toIso);
  }
}

const PLEDGE_FIELDS = ['id', 'createdAt', 'message', 'display', 'displayName'] as const;

/**
 * Pledge messages from the sparse pledges-with-a-message index (gsi3 of pledgeEntity), newest first: every item read
 * is one to show, so a page holds `limit` messages unless the list ends there.
 */
export class DynamoPledgeMessages implements PledgeMessageReader {
  constructor(private readonly db: Db) {}

  async projectMessages(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<PledgeMessage>> {
    const page = await pagedQuery(
      this.db,
      { index: 'gsi3', partition: projectPledgeMessagesPartition(input.projectId), forward: false, fields: PLEDGE_FIELDS },
      input,
    );
    const items = page.items.map((p) => ({
      pledgeId: String(p.id),
      createdAt: String(p.createdAt),
      message: String(p.message),
      supporterName: p.display === 'name' && typeof p.displayName === 'string' ? p.displayName : null,
    }));
    return { items, nextCursor: page.nextCursor };
  }
}
