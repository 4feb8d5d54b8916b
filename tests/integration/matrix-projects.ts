/**
 * The authorization matrix's rows for proposals, vetting and uploads (issue 4), and the objects they act
 * on: each row gets its own project, so that one actor's success does not change what the next one meets.
 */
import { expect } from 'vitest';
import sharp from 'sharp';
import { seedProjects, type Db } from '@mekendesh/db';
import { post, type AuthStack } from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';
import { draftBody, send } from '../fixtures/proposals.js';

type ActorName = 'nobody' | 'investorA' | 'investorB' | 'officerX' | 'officerY' | 'staff';
type Expect = Record<ActorName, number>;

export interface ProposalWorld {
  forPut: string;
  forUpload: string;
  forComplete: string;
  uploadedKey: string;
  forSubmit: string;
  submitted: string;
  fundedForX: string;
  fundedForStaff: string;
  withPhoto: string;
  photoKey: string;
}

interface MatrixWorld {
  orgX: string;
  proposals?: ProposalWorld;
}

interface ProjectRow {
  expect: Expect;
  request(w: MatrixWorld, actor: ActorName): { method?: string; path: string; body?: unknown };
  check?(w: MatrixWorld, actor: ActorName, body: unknown): void;
}

const hidden = (ok: Partial<Expect>): Expect => ({
  nobody: 401,
  investorA: 404,
  investorB: 404,
  officerX: 404,
  officerY: 404,
  staff: 403,
  ...ok,
});
const p = (w: MatrixWorld) => w.proposals!;

/** A small real PNG, as a phone would send. */
async function tinyPng(width = 64): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await sharp({ create: { width, height: Math.round(width * 0.75), channels: 3, background: '#2a7' } })
      .png()
      .toBuffer(),
  );
}

/** Drafts, a submitted proposal and funded projects of organisation X, and one uploaded (not yet completed) file. */
export async function proposalWorld(
  s: { app: AuthStack['app']; db: Db },
  orgX: string,
  officerX: string,
  staff: string,
): Promise<ProposalWorld> {
  const draft = async () => {
    const res = await post(s.app, '/projects', draftBody(), officerX);
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const [forPut, forUpload, forComplete, forSubmit, submitted] = await Promise.all([draft(), draft(), draft(), draft(), draft()]);
  expect((await send(s.app, 'POST', `/projects/${submitted}/submit`, { token: officerX })).status).toBe(200);
  const png = await tinyPng();
  const ticket = await send(s.app, 'POST', `/projects/${forComplete}/uploads`, {
    token: officerX,
    body: { contentType: 'image/png', size: png.length },
  });
  expect(ticket.status).toBe(201);
  expect((await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: png })).status).toBe(200);
  const photoKey = '01jabcdefghjkmnpqrstvwxyz0.jpg';
  const funded = { organisationId: orgX, status: 'funded' as const, raised: 100_000_000, pledged: 100_000_000 };
  const [fx, fs] = [makeProject(funded), makeProject(funded)];
  const withPhoto = makeProject({ organisationId: orgX });
  withPhoto.attachments = [
    {
      key: photoKey,
      kind: 'photo',
      contentType: 'image/jpeg',
      size: 1000,
      fileName: null,
      variants: [],
      url: `/v1/projects/${withPhoto.id}/media/${photoKey}`,
      uploadedAt: '2026-01-01T00:00:00.000Z',
    },
  ];
  await seedProjects(s.db, { organisations: [], projects: [fx, fs, withPhoto] });
  void staff;
  return {
    forPut,
    forUpload,
    forComplete,
    uploadedKey: ticket.body.key,
    forSubmit,
    submitted,
    fundedForX: fx.id,
    fundedForStaff: fs.id,
    withPhoto: withPhoto.id,
    photoKey,
  };
}

export const PROJECT_ROWS: Record<string, ProjectRow> = {
  'POST /v1/projects': {
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 201, officerY: 201, staff: 403 },
    request: () => ({ method: 'POST', path: '/v1/projects', body: draftBody() }),
  },
  'PUT /v1/projects/:id': {
    expect: hidden({ officerX: 200 }),
    request: (w) => ({ method: 'PUT', path: `/v1/projects/${p(w).forPut}`, body: { ...draftBody({ jobs: 3 }), version: 1 } }),
  },
  'GET /v1/organisations/:id/projects': {
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 200, officerY: 403, staff: 200 },
    request: (w) => ({ path: `/v1/organisations/${w.orgX}/projects` }),
    check: (w, _a, body) =>
      expect((body as { items: { organisationId: string }[] }).items.every((i) => i.organisationId === w.orgX)).toBe(true),
  },
  'POST /v1/projects/:id/uploads': {
    expect: hidden({ officerX: 201 }),
    request: (w) => ({ method: 'POST', path: `/v1/projects/${p(w).forUpload}/uploads`, body: { contentType: 'image/png', size: 2000 } }),
  },
  'POST /v1/projects/:id/uploads/form': {
    expect: hidden({ officerX: 201 }),
    request: (w) => ({
      method: 'POST',
      path: `/v1/projects/${p(w).forUpload}/uploads/form`,
      body: { kind: 'photo', redirectPath: `/ky/organisation/projects/${p(w).forUpload}/uploaded?purpose=cover` },
    }),
  },
  'POST /v1/projects/:id/uploads/:key/complete': {
    expect: hidden({ officerX: 200 }),
    request: (w) => ({ method: 'POST', path: `/v1/projects/${p(w).forComplete}/uploads/${p(w).uploadedKey}/complete`, body: {} }),
  },
  'GET /v1/projects/:id/media/:key': {
    expect: { nobody: 302, investorA: 302, investorB: 302, officerX: 302, officerY: 302, staff: 302 },
    request: (w) => ({ path: `/v1/projects/${p(w).withPhoto}/media/${p(w).photoKey}` }),
  },
  'POST /v1/projects/:id/submit': {
    expect: hidden({ officerX: 200 }),
    request: (w) => ({ method: 'POST', path: `/v1/projects/${p(w).forSubmit}/submit`, body: {} }),
  },
  'GET /v1/staff/projects': {
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 403, officerY: 403, staff: 200 },
    request: () => ({ path: '/v1/staff/projects?status=submitted' }),
  },
  'POST /v1/projects/:id/review': {
    // A staff-only route: every other role is refused 403 before the project is looked up, so the answer
    // is the same for any id and says nothing about an unpublished project.
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 403, officerY: 403, staff: 200 },
    request: (w) => ({
      method: 'POST',
      path: `/v1/projects/${p(w).submitted}/review`,
      body: { decision: 'request_changes', reason: 'Please attach the estimate' },
    }),
  },
  'POST /v1/projects/:id/status': {
    // A public project: others see it (403, not 404), and may not move it.
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 200, officerY: 403, staff: 200 },
    request: (w, actor) => ({
      method: 'POST',
      path: `/v1/projects/${actor === 'staff' ? p(w).fundedForStaff : p(w).fundedForX}/status`,
      body: { to: 'in_progress', reason: 'Works began' },
    }),
  },
};
