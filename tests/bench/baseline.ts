/**
 * The emulator's own cost of growth, measured beside ours: raw DynamoDB calls (no app) on two synthetic
 * partitions written into both discovery tables. `fixed` holds the same FIXED_ITEMS at both sizes, so its
 * ratio is what a bigger table alone costs DynamoDB Local (SQLite's B-tree depth and cache); `scaled` holds one
 * item per SCALED_PER projects, so its ratio adds what a bigger partition costs when a Query reads only its
 * first page. Both are read as the app reads: a Query of PAGE items by key, newest first, and a GetItem.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '@mekendesh/db';
import { writeAll } from './bulk-load.js';

/** Partition keys of the synthetic items: a prefix no app entity uses, so no app read can meet them. */
const partition = (name: 'fixed' | 'scaled') => `BENCHBASE#${name}`;
const FIXED_ITEMS = 200;
const SCALED_PER = 10;
const PAGE = 20;
// About a facet item's size (~0.5 KB), so the raw reads move what a browse page moves.
const PAYLOAD = 'x'.repeat(400);

function* baselineItems(projects: number) {
  for (let i = 0; i < FIXED_ITEMS; i++) yield { pk: partition('fixed'), sk: String(i).padStart(8, '0'), payload: PAYLOAD };
  const scaled = Math.max(PAGE, Math.floor(projects / SCALED_PER));
  for (let i = 0; i < scaled; i++) yield { pk: partition('scaled'), sk: String(i).padStart(8, '0'), payload: PAYLOAD };
}

/** Writes both synthetic partitions for a table of `projects` projects; returns the items written. */
export async function loadBaseline(db: Db, projects: number): Promise<number> {
  return (await writeAll(db, baselineItems(projects), { workers: 8 })).written;
}

/** The raw reads timed at both sizes: `i` picks the item read by GetItem, so no one item stays hot. */
export function baselineOperations(db: Db): Array<[string, (i: number) => Promise<void>]> {
  const query = (name: 'fixed' | 'scaled') => async () => {
    const out = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': partition(name) },
        ScanIndexForward: false,
        Limit: PAGE,
      }),
    );
    if (out.Items?.length !== PAGE) throw new Error(`baseline ${name} partition answered ${out.Items?.length} items`);
  };
  return [
    [`raw Query ${PAGE}, partition of ${FIXED_ITEMS} at both sizes`, query('fixed')],
    [`raw Query ${PAGE}, partition of projects/${SCALED_PER}`, query('scaled')],
    [
      'raw GetItem',
      async (i) => {
        const out = await db.doc.send(
          new GetCommand({ TableName: db.tableName, Key: { pk: partition('fixed'), sk: String(i % FIXED_ITEMS).padStart(8, '0') } }),
        );
        if (!out.Item) throw new Error('baseline item missing');
      },
    ],
  ];
}
