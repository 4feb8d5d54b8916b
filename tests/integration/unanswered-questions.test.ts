import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProjects } from '@mekendesh/db';
import { authStack, newConfirmedInvestor, newUserInGroup, post, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';

/**
 * Officers' unanswered questions (issue 12 review): the sparse UNANSWERED#<organisationId> marker follows each
 * question through asking, answering, hiding and showing again, in the question's own transaction.
 */
let s: AuthStack;
let staff: string;
let officer: string;
let organisationId: string;
let asker: string;
let other: string;
const projectA = makeProject();
const projectB = makeProject();

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await s.app.request(`/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ask = async (projectId: string, text: string, visibility: 'public' | 'private') => {
  const res = await call('POST', `/projects/${projectId}/questions`, asker, { text, visibility, showName: true });
  expect(res.status).toBe(201);
  return res.body.id as string;
};
const backlog = async (projectId?: string, token = officer) =>
  call('GET', `/organisations/${organisationId}/unanswered-questions${projectId ? `?projectId=${projectId}` : ''}`, token);
const countsOf = (body: Record<string, unknown>) =>
  Object.fromEntries((body.counts as { projectId: string; count: number }[]).map((c) => [c.projectId, c.count]));

beforeAll(async () => {
  s = await authStack();
  staff = await signInToken(s.app, await newUserInGroup('staff', 'unanswered-staff'));
  const email = await newConfirmedInvestor(s.app, 'unanswered-officer');
  const applied = await post(
    s.app,
    '/organisations',
    {
      name: { en: 'Backlog ayil okmotu' },
      kind: 'ayil_okmotu',
      territorySoate: '41704220000000',
      applicantPosition: 'Head',
      contactPhone: '+996 700 111 333',
      contactEmail: 'b@example.kg',
    },
    await signInToken(s.app, email),
  );
  organisationId = ((await applied.json()) as { id: string }).id;
  expect((await post(s.app, `/organisations/${organisationId}/approve`, {}, staff)).status).toBe(200);
  officer = await signInToken(s.app, email);
  asker = await signInToken(s.app, await newConfirmedInvestor(s.app, 'unanswered-asker'));
  other = await signInToken(s.app, await newConfirmedInvestor(s.app, 'unanswered-other'));
  Object.assign(projectA, { organisationId });
  Object.assign(projectB, { organisationId });
  await seedProjects(s.db, { organisations: [], projects: [projectA, projectB] });
}, 120_000);
afterAll(() => s.drop());

describe('unanswered questions', () => {
  it('counts per project the questions still waiting, lists one project’s oldest first, and follows answers and moderation', async () => {
    expect(countsOf((await backlog()).body)).toEqual({});
    const first = await ask(projectA.id, 'Who builds the roof?', 'public');
    const secret = await ask(projectA.id, 'Can I pay in roubles?', 'private');
    const rude = await ask(projectA.id, 'Rude words here', 'public');
    await ask(projectB.id, 'When does it open?', 'public');
    expect(countsOf((await backlog()).body)).toEqual({ [projectA.id]: 3, [projectB.id]: 1 });

    expect((await call('PUT', `/questions/${first}/answer`, officer, { text: 'A local firm.' })).status).toBe(200);
    const hide = { target: 'question', hidden: true, reason: 'Abusive words' };
    expect((await call('POST', `/questions/${rude}/moderation`, staff, hide)).status).toBe(200);
    const afterBoth = await backlog(projectA.id);
    expect(afterBoth.status).toBe(200);
    expect(countsOf(afterBoth.body)).toEqual({ [projectA.id]: 1, [projectB.id]: 1 });
    // The officer reads the private one with its text: they answer it.
    expect((afterBoth.body.items as { id: string; text: string }[]).map((q) => [q.id, q.text])).toEqual([
      [secret, 'Can I pay in roubles?'],
    ]);
    expect(afterBoth.body.more).toBe(false);

    // Shown again, unanswered: it waits again, in asking order.
    expect((await call('POST', `/questions/${rude}/moderation`, staff, { ...hide, hidden: false, reason: 'Reviewed' })).status).toBe(200);
    expect(((await backlog(projectA.id)).body.items as { id: string }[]).map((q) => q.id)).toEqual([secret, rude]);
  });

  it('is for the organisation’s officers and staff only', async () => {
    expect((await backlog(undefined, staff)).status).toBe(200);
    expect((await backlog(undefined, other)).status).toBe(403);
    expect((await backlog(undefined, asker)).status).toBe(403);
    expect((await call('GET', `/organisations/${organisationId}/unanswered-questions`)).status).toBe(401);
    expect((await call('GET', `/organisations/${organisationId}/unanswered-questions?projectId=a%20b`, officer)).status).toBe(400);
  });
});
