import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoProjectRepository, seedProjects, type Db } from '@mekendesh/db';
import { DomainError } from '@mekendesh/domain';
import { freshTable } from '../fixtures/db.js';
import { makeOrganisation, makeProject } from '../fixtures/projects.js';

let db: Db;
let drop: () => Promise<void>;
let repo: DynamoProjectRepository;

const published = Array.from({ length: 23 }, () => makeProject());
const hidden = [makeProject({ status: 'draft', publishedAt: null }), makeProject({ status: 'in_review', publishedAt: null })];

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  repo = new DynamoProjectRepository(db);
  await seedProjects(db, { organisations: [makeOrganisation()], projects: [...published, ...hidden] });
});
afterAll(() => drop());

describe('project repository on DynamoDB Local', () => {
  it('pages through published projects newest first, each exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await repo.listByStatus({ status: 'published', limit: 10, cursor });
      expect(page.items.length).toBeLessThanOrEqual(10);
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    const expected = [...published].sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!)).map((p) => p.id);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it('never lists drafts or projects under review', async () => {
    const page = await repo.listByStatus({ status: 'published', limit: 50 });
    const ids = new Set(page.items.map((p) => p.id));
    for (const p of hidden) expect(ids.has(p.id)).toBe(false);
  });

  it('returns summaries without storage keys, and full projects by id', async () => {
    const page = await repo.listByStatus({ status: 'published', limit: 1 });
    expect(Object.keys(page.items[0]!)).not.toContain('pk');
    expect(page.items[0]).not.toHaveProperty('description');
    const full = await repo.get(published[0]!.id);
    expect(full).toEqual(published[0]);
    expect(await repo.get('prj-missing')).toBeUndefined();
  });

  it('refuses a tampered cursor or one from another list', async () => {
    const tampered = Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', gsi1pk: 'STATUS#draft', gsi1sk: 'z' })).toString('base64url');
    await expect(repo.listByStatus({ status: 'published', limit: 5, cursor: tampered })).rejects.toBeInstanceOf(DomainError);
    await expect(repo.listByStatus({ status: 'published', limit: 5, cursor: 'not-base64-json' })).rejects.toBeInstanceOf(DomainError);
  });

  it('refuses to create a project over an existing one', async () => {
    await expect(repo.create(published[0]!)).rejects.toThrow(/exists/);
  });
});
