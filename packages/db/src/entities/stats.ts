/**
 * The programme's running aggregates for the staff dashboard and the public statistics page (issue 13): money by
 * month in cells of four scopes, and projects by state per oblast and sector. Written beside what they count, in
 * the same transaction; read by key, so no dashboard reads a pledge.
 */
import { defineEntity } from './define.js';

/**
 * One shard of one month of one dashboard scope: flat number attributes `<dimension>.<value>.<field>` (see
 * dashboard-cells.ts), each the sum of a ledger field over the month's entries in the scope. Scopes: `all`,
 * `o:<oblast>`, `s:<sector>`, `os:<oblast>:<sector>`; a period reads one Query of the scope's partition by month.
 * Eight shards (the booking's platform shard), so concurrent bookings rarely meet on one item.
 */
export const dashCellEntity = defineEntity<{ scope: string; month: string; shard: number }>({
  name: 'DashCell',
  table: { pk: (c) => `DASH#${c.scope}`, sk: (c) => `${c.month}#${c.shard}`, shape: ['DASH#<scope*>', '<month>#<shard:n>'] },
  example: { scope: 'os:41704000000000:education', month: '2026-01', shard: 3 },
});
/** The partition of one dashboard scope's cells. */
export const dashScopePartition = (scope: string) => dashCellEntity.pk({ scope, month: '', shard: 0 });

/**
 * Projects of one oblast and sector by lifecycle state: attributes `n.<status>` (count), `b.<status>` (beneficiaries)
 * and `j.<status>` (jobs expected), moved by every project save that changes them. At most 9 x 11 items, one partition.
 */
export const pipelineCellEntity = defineEntity<{ oblastSoate: string; sector: string }>({
  name: 'PipelineCell',
  table: { pk: () => 'STATS#pipeline', sk: (c) => `${c.oblastSoate}#${c.sector}`, shape: ['STATS#pipeline', '<oblastSoate>#<sector>'] },
  example: { oblastSoate: '41704000000000', sector: 'education' },
});
/** The one partition of pipeline cells. */
export const pipelinePartition = () => 'STATS#pipeline';
