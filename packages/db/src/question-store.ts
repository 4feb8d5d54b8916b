import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, PledgeMessage } from '@mekendesh/contracts';
import type { Page } from '@mekendesh/domain/ports';
import type { PledgeMessageReader, QuestionStore, StoredQuestion, UnansweredRef } from '@mekendesh/domain/question-ports';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
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
  unansweredPartition,
  unansweredProjectPrefix,
  unansweredQuestionEntity,
  waitsForAnswer,
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

  /** The question's "waits for an answer" marker put (unanswered, not hidden) or deleted (otherwise), in its transaction. */
  private marker(q: StoredQuestion) {
    const ref = { id: q.id, projectId: q.projectId, organisationId: q.organisationId, askedAt: q.askedAt };
    return waitsForAnswer(q)
      ? { Put: { TableName: this.db.tableName, Item: unansweredQuestionEntity.item(ref) } }
      : { Delete: { TableName: this.db.tableName, Key: unansweredQuestionEntity.key(ref) } };
  }

  async create(q: StoredQuestion): Promise<void> {
    const put = { Put: { TableName: this.db.tableName, Item: this.item(q), ConditionExpression: 'attribute_not_exists(pk)' } };
    await transact(this.db, [put, this.marker(q)], 'the question exists already');
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
    await transact(this.db, [put, this.marker(q), ...(audit ? [auditPut(this.db, audit)] : [])], CHANGED);
  }

  async unansweredOf(input: { organisationId: string; limit: number }): Promise<{ items: UnansweredRef[]; more: boolean }> {
    const limit = Math.min(input.limit, MAX_PAGE_ITEMS);
    const out = await queryOnce(
      this.db,
      { partition: unansweredPartition(input.organisationId), forward: true, fields: ['id', 'projectId', 'askedAt'] },
      limit,
    );
    const items = (out.Items ?? []).map((i) => ({ id: String(i.id), projectId: String(i.projectId), askedAt: String(i.askedAt) }));
    return { items, more: out.LastEvaluatedKey !== undefined };
  }

  async unansweredOnProject(input: { organisationId: string; projectId: string; limit: number }): Promise<StoredQuestion[]> {
    const out = await queryOnce(
      this.db,
      {
        partition: unansweredPartition(input.organisationId),
        skPrefix: unansweredProjectPrefix(input.projectId),
        forward: true,
        fields: ['id'],
      },
      Math.min(input.limit, MAX_PAGE_ITEMS),
    );
    const keys = (out.Items ?? []).map((i) => questionEntity.key({ id: String(i.id) }));
    const byId = new Map((await batchGet(this.db, keys)).map((i) => [String(i.id), toQuestion(i)]));
    // Oldest first, as the markers; a question answered between the two reads is left out.
    return keys.flatMap((_, n) => {
      const q = byId.get(String(out.Items![n]!.id));
      return q && waitsForAnswer(q) ? [q] : [];
    });
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
