/** Questions and answers on projects (issue 12): one item per question, its answer and moderation inside it. */
import { defineEntity } from './define.js';

/** What places a question in the indexes: recomputed from the item's own attributes on every write. */
export interface QuestionIndexInput {
  id: string;
  projectId: string;
  askedAt: string;
  visibility: 'public' | 'private';
  /** Null once the asker's account is deleted: the question leaves the asker's index. */
  askerId: string | null;
  hidden: boolean;
  answer: { answeredAt: string; hidden: boolean } | null;
}

/** The gsi1 partition of a project's public questions. */
export const publicQuestionsPartition = (projectId: string) => `QUESTIONS#${projectId}`;
/** The gsi2 partition of all a project's questions. */
export const allQuestionsPartition = (projectId: string) => `QUESTIONSALL#${projectId}`;
/** The gsi3 partition of a person's questions, and the sort-key prefix of those on one project. */
export const askerQuestionsPartition = (askerId: string) => `ASKER#${askerId}`;
export const askerProjectPrefix = (projectId: string) => `${projectId}#`;
/** The gsi4 partition of a project's public answers. */
export const publicAnswersPartition = (projectId: string) => `ANSWERS#${projectId}`;

const shownInPublic = (q: QuestionIndexInput) => q.visibility === 'public';
/** A public, visible question with a visible answer: what a weekly digest may quote. */
const publicAnswer = (q: QuestionIndexInput) => shownInPublic(q) && !q.hidden && q.answer !== null && !q.answer.hidden;

/**
 * A question: by id on the table; gsi1 is a project's public thread (hidden ones included: the page says
 * "hidden by moderators"), gsi2 its whole thread (officers and staff), gsi3 the asker's questions by project
 * (their private ones on a project page; account deletion), gsi4 a project's public answers by answer time
 * (the weekly digest's window). Sparse: a private question is not in gsi1 or gsi4, an anonymised one not in gsi3.
 */
export const questionEntity = defineEntity<{ id: string }, QuestionIndexInput>({
  name: 'Question',
  table: { pk: (q) => `QUESTION#${q.id}`, sk: () => 'QUESTION', shape: ['QUESTION#<id>', 'QUESTION'] },
  indexes: {
    gsi1: {
      pk: (q) => (shownInPublic(q) ? publicQuestionsPartition(q.projectId) : undefined),
      sk: (q) => (shownInPublic(q) ? `${q.askedAt}#${q.id}` : undefined),
      shape: ['QUESTIONS#<projectId>', '<askedAt>#<id>'],
      purpose: "a project's public questions, newest first",
    },
    gsi2: {
      pk: (q) => allQuestionsPartition(q.projectId),
      sk: (q) => `${q.askedAt}#${q.id}`,
      shape: ['QUESTIONSALL#<projectId>', '<askedAt>#<id>'],
      purpose: 'every question of a project (its officers and staff), newest first',
    },
    gsi3: {
      pk: (q) => (q.askerId ? askerQuestionsPartition(q.askerId) : undefined),
      sk: (q) => (q.askerId ? `${q.projectId}#${q.askedAt}#${q.id}` : undefined),
      shape: ['ASKER#<askerId>', '<projectId>#<askedAt>#<id>'],
      purpose: "a person's questions, by project",
    },
    gsi4: {
      pk: (q) => (publicAnswer(q) ? publicAnswersPartition(q.projectId) : undefined),
      sk: (q) => (publicAnswer(q) && q.answer ? `${q.answer.answeredAt}#${q.id}` : undefined),
      shape: ['ANSWERS#<projectId>', '<answeredAt>#<id>'],
      purpose: "a project's public answers by answer time (digests)",
    },
  },
  example: {
    id: 'q-1',
    projectId: 'prj-1',
    askedAt: '2026-01-01T00:00:00.000Z',
    visibility: 'public',
    askerId: 'u-1',
    hidden: false,
    answer: { answeredAt: '2026-01-02T00:00:00.000Z', hidden: false },
  },
});

/** What an officer's "unanswered" list shows of a question: enough to list and link it without reading the question. */
export interface UnansweredInput {
  id: string;
  projectId: string;
  organisationId: string;
  askedAt: string;
}

/** The table partition of an organisation's unanswered questions, and the sort-key prefix of one project's. */
export const unansweredPartition = (organisationId: string) => `UNANSWERED#${organisationId}`;
export const unansweredProjectPrefix = (projectId: string) => `${projectId}#`;

/**
 * Whether a question waits for its officers: not answered and not hidden by moderators (who need no answer).
 * The marker below exists exactly while this holds; the question store puts or deletes it with the question.
 */
export const waitsForAnswer = (q: Pick<QuestionIndexInput, 'hidden' | 'answer'>) => q.answer === null && !q.hidden;

/**
 * A question still waiting for an answer, a sparse marker kept in the same transaction as its Question item (issue 12
 * review: officers see their unanswered questions): one Query of `UNANSWERED#<organisationId>` gives an organisation's
 * whole backlog grouped by project (the counts on its project list), a sort-key prefix one project's. Gone once the
 * question is answered or hidden; back if a hidden, unanswered question is shown again.
 */
export const unansweredQuestionEntity = defineEntity<UnansweredInput>({
  name: 'UnansweredQuestion',
  table: {
    pk: (u) => unansweredPartition(u.organisationId),
    sk: (u) => `${unansweredProjectPrefix(u.projectId)}${u.askedAt}#${u.id}`,
    shape: ['UNANSWERED#<organisationId>', '<projectId>#<askedAt>#<id>'],
    purpose: "an organisation's unanswered questions, by project, oldest first",
  },
  example: { id: 'q-1', projectId: 'prj-1', organisationId: 'org-1', askedAt: '2026-01-01T00:00:00.000Z' },
});
