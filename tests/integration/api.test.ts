import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProjectListSchema, ProjectSchema, TerritoryListSchema } from '@mekendesh/contracts';
import { seedProjects, type Db } from '@mekendesh/db';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeProject } from '../fixtures/projects.js';

let db: Db;
let drop: () => Promise<void>;
let app: ReturnType<typeof createApp>;
const live = makeProject();
const draft = makeProject({ status: 'draft', publishedAt: null });

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [], projects: [live, draft] });
  app = createApp(composeWithDb(db, noIdentity()));
});
afterAll(() => drop());

describe('the API on DynamoDB Local', () => {
  it('reports health after asking the database', async () => {
    const res = await app.request('/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('lists published projects in the contract shape', async () => {
    const res = await app.request('/v1/projects?limit=5');
    expect(res.status).toBe(200);
    const body = ProjectListSchema.parse(await res.json());
    expect(body.items.map((p) => p.id)).toEqual([live.id]);
  });

  it('serves a published project and hides a draft behind a 404', async () => {
    const ok = await app.request(`/v1/projects/${live.id}`);
    expect(ProjectSchema.parse(await ok.json()).id).toBe(live.id);
    const hidden = await app.request(`/v1/projects/${draft.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves all 64 territories', async () => {
    const body = TerritoryListSchema.parse(await (await app.request('/v1/territories')).json());
    expect(body.items.filter((t) => t.level === 1)).toHaveLength(9);
    expect(body.items.filter((t) => t.level === 2)).toHaveLength(55);
  });

  it('answers 503 problem+json when the database is gone', async () => {
    const { createDb } = await import('@mekendesh/db');
    const dead = createApp(
      composeWithDb(createDb({ tableName: 'no-such-table', endpoint: inject('dynamoEndpoint'), region: 'local' }), noIdentity()),
    );
    const res = await dead.request('/v1/health');
    expect(res.status).toBe(503);
    expect((await res.json()).type).toMatch(/unavailable$/);
  });
});
