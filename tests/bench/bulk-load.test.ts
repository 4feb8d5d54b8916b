import { describe, expect, it } from 'vitest';
import { batches, writeAll, writeBatch } from './bulk-load.js';

/** A stand-in for the document client: records each BatchWriteItem and hands back the first `unprocessed` puts once. */
function fakeDb(unprocessedOnce = 0) {
  const sent: number[] = [];
  let handedBack = false;
  const doc = {
    send: async (command: { input: { RequestItems: Record<string, unknown[]> } }) => {
      const requests = command.input.RequestItems.t!;
      sent.push(requests.length);
      if (!handedBack && unprocessedOnce) {
        handedBack = true;
        return { UnprocessedItems: { t: requests.slice(0, unprocessedOnce) } };
      }
      return {};
    },
  };
  return { db: { doc, tableName: 't' } as never, sent };
}

describe('bulk load', () => {
  it('splits items into requests of at most 25', () => {
    expect(batches(Array.from({ length: 51 }, (_, i) => i)).map((b) => b.length)).toEqual([25, 25, 1]);
  });

  it('sends again only what DynamoDB handed back unprocessed, after a pause', async () => {
    const { db, sent } = fakeDb(7);
    const pauses: number[] = [];
    const retries = await writeBatch(
      db,
      Array.from({ length: 25 }, (_, i) => ({ pk: `p${i}` })),
      async (ms) => {
        pauses.push(ms);
      },
    );
    expect(sent).toEqual([25, 7]);
    expect(retries).toBe(1);
    expect(pauses).toEqual([50]);
  });

  it('writes every item once across its workers and reports the total', async () => {
    const { db, sent } = fakeDb();
    const progress: number[] = [];
    await writeAll(
      db,
      Array.from({ length: 1_001 }, (_, i) => ({ pk: `p${i}` })),
      { workers: 8, onProgress: (n) => progress.push(n) },
    );
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1_001);
    expect(sent.length).toBe(41);
    expect(progress.at(-1)).toBe(1_001);
  });
});
