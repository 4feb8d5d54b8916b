/**
 * The home-district notice in the cloud's shape (issue 12, part E), on DynamoDB Local: with MAIL_DELIVERY=stream a staff
 * approval only commits; the table's REAL stream records, handed to the home-notice function, queue one notice per home
 * follower (250 of them: three pages of the reverse list), which the mail function then sends, each once; the same
 * records handed again (a retried batch) and the stream's later records queue and send nothing more.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ProfileSchema, type Role } from '@mekendesh/contracts';
import { createApp } from '@mekendesh/api/app';
import { composeWithDb } from '@mekendesh/api/composition';
import { DynamoFollowStore, DynamoOutbox, DynamoUserRepository, seedProjects, type Db } from '@mekendesh/db';
import type { TokenVerifier } from '@mekendesh/domain';
import { composeMail } from '@mekendesh/jobs/composition';
import { deliverRecords } from '@mekendesh/jobs/mail';
import { composeHomeNotices, noticeRecords, publishedProjectId } from '@mekendesh/jobs/home-notices';
import { freshTable } from '../fixtures/db.js';
import { noIdentity } from '../fixtures/identity.js';
import { makeOrganisation, makeProject } from '../fixtures/projects.js';
import { localStreams, streamRecords } from '../fixtures/streams.js';

const JUMGAL = '41704230000000';
const HOME_FOLLOWERS = 250;
const organisation = makeOrganisation({ territorySoate: JUMGAL });
const submitted = makeProject({ organisationId: organisation.id, rayonSoate: JUMGAL, status: 'submitted', publishedAt: null });
const already = makeProject({ organisationId: organisation.id, rayonSoate: JUMGAL });

let db: Db;
let drop: () => Promise<void>;
let streams: ReturnType<typeof localStreams>;

const verifier: TokenVerifier = {
  verify: async () => ({ userId: 'staff-1', roles: ['staff' as Role], issuedAt: Math.floor(Date.now() / 1000) - 60 }),
};
const settings = { mailDelivery: 'stream' as const, webOrigin: 'https://mekendesh.example', apiOrigin: 'https://api.mekendesh.example' };
const homeMails = async () =>
  (await new DynamoOutbox(db, () => 'x').latest(1000)).filter((m) => m.text.includes(`/projects/${submitted.id}`));

async function user(id: string) {
  await new DynamoUserRepository(db).ensure({
    id,
    email: `${id}@example.kg`,
    profile: ProfileSchema.parse({ displayName: id, locale: id.endsWith('-ky') ? 'ky' : 'ru' }),
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

async function person(id: string, source: 'home' | 'manual', off: boolean = false) {
  await user(id);
  if (off) await new DynamoUserRepository(db).turnNotificationOff({ id, kind: 'home_project' });
  await new DynamoFollowStore(db).follow({
    userId: id,
    follow: { type: 'territory', targetId: JUMGAL, source, followedAt: '2026-02-01T00:00:00.000Z' },
    cap: 200,
  });
}

beforeAll(async () => {
  ({ db, drop } = await freshTable(inject('dynamoEndpoint')));
  streams = localStreams(inject('dynamoEndpoint'));
  await seedProjects(db, { organisations: [organisation], projects: [submitted, already] });
  for (let i = 0; i < HOME_FOLLOWERS; i += 25) {
    await Promise.all(
      Array.from({ length: 25 }, (_, j) => person(`home-${String(i + j).padStart(3, '0')}-${j % 2 ? 'ky' : 'ru'}`, 'home')),
    );
  }
  await user('staff-1');
  // Staff powers need two-step sign-in (issue 14): this staff account has passed it, as a code answer records.
  await new DynamoUserRepository(db).setTwoStep({ id: 'staff-1', at: Math.floor(Date.now() / 1000) });
  await person('plain', 'manual');
  await person('quiet', 'home', true);
}, 120_000);
afterAll(async () => {
  streams?.destroy();
  await drop();
});

describe('the home-district notice by stream', () => {
  it('leaves the approval request to its transaction, then queues and sends one notice per home follower, once', async () => {
    const app = createApp(composeWithDb(db, { ...noIdentity(), verifier }, { mailDelivery: 'stream' }));
    const approve = await app.request(`/v1/projects/${submitted.id}/review`, {
      method: 'POST',
      headers: { authorization: 'Bearer staff-token-for-staff-1', 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect(approve.status, await approve.clone().text()).toBe(200);
    const records = await streamRecords(streams, db);
    // The request queued no notice: nothing about the project is in the queue's records yet.
    expect(records.filter((r) => r.dynamodb?.NewImage?.entity?.S === 'QueuedMail')).toEqual([]);
    // Of everything the table wrote (users, follows, the seeded published project, facets, audit), one record is a publication.
    expect(records.map(publishedProjectId).filter(Boolean)).toEqual([submitted.id]);

    const deps = composeHomeNotices(db, settings);
    expect(await noticeRecords(deps, records)).toEqual({ batchItemFailures: [] });
    const queued = (await streamRecords(streams, db)).filter((r) => r.dynamodb?.NewImage?.entity?.S === 'QueuedMail');
    expect(queued).toHaveLength(HOME_FOLLOWERS);
    expect(new Set(queued.map((r) => r.dynamodb!.NewImage!.status!.S))).toEqual(new Set(['pending']));

    // A retried batch queues nothing twice.
    expect(await noticeRecords(deps, records)).toEqual({ batchItemFailures: [] });
    const all = await streamRecords(streams, db);
    expect(all.filter((r) => r.dynamodb?.NewImage?.entity?.S === 'QueuedMail')).toHaveLength(HOME_FOLLOWERS);

    // The mail function sends them: one each, in the reader's language; neither the plain follower nor the one who
    // turned the kind off; a second pass over every record sends nothing more.
    const mail = composeMail(db, new DynamoOutbox(db, () => crypto.randomUUID()));
    expect(await deliverRecords(mail, all)).toEqual({ batchItemFailures: [] });
    expect(await deliverRecords(mail, await streamRecords(streams, db))).toEqual({ batchItemFailures: [] });
    const sent = await homeMails();
    expect(sent).toHaveLength(HOME_FOLLOWERS);
    expect(new Set(sent.map((m) => m.to)).size).toBe(HOME_FOLLOWERS);
    expect(sent.map((m) => m.to)).not.toContain('plain@example.kg');
    expect(sent.map((m) => m.to)).not.toContain('quiet@example.kg');
    expect(sent.find((m) => m.to === 'home-001-ky@example.kg')!.subject).toBe(`Туулган жериңизде жаңы долбоор: ${submitted.title.ky}`);
    expect(sent.find((m) => m.to === 'home-000-ru@example.kg')!.text).toContain(`https://mekendesh.example/ru/projects/${submitted.id}`);
  }, 120_000);
});
