import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, OblastStats, Project, ProjectStatus, ProjectSummary } from '@mekendesh/contracts';
import type { DiscoveredProject, DiscoveryQuery, Page } from '@mekendesh/domain/ports';
import type { ProjectStore, QueuedProject } from '@mekendesh/domain/project-ports';
import type { Db } from './client.js';
import { pagedQuery } from './dynamo/paged-query.js';
import { stripKeys } from './entities/define.js';
import { pick, projectEntity, projectPartitions, SUMMARY_FIELDS } from './entities/catalogue.js';
import { oblastStatsUpdate, readOblastStats } from './oblast-stats.js';
import { queryDiscovery } from './project-discovery.js';
import { projectWrites } from './project-index.js';
import { trackRecordUpdate } from './match-candidates.js';
import { auditPut, transact } from './transact.js';
import { listByOrganisation, listOldestInStatus, listPublishedPastDeadline } from './project-queues.js';
import { pipelineCellUpdate, pipelineDelta } from './pipeline-cells.js';

/** Actions of one TransactWriteItems call at most. */
const MAX_TRANSACTION_ACTIONS = 100;

export class DynamoProjectRepository implements ProjectStore {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<Project | undefined> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.tableName, Key: projectEntity.key({ id }) }));
    return out.Item ? stripKeys<Project>(out.Item) : undefined;
  }

  async listByStatus(input: { status: 'published'; limit: number; cursor?: string }): Promise<Page<ProjectSummary>> {
    const page = await pagedQuery(
      this.db,
      { index: 'gsi1', partition: projectPartitions.byStatus(input.status), forward: false, fields: SUMMARY_FIELDS },
      input,
    );
    return { items: page.items.map((i) => pick<ProjectSummary>(i, SUMMARY_FIELDS)), nextCursor: page.nextCursor };
  }

  async discover(query: DiscoveryQuery): Promise<Page<DiscoveredProject>> {
    return queryDiscovery(this.db, query);
  }

  async oblastStats(): Promise<OblastStats[]> {
    return readOblastStats(this.db);
  }

  listByOrganisation(input: { organisationId: string; limit: number; cursor?: string }): Promise<Page<QueuedProject>> {
    return listByOrganisation(this.db, input);
  }

  listOldestInStatus(input: { status: ProjectStatus; limit: number; cursor?: string }): Promise<Page<QueuedProject>> {
    return listOldestInStatus(this.db, input);
  }

  listPublishedPastDeadline(input: { today: string; limit: number }): Promise<string[]> {
    return listPublishedPastDeadline(this.db, input);
  }

  /** Creates a project with its index items and oblast totals, all or nothing; 409 if the id exists. */
  async create(project: Project): Promise<void> {
    await this.save(project, undefined);
  }

  /**
   * Stores a new state of a project: main item, index items, removal of stale index items and the change to
   * the oblast totals and the pipeline cells in one transaction. The main item is conditioned on `previous.version` (or on not
   * existing), so a stale writer gets 409 and nothing is half-written. Call it whenever the status, texts,
   * deadline or money of a project change: the percent-funded order reads `raised` from the index items.
   */
  async save(project: Project, previous: Project | undefined, audit: readonly AuditEntry[] = []): Promise<void> {
    const { puts, deletes, stats, completed } = projectWrites(previous, project);
    const [main, ...index] = puts;
    const actions = [
      {
        Put: {
          TableName: this.db.tableName,
          Item: main!,
          // The money fields too: a writer that moved them without a new version must not be overwritten.
          ...(previous
            ? {
                ConditionExpression: 'version = :v AND raised = :r AND pledged = :p',
                ExpressionAttributeValues: { ':v': previous.version, ':r': previous.raised, ':p': previous.pledged },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      ...index.map((Item) => ({ Put: { TableName: this.db.tableName, Item } })),
      ...deletes.map((Key) => ({ Delete: { TableName: this.db.tableName, Key } })),
      ...stats.map((d) => ({ Update: oblastStatsUpdate(this.db, d) })),
      // Matchmaking's "the owner completed N projects": counted in the write that moves a project in or out of completed.
      ...(completed ? [{ Update: trackRecordUpdate(this.db, { organisationId: project.organisationId, completed }) }] : []),
      // The dashboard's pipeline (issue 13): one Update per cell the move touches, merged (one action per item).
      ...[...pipelineDelta(previous, project)].map(([key, cell]) => ({ Update: pipelineCellUpdate(this.db, key, cell) })),
      ...audit.map((entry) => auditPut(this.db, entry)),
    ];
    if (actions.length > MAX_TRANSACTION_ACTIONS) throw new Error(`a project write needs ${actions.length} actions`);
    await transact(this.db, actions, previous ? 'the project changed meanwhile' : 'a project with this id exists');
  }
}
