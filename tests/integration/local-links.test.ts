/**
 * Links in emails the local job commands send open at the local API (issue 12, part E): `pnpm dev` and `pnpm jobs:digests`
 * read one cursor secret from `.local/cursor-secret` (scripts/local-jobs.ts), so the digest's one-click unsubscribe link
 * verifies at the API composed as the local stack composes it; an API with another secret (as when each process made
 * its own) refuses it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProfileSchema, type OutboxMessage } from '@mekendesh/contracts';
import { createApp } from '@mekendesh/api/app';
import { composeFromEnv } from '@mekendesh/api/composition';
import { DynamoFollowStore, DynamoOutbox, DynamoUserRepository, seedProjects, type Db } from '@mekendesh/db';
import { digestJob } from '@mekendesh/jobs/digests';
import { freshTable } from '../fixtures/db.js';
import { makeOrganisation, makeProject } from '../fixtures/projects.js';
import { localCursorSecret, localJobDb, localNoticeSettings, localSecretPath } from '../../scripts/local-jobs.js';

const AT_BASHY = '41704220000000';
const organisation = makeOrganisation();
const project = makeProject({ organisationId: organisation.id, rayonSoate: AT_BASHY, publishedAt: '2026-03-04T06:00:00.000Z' });

let db: Db;
let drop: () => Promise<void>;
let root: string;
/** What `pnpm dev` and a job command see: the test's table on DynamoDB Local, nothing else set. */
let env: NodeJS.ProcessEnv;

async function reader(id: string) {
  await new DynamoUserRepository(db).ensure({
    id,
    email: `${id}@example.kg`,
    profile: ProfileSchema.parse({ displayName: id, locale: 'en' }),
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  await new DynamoFollowStore(db).follow({
    userId: id,
    follow: { type: 'territory', targetId: AT_BASHY, source: 'manual', followedAt: '2026-02-01T00:00:00.000Z' },
    cap: 200,
  });
}

const digestTo = async (to: string): Promise<OutboxMessage> => {
  const mails = (await new DynamoOutbox(db, () => 'x').latest(100)).filter((m) => m.to === to);
  expect(mails).toHaveLength(1);
  return mails[0]!;
};
/** The RFC 8058 one-click POST of a mail's List-Unsubscribe URL, at the given app. */
const oneClick = (app: ReturnType<typeof createApp>, mail: OutboxMessage) =>
  app.request(new URL(mail.headers!['List-Unsubscribe']!.slice(1, -1)).pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  root = mkdtempSync(join(tmpdir(), 'mk-local-'));
  env = { TABLE_NAME: db.tableName, DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), AWS_REGION: 'local' };
  await seedProjects(db, { organisations: [organisation], projects: [project] });
  await reader('local-reader');
  await reader('stray-reader');
});
afterAll(async () => {
  rmSync(root, { recursive: true, force: true });
  await drop();
});

describe('the local cursor secret', () => {
  it('is made once, readable by its owner only, and the same for every process that asks', () => {
    const first = localCursorSecret(root);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(localSecretPath(root)).mode & 0o777).toBe(0o600);
    expect(localCursorSecret(root)).toBe(first);
    expect(localJobDb(env, root).cursorSecret).toBe(first);
    // CURSOR_SECRET, when set, wins (a developer's own); the cloud's table never takes the local one.
    expect(localJobDb({ ...env, CURSOR_SECRET: 'mine' }, root).cursorSecret).toBe('mine');
    expect(() => localJobDb({ DYNAMODB_ENDPOINT: 'aws' }, root)).toThrow(/CURSOR_SECRET/);
  });
});

describe('a digest sent by the job command', () => {
  it('carries an unsubscribe link the local API accepts', async () => {
    // The API as `pnpm dev` starts it: CURSOR_SECRET from .local/ (scripts/dev.ts), composed from the environment.
    const api = createApp(composeFromEnv({ ...env, CURSOR_SECRET: localCursorSecret(root) }, { local: true }));
    // The job as `pnpm jobs:digests --week 2026-W10` runs it (scripts/digests.ts), in another process than the API.
    const out = await digestJob(localJobDb(env, root), localNoticeSettings({}), '2026-W10');
    expect(out).toMatchObject({ week: '2026-W10', sent: 2 });
    const mail = await digestTo('local-reader@example.kg');
    expect(mail.headers!['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:8787\/v1\/unsubscribe\/[^>]+>$/);
    expect(mail.text).toContain('http://localhost:5173/en/unsubscribe?t=');
    const res = await oneClick(api, mail);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ kind: 'digest', on: false });

    // An API with another secret (before: each local process made its own) refuses the same link.
    const other = createApp(composeFromEnv({ ...env, CURSOR_SECRET: 'another-api-process' }, { local: true }));
    expect((await oneClick(other, mail)).status).toBe(404);
  });
});
