import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Project, ProjectSummary } from '@mekendesh/contracts';
import type { Page, ProjectRepository } from '@mekendesh/domain';
import type { Db } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ENTITY, keys, projectIndexKeys } from './keys.js';

const SUMMARY_FIELDS = [
  'id', 'slug', 'status', 'organisationId', 'organisationName', 'oblastSoate', 'rayonSoate', 'settlement',
  'title', 'summary', 'languages', 'sector', 'kind', 'goal', 'raised', 'pledged', 'supporters', 'deadline',
  'publishedAt', 'coverUrl',
] as const satisfies readonly (keyof ProjectSummary)[];

const STORAGE_FIELDS = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity']);
const GSI1_CURSOR_KEYS = ['pk', 'sk', 'gsi1pk', 'gsi1sk'] as const;

function toProject(item: Record<string, unknown>): Project {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE_FIELDS.has(k))) as Project;
}

function toSummary(item: Record<string, unknown>): ProjectSummary {
  return Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, item[f] ?? null])) as ProjectSummary;
}

export function projectItem(project: Project): Record<string, unknown> {
  return { ...keys.project(project.id), ...projectIndexKeys(project), entity: ENTITY.project, ...project };
}

export class DynamoProjectRepository implements ProjectRepository {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<Project | undefined> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: keys.project(id) }));
    return out.Item ? toProject(out.Item) : undefined;
  }

  async listByStatus(input: { status: 'published'; limit: number; cursor?: string }): Promise<Page<ProjectSummary>> {
    const partition = keys.projectByStatus(input.status);
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: input.limit,
        ExclusiveStartKey: decodeCursor(input.cursor, GSI1_CURSOR_KEYS, { gsi1pk: partition }),
      }),
    );
    return { items: (out.Items ?? []).map(toSummary), nextCursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /** Creates a project; refuses to overwrite one that exists. */
  async create(project: Project): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tableName,
        Item: projectItem(project),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
}
