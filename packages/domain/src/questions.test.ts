import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { getQuestion, questionView, type StoredQuestion } from './questions.js';

const base: StoredQuestion = {
  id: 'q-1',
  projectId: 'prj-1',
  organisationId: 'org-1',
  askedAt: '2026-03-01T10:00:00.000Z',
  visibility: 'private',
  text: 'How much does it cost?',
  askerId: 'u-asker',
  askerName: 'Aigul',
  hidden: false,
  moderation: null,
  answer: null,
  version: 1,
};
const user = (id: string, extra: Partial<Extract<Actor, { kind: 'user' }>> = {}): Actor => ({
  kind: 'user',
  id,
  roles: ['investor'],
  organisationId: null,
  organisationRole: null,
  ...extra,
  mfa: extra.mfa ?? true,
});
const store = (q: StoredQuestion, status = 'published') => ({
  questions: { get: async () => q } as never,
  projects: { get: async () => ({ id: 'prj-1', organisationId: 'org-1', status }) } as never,
});

describe('a private question', () => {
  it.each([
    ['its asker', user('u-asker'), true],
    ['an officer of the project’s organisation', user('u-o', { roles: ['officer'], organisationId: 'org-1' }), true],
    ['staff', user('u-s', { roles: ['staff'] }), true],
    ['another investor', user('u-other'), false],
    ['an officer of another organisation', user('u-y', { roles: ['officer'], organisationId: 'org-2' }), false],
    ['nobody', { kind: 'anonymous' } as Actor, false],
  ])('is seen by %s: %s', async (_who, actor, seen) => {
    const read = getQuestion(store(base), actor, 'q-1');
    if (seen) expect((await read).text).toBe('How much does it cost?');
    else await expect(read).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('a question on a project no longer public', () => {
  it.each([
    ['its asker', user('u-asker'), false],
    ['an officer of the project’s organisation', user('u-o', { roles: ['officer'], organisationId: 'org-1' }), true],
    ['staff', user('u-s', { roles: ['staff'] }), true],
    ['another investor', user('u-other'), false],
    ['nobody', { kind: 'anonymous' } as Actor, false],
  ])('is seen, even public, by %s: %s (as the project’s thread is)', async (_who, actor, seen) => {
    const read = getQuestion(store({ ...base, visibility: 'public' }, 'cancelled'), actor, 'q-1');
    if (seen) expect((await read).text).toBe('How much does it cost?');
    else await expect(read).rejects.toMatchObject({ kind: 'not_found', message: 'question was not found' });
  });
});

describe('a hidden question', () => {
  const hidden: StoredQuestion = {
    ...base,
    visibility: 'public',
    hidden: true,
    moderation: { at: '2026-03-02T00:00:00.000Z', by: 'u-s', reason: 'Abusive' },
  };
  it('shows "hidden" without text or reason to others, and the text and reason to its asker and to staff', () => {
    expect(questionView(hidden, user('u-other'))).toMatchObject({ hidden: true, text: null, moderation: null, mine: false });
    expect(questionView(hidden, user('u-asker'))).toMatchObject({
      text: 'How much does it cost?',
      moderation: { at: '2026-03-02T00:00:00.000Z', reason: 'Abusive' },
      mine: true,
    });
    expect(questionView(hidden, user('u-s', { roles: ['staff'] }))).toMatchObject({
      text: 'How much does it cost?',
      moderation: { at: '2026-03-02T00:00:00.000Z', reason: 'Abusive' },
    });
  });

  it('names its asker only to the asker and staff: not to the public, other investors or the project’s officers', () => {
    for (const actor of [{ kind: 'anonymous' } as Actor, user('u-other'), user('u-o', { roles: ['officer'], organisationId: 'org-1' })])
      expect(questionView(hidden, actor).askerName).toBeNull();
    expect(questionView(hidden, user('u-asker')).askerName).toBe('Aigul');
    expect(questionView(hidden, user('u-s', { roles: ['staff'] })).askerName).toBe('Aigul');
    expect(questionView({ ...hidden, hidden: false, moderation: null }, user('u-other')).askerName).toBe('Aigul');
  });
});
