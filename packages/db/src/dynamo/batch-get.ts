import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.js';
import { projectionOf } from '../entities/catalogue.js';

type Item = Record<string, unknown>;
type Key = { pk: string; sk: string };

/** Keys of one BatchGetItem at most (DynamoDB's limit). */
const CHUNK = 100;
/** Rounds of unprocessed keys before giving up; with the backoff below about 10 s. */
const MAX_ATTEMPTS = 9;
const pause = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 20 * 2 ** attempt));

async function getChunk(
  db: Db,
  keys: Key[],
  options: { consistent?: boolean; projection?: ReturnType<typeof projectionOf> },
): Promise<Item[]> {
  const items: Item[] = [];
  let pending: Item[] | undefined = keys;
  for (let attempt = 0; pending?.length; attempt++) {
    if (attempt >= MAX_ATTEMPTS) throw new Error('DynamoDB kept returning unprocessed keys');
    if (attempt) await pause(attempt);
    const out: BatchGetCommandOutput = await db.doc.send(
      new BatchGetCommand({
        RequestItems: { [db.tableName]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}), ...options.projection } },
      }),
    );
    items.push(...(out.Responses?.[db.tableName] ?? []));
    pending = out.UnprocessedKeys?.[db.tableName]?.Keys;
  }
  return items;
}

/**
 * Items by key with BatchGetItem: chunks of 100, unprocessed keys retried with jittered backoff (at most 9
 * rounds, then an Error). Answers the found items in the order of `keys` (missing ones left out).
 * `fields`: only these attributes (pk and sk are always read, to order the answer).
 * @example const [a, b] = await batchGet(db, [project.key({ id: 'a' }), project.key({ id: 'b' })], { consistent: true });
 */
export async function batchGet(
  db: Db,
  keys: readonly Key[],
  options: { consistent?: boolean; fields?: readonly string[] } = {},
): Promise<Item[]> {
  if (keys.length === 0) return [];
  const projection = options.fields ? projectionOf([...new Set(['pk', 'sk', ...options.fields])]) : undefined;
  // A key asked twice in one request is a ValidationException: each is read once.
  const unique = [...new Map(keys.map((k) => [`${k.pk}\n${k.sk}`, { pk: k.pk, sk: k.sk }])).values()];
  const chunks: Key[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) chunks.push(unique.slice(i, i + CHUNK));
  const found = new Map<string, Item>();
  for (const items of await Promise.all(chunks.map((c) => getChunk(db, c, { ...options, ...(projection ? { projection } : {}) })))) {
    for (const item of items) found.set(`${String(item.pk)}\n${String(item.sk)}`, item);
  }
  return keys.flatMap((k) => {
    const item = found.get(`${k.pk}\n${k.sk}`);
    return item ? [item] : [];
  });
}
