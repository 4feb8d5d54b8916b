import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DynamoDigestSource, DynamoMailQueue, seedProjects, type Db } from '@mekendesh/db';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeOrganisation, makeProject } from '../fixtures/projects.js';
import { composeHomeNotices } from '@mekendesh/jobs/home-notices';
import { staffDashboard } from '@mekendesh/domain';

let db: Db;
let drop: () => Promise<void>;
const commands: string[] = [];
const project = makeProject();

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  await seedProjects(db, { organisations: [makeOrganisation({ id: project.organisationId })], projects: [project] });
  // Record the name of every command the API sends to DynamoDB.
  db.raw.middlewareStack.add(
    (next, context) => (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
});
afterAll(() => drop());

describe('request paths', () => {
  it('read through keys and indexes, never a Scan, on every GET route of the app', async () => {
    const app = createApp(composeWithDb(db, noIdentity()));
    const getPaths = app.routes
      .filter((r) => r.method === 'GET' && !r.path.includes('*') && !r.path.includes('/docs'))
      .map((r) => r.path.replace('{id}', project.id).replace(':id', project.id));
    expect(getPaths.length).toBeGreaterThanOrEqual(4);
    for (const path of new Set(getPaths)) {
      const res = await app.request(path);
      expect(res.status, path).toBeLessThan(500);
    }
    // Discovery with its query parameters: every filter, each sort, and search (see discovery.test.ts).
    const discovery = [
      `oblast=${project.oblastSoate}&sector=education&kind=community&pledgeType=donation&sort=closing_soon`,
      `rayon=${project.rayonSoate}&sector=education&state=raising&sort=percent_funded`,
      'q=mektep&kind=community',
      'q=school roof',
    ];
    for (const query of discovery) expect((await app.request(`/v1/projects?${query}`)).status, query).toBe(200);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((c) => /Scan/.test(c))).toEqual([]);
    expect(new Set(commands)).toEqual(new Set(['DescribeTableCommand', 'QueryCommand', 'GetItemCommand', 'BatchGetItemCommand']));
  });

  it("reads an organisation's public projects from its index, never a Scan", async () => {
    const app = createApp(composeWithDb(db, noIdentity()));
    commands.length = 0;
    const res = await app.request(`/v1/organisations/${project.organisationId}/published-projects?limit=5`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([project.id]);
    // The organisation's own partition (404 unless approved), then its projects from its index.
    expect(commands).toEqual(['QueryCommand', 'QueryCommand']);
  });

  it("reads an organisation's unanswered questions from their sparse partition and the questions by key", async () => {
    const store = composeWithDb(db, noIdentity()).questions.questions;
    commands.length = 0;
    await store.unansweredOf({ organisationId: project.organisationId, limit: 200 });
    await store.unansweredOnProject({ organisationId: project.organisationId, projectId: project.id, limit: 50 });
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((c) => /Scan/.test(c))).toEqual([]);
  });

  it('reads questions and pledge messages by key and index only, whoever reads (issue 12)', async () => {
    const deps = composeWithDb(db, noIdentity());
    commands.length = 0;
    const store = deps.questions.questions;
    const projectId = project.id;
    await store.get('q-none');
    await store.publicThread({ projectId, limit: 10 });
    await store.fullThread({ projectId, limit: 10 });
    await store.askedOnProject({ askerId: 'u-none', projectId, limit: 20 });
    await store.askedBy({ askerId: 'u-none', limit: 25 });
    await store.answeredBetween(projectId, '2026-01-05T00:00:00.000Z', '2026-01-12T00:00:00.000Z', 20);
    await deps.pledgeMessages.projectMessages({ projectId, limit: 20 });
    expect(new Set(commands)).toEqual(new Set(['QueryCommand', 'GetItemCommand']));
  });

  it('reads follows, followers and the digest sources by key only (issue 12)', async () => {
    const deps = composeWithDb(db, noIdentity());
    const source = new DynamoDigestSource(db);
    commands.length = 0;
    const store = deps.follows.follows;
    await store.list('u-none');
    await store.homeRayon('u-none');
    await store.followers({ type: 'territory', targetId: project.rayonSoate!, homeOnly: true, limit: 100 });
    await deps.follows.names.names([
      { type: 'project', id: project.id },
      { type: 'organisation', id: 'org-none' },
    ]);
    await source.subscribers({ shard: 0, limit: 100 });
    const week = { fromIso: '2025-12-29T18:00:00.000Z', toIso: '2026-01-05T18:00:00.000Z', limit: 50 };
    expect((await source.publishedBetween({ ...week, where: { rayon: project.rayonSoate! } })).map((p) => p.id)).toEqual([project.id]);
    await source.publishedBetween({ ...week, where: { oblast: project.oblastSoate, sector: 'education' } });
    await source.publishedBetween({ ...week, where: {} });
    expect(new Set(commands)).toEqual(new Set(['QueryCommand', 'GetItemCommand', 'BatchGetItemCommand']));
  });

  it('reads clubs, members and club pledges by key and index only (issue 12)', async () => {
    const app = createApp(composeWithDb(db, noIdentity()));
    const store = composeWithDb(db, noIdentity()).clubs.clubs;
    commands.length = 0;
    for (const path of [
      `/v1/clubs?rayon=${project.rayonSoate}`,
      `/v1/clubs?oblast=${project.oblastSoate}`,
      '/v1/clubs/club-none',
      `/v1/projects/${project.id}/clubs`,
    ])
      expect((await app.request(path)).status, path).toBeLessThan(500);
    await store.shownMembers('club-none', { limit: 50 });
    await store.longestStanding('club-none', 'u-none');
    await store.pledgesOfClub('club-none', 50);
    await store.clubsOf('u-none', { limit: 100 });
    await store.membership('club-none', 'u-none');
    await store.getPledge('cp-none');
    // "Support with my club" (GET /v1/me/clubs): one page of memberships, then the clubs by key in one batch.
    await store.getMany(['club-none', 'club-none-2']);
    expect(new Set(commands)).toEqual(new Set(['QueryCommand', 'GetItemCommand', 'BatchGetItemCommand']));
  });

  it('finds stuck mail claims and fans out home notices by key and index only (issue 12, part E)', async () => {
    const settings = { mailDelivery: 'stream' as const, webOrigin: 'https://w.example', apiOrigin: 'https://a.example' };
    const home = composeHomeNotices(db, settings);
    commands.length = 0;
    await new DynamoMailQueue(db).staleClaims('2026-01-05T00:00:00.000Z', 100);
    await home.projects.get(project.id);
    await home.follows.followers({ type: 'territory', targetId: project.rayonSoate!, homeOnly: true, limit: 100 });
    expect(new Set(commands)).toEqual(new Set(['QueryCommand', 'GetItemCommand']));
  });

  it('reads the staff dashboard by key and index only, whatever the filters (issue 13, part A)', async () => {
    const deps = composeWithDb(db, noIdentity());
    const staff = {
      kind: 'user' as const,
      id: 'u-staff',
      roles: ['staff' as const],
      organisationId: null,
      organisationRole: null,
      mfa: true,
    };
    commands.length = 0;
    for (const q of [
      {},
      { oblast: project.oblastSoate },
      { sector: 'education' as const },
      { oblast: project.oblastSoate, sector: 'education' as const },
    ])
      expect((await staffDashboard(deps.dashboard, staff, { from: '2022-01', to: '2026-12', ...q })).pipeline.length).toBeGreaterThan(0);
    expect(new Set(commands)).toEqual(new Set(['QueryCommand']));
  });
});
