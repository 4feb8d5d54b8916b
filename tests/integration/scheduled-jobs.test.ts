import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoRateStore, type Db } from '@mekendesh/db';
import { freshTable } from '../fixtures/db.js';

const SAMPLES = new URL('../../packages/domain/src/test-data/', import.meta.url);
let db: Db;
let drop: () => Promise<void>;
let handlers: typeof import('@mekendesh/jobs/rates');

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  // The scheduled functions read their table from the environment when loaded, as on Lambda.
  process.env.TABLE_NAME = db.tableName;
  process.env.DYNAMODB_ENDPOINT = inject('dynamoEndpoint');
  process.env.AWS_REGION = 'local';
  handlers = await import('@mekendesh/jobs/rates');
});
afterAll(() => drop());

describe('the scheduled rates function', () => {
  it('stores both NBKR feeds as the function fetches them', async () => {
    const files: Record<string, string> = { 'daily.xml': 'daily_sample_2013-12-15.xml', 'weekly.xml': 'weekly_sample_2013-12-14.xml' };
    const out = await handlers.ratesHandler(async (url) => readFileSync(new URL(files[url.split('/').pop()!]!, SAMPLES)));
    expect(out.failed).toEqual([]);
    expect(out.loaded).toHaveLength(2);
    expect((await new DynamoRateStore(db).tablesUpTo('2013-12-16', 10)).length).toBeGreaterThan(0);
  });

  it('keeps the stored rates when a feed is broken, and fails loudly when none loads', async () => {
    const before = await new DynamoRateStore(db).tablesUpTo('2013-12-16', 10);
    await expect(handlers.ratesHandler(async () => new TextEncoder().encode('<html>maintenance</html>'))).rejects.toThrow(
      /no NBKR feed loaded/,
    );
    expect(await new DynamoRateStore(db).tablesUpTo('2013-12-16', 10)).toEqual(before);
  });
});
