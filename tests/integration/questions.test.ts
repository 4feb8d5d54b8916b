import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRates, seedProjects } from '@mekendesh/db';
import { bishkekDay } from '@mekendesh/domain';
import { authStack, newConfirmedInvestor, newUserInGroup, post, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';

/** Questions and answers (issue 12): who sees a private question, bad input, moderation in the audit log, the emails. */
let s: AuthStack;
let staff: string;
let officer: string;
let officerEmail: string;
let asker: string;
let askerEmail: string;
let other: string;
let projectId: string;

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await s.app.request(`/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { items?: { id: string }[] } };
}

async function officerOfNewOrganisation(): Promise<{ token: string; email: string; organisationId: string }> {
  const email = await newConfirmedInvestor(s.app, 'officer');
  const applied = await post(
    s.app,
    '/organisations',
    {
      name: { en: 'Questions ayil okmotu' },
      kind: 'ayil_okmotu',
      territorySoate: '41704220000000',
      applicantPosition: 'Head',
      contactPhone: '+996 700 111 222',
      contactEmail: 'q@example.kg',
    },
    await signInToken(s.app, email),
  );
  const { id } = (await applied.json()) as { id: string };
  expect((await post(s.app, `/organisations/${id}/approve`, {}, staff)).status).toBe(200);
  // Signed in after approval: the officer group is in new tokens only.
  return { token: await signInToken(s.app, email), email, organisationId: id };
}

const ask = (body: unknown, token = asker) => call('POST', `/projects/${projectId}/questions`, token, body);
const mails = async (to: string) => (await s.deps.outbox!.latest(100)).filter((m) => m.to === to);

beforeAll(async () => {
  s = await authStack();
  staff = await signInToken(s.app, await newUserInGroup('staff', 'q-staff'));
  const o = await officerOfNewOrganisation();
  officer = o.token;
  officerEmail = o.email;
  askerEmail = await newConfirmedInvestor(s.app, 'asker');
  asker = await signInToken(s.app, askerEmail);
  // The asker reads Russian: the answer's email must come in Russian.
  expect((await call('PUT', '/me/profile', asker, { displayName: 'Айгуль', locale: 'ru' })).status).toBe(200);
  other = await signInToken(s.app, await newConfirmedInvestor(s.app, 'other'));
  const project = makeProject({ organisationId: o.organisationId });
  await seedProjects(s.db, { organisations: [], projects: [project] });
  projectId = project.id;
}, 120_000);
afterAll(() => s.drop());

describe('questions', () => {
  it('shows a private question to its asker, the project’s officers and staff, and nobody else', async () => {
    const asked = await ask({ text: 'How much does the roof cost?', visibility: 'private', showName: true });
    expect(asked.status).toBe(201);
    const id = asked.body.id as string;
    expect(asked.body).toMatchObject({ visibility: 'private', askerName: 'Айгуль', mine: true, answer: null });
    for (const [who, token, status] of [
      ['asker', asker, 200],
      ['officer', officer, 200],
      ['staff', staff, 200],
      ['another investor', other, 404],
      ['nobody', undefined, 404],
    ] as const) {
      expect((await call('GET', `/questions/${id}`, token)).status, who).toBe(status);
    }
    expect((await call('GET', `/projects/${projectId}/questions`)).body.items!.map((q) => q.id)).not.toContain(id);
    expect((await call('GET', `/projects/${projectId}/questions`, other)).body.items!.map((q) => q.id)).not.toContain(id);
    const officers = await call('GET', `/projects/${projectId}/questions`, officer);
    expect(officers.body).toMatchObject({ viewer: 'officer' });
    expect(officers.body.items!.map((q) => q.id)).toContain(id);
    expect((await call('GET', `/projects/${projectId}/questions/mine`, asker)).body.items!.map((q) => q.id)).toContain(id);
    // The officers were told, in their language (English at sign-up).
    expect((await mails(officerEmail)).some((m) => m.subject.startsWith('Mekendesh: a new question on'))).toBe(true);
  });

  it('refuses bad input with 400 naming the field and stores nothing', async () => {
    const before = (await call('GET', `/projects/${projectId}/questions/mine`, asker)).body.items!.length;
    const cases: [unknown, string][] = [
      [{ text: '', visibility: 'public', showName: true }, 'text'],
      [{ text: 'x'.repeat(501), visibility: 'public', showName: true }, 'text'],
      [{ text: 'Fine question', visibility: 'secret', showName: true }, 'visibility'],
      [{ text: 'Fine question', visibility: 'public' }, 'showName'],
    ];
    for (const [body, field] of cases) {
      const res = await ask(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.errors), JSON.stringify(body)).toContain(`"${field}"`);
    }
    expect((await ask({ text: 'Fine question', visibility: 'public', showName: true, askerId: 'x' })).status).toBe(400);
    expect((await call('GET', `/projects/${projectId}/questions/mine`, asker)).body.items!.length).toBe(before);
  });

  it('emails the asker the answer in their language, once, and lets the officer edit it', async () => {
    const { body } = await ask({ text: 'When do the works start?', visibility: 'public', showName: false });
    const id = body.id as string;
    expect(body.askerName).toBeNull();
    const answered = await call('PUT', `/questions/${id}/answer`, officer, { text: 'In May, after the snow.' });
    expect(answered.status).toBe(200);
    expect(answered.body.answer).toMatchObject({ text: 'In May, after the snow.', editedAt: null });
    const edited = await call('PUT', `/questions/${id}/answer`, officer, { text: 'In early May.' });
    expect(edited.body.answer).toMatchObject({ text: 'In early May.', editedAt: expect.any(String) });
    const notices = (await mails(askerEmail)).filter((m) => m.text.includes('When do the works start?'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toMatch(/^Мекендеш: на ваш вопрос по проекту «Крыша школы \d+» ответили$/);
    expect(notices[0]!.text).toContain('In May, after the snow.');
    // Another investor cannot answer, even a public question.
    expect((await call('PUT', `/questions/${id}/answer`, other, { text: 'Me!' })).status).toBe(403);
  });

  it('hides a question with a reason, audited; the public sees "hidden", staff the text and the reason', async () => {
    const { body } = await ask({ text: 'Rude words here', visibility: 'public', showName: true });
    const id = body.id as string;
    expect((await call('POST', `/questions/${id}/moderation`, staff, { target: 'question', hidden: true })).status).toBe(400);
    const hidden = await call('POST', `/questions/${id}/moderation`, staff, { target: 'question', hidden: true, reason: 'Abusive words' });
    expect(hidden.status).toBe(200);
    const audit = await call('GET', '/audit?limit=20', staff);
    const entry = (audit.body.items as unknown as { action: string; objectId: string; reason: string }[]).find((e) => e.objectId === id);
    expect(entry).toMatchObject({ action: 'question.hide', reason: 'Abusive words' });
    const publicView = (await call('GET', `/projects/${projectId}/questions`)).body.items!.find((q) => q.id === id);
    expect(publicView).toMatchObject({ hidden: true, text: null, moderation: null });
    // Its asker reads what was hidden and why; another investor does not.
    expect(await call('GET', `/questions/${id}`, asker)).toMatchObject({
      body: { hidden: true, text: 'Rude words here', moderation: { reason: 'Abusive words' } },
    });
    expect(await call('GET', `/questions/${id}`, other)).toMatchObject({ body: { hidden: true, text: null, moderation: null } });
    expect(await call('GET', `/questions/${id}`, staff)).toMatchObject({
      body: { text: 'Rude words here', moderation: { reason: 'Abusive words' } },
    });
    const shown = await call('POST', `/questions/${id}/moderation`, staff, { target: 'question', hidden: false, reason: 'Reviewed again' });
    expect(shown.body).toMatchObject({ hidden: false, text: 'Rude words here' });
    // An answer that does not exist cannot be hidden: 400 on target.
    const none = await call('POST', `/questions/${id}/moderation`, staff, { target: 'answer', hidden: true, reason: 'Abusive words' });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body.errors)).toContain('"target"');
  });

  it('gives the digest a project’s public answers in a time window, hidden ones left out', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const { body } = await ask({ text: 'Digest question', visibility: 'public', showName: true });
    await call('PUT', `/questions/${body.id as string}/answer`, officer, { text: 'Digest answer' });
    const priv = await ask({ text: 'Private digest question', visibility: 'private', showName: true });
    await call('PUT', `/questions/${priv.body.id as string}/answer`, officer, { text: 'Private answer' });
    const to = new Date(Date.now() + 60_000).toISOString();
    const store = s.deps.questions.questions;
    const window = await store.answeredBetween(projectId, from, to, 20);
    expect(window.map((q) => q.answer?.text)).toContain('Digest answer');
    expect(window.map((q) => q.answer?.text)).not.toContain('Private answer');
    expect(await store.answeredBetween(projectId, to, new Date(Date.now() + 120_000).toISOString(), 20)).toEqual([]);
  });

  it('sends a pledge’s message to the officers and shows it to them, named only if the supporter chose to be', async () => {
    await seedDemoRates(s.db, bishkekDay(new Date()));
    const pledge = async (display: 'name' | 'anonymous', message: string) => {
      const res = await s.app.request(`/v1/projects/${projectId}/pledges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${asker}`, 'idempotency-key': `q-${display}-${Date.now()}` },
        body: JSON.stringify({
          type: 'donation',
          amount: { amount: 100_000, currency: 'KGS' },
          channel: 'bank_transfer',
          display,
          message,
        }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const named = await pledge('name', 'For the children of Kara-Suu');
    const anonymous = await pledge('anonymous', 'From a neighbour');
    const list = await call('GET', `/projects/${projectId}/pledge-messages`, officer);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      { pledgeId: anonymous, createdAt: expect.any(String), message: 'From a neighbour', supporterName: null },
      { pledgeId: named, createdAt: expect.any(String), message: 'For the children of Kara-Suu', supporterName: 'Айгуль' },
    ]);
    const notices = (await mails(officerEmail)).filter((m) => m.subject.includes('came with a message'));
    expect(notices.map((m) => m.text).join('\n')).toContain('From: Айгуль');
    expect(notices).toHaveLength(2);
    expect((await call('GET', `/projects/${projectId}/pledge-messages`, other)).status).toBe(403);
  });

  it('anonymises the questions of a deleted account: the text stays, the name goes', async () => {
    const email = await newConfirmedInvestor(s.app, 'leaver');
    const token = await signInToken(s.app, email);
    const { body } = await ask({ text: 'A question before leaving', visibility: 'public', showName: true }, token);
    expect(body.askerName).toBe('Test leaver');
    expect((await call('DELETE', '/me', token)).status).toBe(200);
    expect((await call('GET', `/questions/${body.id as string}`, staff)).body).toMatchObject({
      text: 'A question before leaving',
      askerName: null,
      mine: false,
    });
  });
});
