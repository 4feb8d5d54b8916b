/**
 * Matchmaking's candidates, by key and index only (docs/matching.md): a few facet lists of published projects
 * (home rayon, home oblast, interest sectors, closing soon, where programmes co-finance), each one Query with a
 * small Limit, de-duplicated; then one BatchGet of the summaries and, for a signed-in investor, their supporter
 * markers beside it; then one BatchGet of the organisations' track records. Items read are bounded by
 * MATCH_READ_LIMITS, whatever the number of projects.
 */
import type { PledgeType } from '@mekendesh/contracts';
import type { CandidatePlan, FacetList, MatchCandidateSource } from '@mekendesh/domain/matching-recommend';
import type { CandidateProject, MatchCandidate } from '@mekendesh/domain/matching';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Project } from '@mekendesh/contracts';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
import { queryOnce, type PartitionQuery } from './dynamo/paged-query.js';
import { facetPartitions, organisationTrackRecordEntity, pick, projectEntity, SUMMARY_FIELDS } from './entities/catalogue.js';
import { completedDelta } from './project-index.js';
import { supporterEntity } from './entities/money.js';

/**
 * Index items each list reads at most. With 3 sectors and 4 co-financed lists (the domain's MAX_SECTOR_READS,
 * MAX_COFINANCED_READS): 20 + 20 + 3 * 10 + 10 + 4 * 5 = 100 candidates at most, one BatchGet (its limit is 100 keys).
 */
export const MATCH_READ_LIMITS = { homeRayon: 20, homeOblast: 20, sector: 10, closingSoon: 10, cofinanced: 5 } as const;

/** What scoring reads of a project besides its summary. */
const CANDIDATE_FIELDS = [...SUMMARY_FIELDS, 'pledgeTypes', 'minimumPledge'] as const;

const PUBLISHED = 'published' as const;

function facetList(l: FacetList): string {
  if (l.oblast && l.sector) return facetPartitions.oblastSector(PUBLISHED, l.oblast, l.sector);
  if (l.oblast) return facetPartitions.oblast(PUBLISHED, l.oblast);
  if (l.sector) return facetPartitions.sector(PUBLISHED, l.sector);
  return facetPartitions.all(PUBLISHED);
}

/** The Queries of a plan with their limits: newest first, but closing soon (gsi3, deadline from today up). */
export function candidateReads(plan: CandidatePlan): { query: PartitionQuery; limit: number }[] {
  const newest = (partition: string, limit: number) => ({ query: { partition, forward: false, fields: ['id'] }, limit });
  return [
    ...(plan.homeRayon ? [newest(facetPartitions.rayon(PUBLISHED, plan.homeRayon), MATCH_READ_LIMITS.homeRayon)] : []),
    ...(plan.homeOblast ? [newest(facetPartitions.oblast(PUBLISHED, plan.homeOblast), MATCH_READ_LIMITS.homeOblast)] : []),
    ...plan.sectors.map((s) => newest(facetPartitions.sector(PUBLISHED, s), MATCH_READ_LIMITS.sector)),
    ...(plan.closingSoon
      ? [
          {
            query: { index: 'gsi3' as const, partition: facetPartitions.all(PUBLISHED), skFrom: plan.today, forward: true, fields: ['id'] },
            limit: MATCH_READ_LIMITS.closingSoon,
          },
        ]
      : []),
    ...plan.cofinanced.map((l) => newest(facetList(l), MATCH_READ_LIMITS.cofinanced)),
  ];
}

/** The candidate source on the table (see the module comment for its reads). */
export class DynamoMatchCandidates implements MatchCandidateSource {
  constructor(private readonly db: Db) {}

  async candidates(plan: CandidatePlan): Promise<MatchCandidate[]> {
    const lists = await Promise.all(candidateReads(plan).map((r) => queryOnce(this.db, r.query, r.limit)));
    const ids = [...new Set(lists.flatMap((out) => (out.Items ?? []).map((i) => String(i.id))))];
    if (ids.length === 0) return [];
    const investorId = plan.investorId;
    const [items, markers] = await Promise.all([
      batchGet(
        this.db,
        ids.map((id) => projectEntity.key({ id })),
        { fields: CANDIDATE_FIELDS },
      ),
      investorId
        ? batchGet(
            this.db,
            ids.map((projectId) => supporterEntity.key({ projectId, investorId })),
            { fields: ['pk'] },
          )
        : Promise.resolve([]),
    ]);
    const supported = new Set(markers.map((m) => String(m.pk)));
    const projects = items.map((i) => pick<CandidateProject>(i, CANDIDATE_FIELDS));
    const records = await this.trackRecords([...new Set(projects.map((p) => p.organisationId))]);
    return projects.map((project) => ({
      project: { ...project, pledgeTypes: (project.pledgeTypes ?? []) as PledgeType[], minimumPledge: Number(project.minimumPledge ?? 0) },
      supported: investorId !== null && supported.has(supporterEntity.key({ projectId: project.id, investorId }).pk),
      ownerCompleted: records.get(project.organisationId) ?? 0,
    }));
  }

  /** Completed projects per organisation, from their running counts (one BatchGet; at most one key per candidate). */
  private async trackRecords(organisationIds: string[]): Promise<Map<string, number>> {
    const items = await batchGet(
      this.db,
      organisationIds.map((organisationId) => organisationTrackRecordEntity.key({ organisationId })),
      { fields: ['organisationId', 'completed'] },
    );
    return new Map(items.map((i) => [String(i.organisationId), Number(i.completed ?? 0)]));
  }
}

/** The change to an organisation's count of completed projects, as the Update of a transaction (ADD: concurrent writers add up). */
export function trackRecordUpdate(db: Db, d: { organisationId: string; completed: number }) {
  return {
    TableName: db.tableName,
    Key: organisationTrackRecordEntity.key(d),
    UpdateExpression: 'ADD completed :c SET organisationId = :o, entity = :e',
    ExpressionAttributeValues: { ':c': d.completed, ':o': d.organisationId, ':e': organisationTrackRecordEntity.name },
  };
}

/** Counts loaded projects that are completed in their organisations' track records (seeding and bulk loads; new projects only). */
export async function addTrackRecords(db: Db, projects: readonly Pick<Project, 'status' | 'organisationId'>[]): Promise<void> {
  const counts = new Map<string, number>();
  for (const p of projects) counts.set(p.organisationId, (counts.get(p.organisationId) ?? 0) + completedDelta(undefined, p));
  const changed = [...counts].filter(([, completed]) => completed !== 0);
  await Promise.all(
    changed.map(([organisationId, completed]) => db.doc.send(new UpdateCommand(trackRecordUpdate(db, { organisationId, completed })))),
  );
}
