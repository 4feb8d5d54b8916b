import type { OblastSectorMoney, PipelineRow, ProgrammeStatsSource } from '@mekendesh/domain/programme-stats';
import type { Db } from './client.js';
import { DASH_FIELDS, type DashField } from './dashboard-cells.js';
import { queryAll } from './dynamo/paged-query.js';
import { dashScopePartition, pipelinePartition } from './entities/stats.js';

/**
 * The public statistics page's reads (issue 13), from running totals only: each oblast's DashCells (scope
 * `o:<oblast>`, every month since the first, summed over the eight shards) broken down by sector, and the
 * pipeline cells (one partition, at most 9 x 11 items). Bounded by oblasts x months x 8 shards, never by entries.
 */
export class DynamoProgrammeStatsSource implements ProgrammeStatsSource {
  constructor(private readonly db: Db) {}

  /** Money per oblast and sector, KGS tyiyn, and the last month booked ('YYYY-MM', null when none). */
  async oblastSectorMoney(oblasts: readonly string[]): Promise<{ rows: OblastSectorMoney[]; through: string | null }> {
    const parts = await Promise.all(oblasts.map((soate) => this.oblastCells(soate)));
    const through = parts.reduce<string | null>((max, p) => (p.through && (!max || p.through > max) ? p.through : max), null);
    return { rows: parts.flatMap((p) => p.rows), through };
  }

  private async oblastCells(soate: string): Promise<{ rows: OblastSectorMoney[]; through: string | null }> {
    const bySector = new Map<string, Record<DashField, number>>();
    let through: string | null = null;
    for await (const item of queryAll(this.db, { partition: dashScopePartition(`o:${soate}`), forward: true })) {
      const month = String(item.sk).split('#')[0]!;
      if (!through || month > through) through = month;
      // Attributes `s.<sector>.<field>`: the oblast scope's breakdown by sector (dashboard-cells.ts).
      for (const [name, value] of Object.entries(item)) {
        const [dim, sector, field] = name.split('.');
        if (dim !== 's' || !sector || !DASH_FIELDS.includes(field as DashField)) continue;
        const sums = bySector.get(sector) ?? (Object.fromEntries(DASH_FIELDS.map((f) => [f, 0])) as Record<DashField, number>);
        sums[field as DashField] += Number(value);
        bySector.set(sector, sums);
      }
    }
    return { rows: [...bySector].map(([sector, sums]) => ({ soate, sector, ...sums })), through };
  }

  /** Every pipeline cell: its oblast, sector and number attributes (`n.<status>`, `b.<status>`, `j.<status>`). */
  async pipeline(): Promise<PipelineRow[]> {
    const rows: PipelineRow[] = [];
    for await (const item of queryAll(this.db, { partition: pipelinePartition(), forward: true })) {
      const [soate, sector] = String(item.sk).split('#');
      const figures: Record<string, number> = {};
      for (const [name, value] of Object.entries(item)) if (typeof value === 'number') figures[name] = value;
      rows.push({ soate: soate!, sector: sector!, figures });
    }
    return rows;
  }
}
