import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, type Db } from '@mekendesh/db';
import { freshTable } from '../fixtures/db.js';

let db: Db;
let drop: () => Promise<void>;

// Keys that start with the prefix, with next characters from every UTF-8 length and both ends of the BMP:
// a prefix is read as a BETWEEN range (paged-query.ts), which must find each of them and nothing else.
const PREFIX = 'мек';
const INSIDE = ['', 'a', '#1', 'ен', '\u00ff', '\u0800', '\ud7ff', '\ue000', '\uffee', '\uffff', '😀', '\u{10fffd}x'].map(
  (s) => PREFIX + s,
);
const OUTSIDE = ['ме', 'мей', 'мел', 'меk', 'z', ''.padEnd(3, '\uffff'), '😀'];

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  for (const sk of [...INSIDE, ...OUTSIDE]) {
    if (sk === '') continue;
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { pk: 'PREFIXTEST', sk } }));
  }
});
afterAll(() => drop());

describe('a sort key prefix read as a range on DynamoDB Local', () => {
  it('finds every key that starts with the prefix, whatever character follows, and no other', async () => {
    const found: string[] = [];
    for await (const item of queryAll(db, { partition: 'PREFIXTEST', skPrefix: PREFIX, forward: true })) found.push(String(item.sk));
    expect(found.sort()).toEqual(INSIDE.sort());
  });
});
