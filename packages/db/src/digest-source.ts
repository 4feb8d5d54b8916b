import { PUBLIC_STATUSES, type LocalizedText, type Project, type ProjectStatus, type SavedQuery } from '@mekendesh/contracts';
import type { DigestProject, DigestSource } from '@mekendesh/domain/digests';
import type { Page } from '@mekendesh/domain/ports';
import type { Db } from './client.js';
import { batchGet } from './dynamo/batch-get.js';
import { pagedQuery, queryOnce } from './dynamo/paged-query.js';
import { facetPartitions, projectEntity } from './entities/catalogue.js';
import { DIGEST_SHARDS, digestSubscriberEntity } from './entities/follows.js';
import { projectSearchTokens } from './project-index.js';

const DIGEST_FIELDS = [
  'id',
  'status',
  'title',
  'organisationName',
  'settlement',
  'summary',
  'oblastSoate',
  'rayonSoate',
  'sector',
  'kind',
  'pledgeTypes',
  'publishedAt',
] as const;

/** The facet partition of raising projects that best answers `where` (as discovery's browse plan picks it). */
function partitionFor(where: Pick<SavedQuery, 'oblast' | 'rayon' | 'sector'>): string {
  const s = 'published';
  if (where.rayon) return facetPartitions.rayon(s, where.rayon);
  if (where.oblast && where.sector) return facetPartitions.oblastSector(s, where.oblast, where.sector);
  if (where.oblast) return facetPartitions.oblast(s, where.oblast);
  if (where.sector) return facetPartitions.sector(s, where.sector);
  return facetPartitions.all(s);
}

/**
 * The weekly digest's reads (DigestSource): subscriber shards a page at a time, and a week's new projects from the
 * facet index by its time sort key (`<publishedAt>#<id>`, docs/discovery.md): one Query from the week's start, at most
 * `limit` items, then one BatchGet of those projects. No Scan; the cost follows the week's projects, not the table.
 */
export class DynamoDigestSource implements DigestSource {
  readonly shards = DIGEST_SHARDS;
  constructor(private readonly db: Db) {}

  async subscribers(input: { shard: number; limit: number; cursor?: string | undefined }): Promise<Page<string>> {
    const page = await pagedQuery(
      this.db,
      { partition: digestSubscriberEntity.pk({ shard: input.shard, userId: '' }), forward: true },
      { limit: input.limit, cursor: input.cursor },
    );
    return { items: page.items.map((i) => String(i.sk)), nextCursor: page.nextCursor };
  }

  async publishedBetween(input: { where: Pick<SavedQuery, 'oblast' | 'rayon' | 'sector'>; fromIso: string; toIso: string; limit: number }) {
    const out = await queryOnce(
      this.db,
      { partition: partitionFor(input.where), skFrom: input.fromIso, forward: true, fields: ['id', 'sk'] },
      input.limit,
    );
    // The range's upper end: sort keys at or past the week's end belong to a later week.
    const ids = (out.Items ?? []).filter((i) => String(i.sk) < input.toIso).map((i) => String(i.id));
    const items = await batchGet(
      this.db,
      ids.map((id) => projectEntity.key({ id })),
      { fields: DIGEST_FIELDS },
    );
    return items
      .filter((i) => i.status === 'published')
      .map((i): DigestProject => ({
        id: String(i.id),
        title: i.title as LocalizedText,
        oblastSoate: String(i.oblastSoate),
        rayonSoate: (i.rayonSoate as string | null) ?? null,
        sector: i.sector as DigestProject['sector'],
        kind: i.kind as DigestProject['kind'],
        pledgeTypes: (i.pledgeTypes as DigestProject['pledgeTypes']) ?? [],
        publishedAt: String(i.publishedAt),
        words: projectSearchTokens(i as unknown as Project),
      }));
  }

  /** Titles of the projects still public (PUBLIC_STATUSES): a followed project cancelled since is left out, unnamed. */
  async titles(ids: string[]) {
    const items = await batchGet(
      this.db,
      ids.map((id) => projectEntity.key({ id })),
      { fields: ['id', 'title', 'status'] },
    );
    return new Map(
      items.filter((i) => PUBLIC_STATUSES.includes(i.status as ProjectStatus)).map((i) => [String(i.id), i.title as LocalizedText]),
    );
  }
}
