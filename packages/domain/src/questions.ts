import type { AuditEntry, AnswerRequest, ModerationRequest, Project, Question, QuestionList, QuestionRequest } from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { isStaff } from './actor.js';
import type { RateLimiter, UserRepository } from './account-ports.js';
import { DomainError, invalid, notFound } from './errors.js';
import { isPublic } from './lifecycle.js';
import type { Notifier } from './notification-ports.js';
import { authorize } from './policy.js';
import type { ProjectRepository } from './ports.js';
import { answerNotice, newQuestionNotice } from './question-notices.js';
import type { QuestionStore, StoredQuestion } from './question-ports.js';
import { withinWindow } from './rate-limits.js';

export type {
  PledgeMessageReader,
  QuestionStore,
  StoredAnswer,
  StoredModeration,
  StoredQuestion,
  UnansweredRef,
} from './question-ports.js';

/** What questions and answers need (wired once in functions/api composition.ts). */
export interface QuestionDeps {
  questions: QuestionStore;
  projects: Pick<ProjectRepository, 'get'>;
  users: Pick<UserRepository, 'get'>;
  limiter: RateLimiter;
  notifier: Notifier;
  clock: { now(): Date };
  newId(): string;
  /** The web app's origin, for the links in emails. */
  webOrigin: string;
}

/**
 * Questions one person may ask per hour, over all projects (abuse limit, issue 12): a 429 with Retry-After beyond.
 * Generous for a real reader with several questions, small enough that nobody floods officers' inboxes.
 */
export const QUESTIONS_PER_HOUR = 10;
/** A person's own questions shown with a project's thread (their private ones live nowhere else on the page). */
const OWN_ON_PROJECT = 20;

/** Who reads a question: staff see everything, officers of the project's organisation every question of it. */
type Viewer = 'staff' | 'officer' | 'asker' | 'public';

function viewerOf(actor: Actor, q: Pick<StoredQuestion, 'organisationId' | 'askerId'>): Viewer {
  if (actor.kind === 'anonymous') return 'public';
  if (isStaff(actor)) return 'staff';
  if (actor.organisationId === q.organisationId) return 'officer';
  return q.askerId !== null && actor.id === q.askerId ? 'asker' : 'public';
}

/** A private question exists only for its asker, the project's officers and staff (a 404 to anyone else). */
const mayRead = (viewer: Viewer, q: StoredQuestion) => q.visibility === 'public' || viewer !== 'public';

/**
 * A question as this reader may see it: a hidden question's text and the moderators' reason only to staff and to
 * its asker (who should know what was hidden and why; issue 12 review), others read "hidden by moderators"; a hidden
 * answer's text and reason only to staff; the asker's name only when they chose to show it, and on a hidden question
 * only to the asker and staff.
 */
export function questionView(q: StoredQuestion, actor: Actor): Question {
  const viewer = viewerOf(actor, q);
  const staff = viewer === 'staff';
  const ownerOrStaff = staff || viewer === 'asker';
  const a = q.answer;
  return {
    id: q.id,
    projectId: q.projectId,
    askedAt: q.askedAt,
    visibility: q.visibility,
    text: q.hidden && !ownerOrStaff ? null : q.text,
    // A hidden question names no one to the public (issue 12 review): only its asker and staff see who asked.
    askerName: q.hidden && !ownerOrStaff ? null : q.askerName,
    mine: actor.kind === 'user' && q.askerId === actor.id,
    hidden: q.hidden,
    moderation: ownerOrStaff && q.moderation ? { at: q.moderation.at, reason: q.moderation.reason } : null,
    answer: a
      ? {
          text: a.hidden && !staff ? null : a.text,
          answeredAt: a.answeredAt,
          editedAt: a.editedAt,
          hidden: a.hidden,
          moderation: staff && a.moderation ? { at: a.moderation.at, reason: a.moderation.reason } : null,
        }
      : null,
    version: q.version,
  };
}

/** A project anyone may read (published or later), or staff and its own officers; a 404 otherwise. */
async function readableProject(deps: Pick<QuestionDeps, 'projects'>, actor: Actor, projectId: string): Promise<Project> {
  const project = await deps.projects.get(projectId);
  const member = actor.kind === 'user' && (isStaff(actor) || actor.organisationId === project?.organisationId);
  if (!project || (!isPublic(project.status) && !member)) throw notFound('project');
  return project;
}

/**
 * An investor asks a question on a public project (published or later). Staff moderate and officers of the project's
 * organisation answer, so neither asks (403). At most QUESTIONS_PER_HOUR per person (429). The officers are emailed
 * (`new_question`, once per question); a notice that fails leaves the question asked (`notified: false`).
 * Errors: 401 anonymous, 404 no such public project, 403, 429.
 * @example await askQuestion(deps, actor, { projectId: 'prj-1', request: { text: 'When do works start?', visibility: 'public', showName: true } })
 */
export async function askQuestion(
  deps: QuestionDeps,
  actor: Actor,
  input: { projectId: string; request: QuestionRequest },
): Promise<{ question: Question; notified: boolean }> {
  authorize(actor, { action: 'account:use' });
  const project = await deps.projects.get(input.projectId);
  if (!project || !isPublic(project.status)) throw notFound('project');
  if (isStaff(actor) || actor.organisationId === project.organisationId)
    throw new DomainError('forbidden', 'staff and the project’s own officers do not ask it questions', [], {
      en: 'The programme office and the project’s own officers answer questions here; they do not ask them.',
      ru: 'Офис программы и сотрудники самого проекта здесь отвечают на вопросы, а не задают их.',
      ky: 'Программанын кеңсеси жана долбоордун өз кызматкерлери бул жерде суроолорго жооп беришет, суроо беришпейт.',
    });
  await withinWindow(deps.limiter, { key: `question:hour:${actor.id}`, limit: QUESTIONS_PER_HOUR, windowSeconds: 3600 });
  const user = input.request.showName ? await deps.users.get(actor.id) : undefined;
  const question: StoredQuestion = {
    id: deps.newId(),
    projectId: project.id,
    organisationId: project.organisationId,
    askedAt: deps.clock.now().toISOString(),
    visibility: input.request.visibility,
    text: input.request.text,
    askerId: actor.id,
    askerName: user?.profile.displayName ?? null,
    hidden: false,
    moderation: null,
    answer: null,
    version: 1,
  };
  await deps.questions.create(question);
  const notice = newQuestionNotice({
    webOrigin: deps.webOrigin,
    projectId: project.id,
    projectTitle: project.title,
    questionId: question.id,
    text: question.text,
    visibility: question.visibility,
  });
  const notified = await deps.notifier.notifyOrganisation(project.organisationId, notice).then(
    () => true,
    () => false,
  );
  return { question: questionView(question, actor), notified };
}

/**
 * A project's questions, newest first, a bounded page at a time: everyone reads the public thread (gsi1); the
 * project's officers and staff read every question (gsi2). Errors: 404 when the project is not readable.
 */
export async function listQuestions(
  deps: Pick<QuestionDeps, 'questions' | 'projects'>,
  actor: Actor,
  input: { projectId: string; limit: number; cursor?: string | undefined },
): Promise<QuestionList> {
  const project = await readableProject(deps, actor, input.projectId);
  const viewer = viewerOf(actor, { organisationId: project.organisationId, askerId: null });
  const page = { projectId: project.id, limit: input.limit, ...(input.cursor ? { cursor: input.cursor } : {}) };
  const read = viewer === 'public' ? await deps.questions.publicThread(page) : await deps.questions.fullThread(page);
  return {
    items: read.items.map((q) => questionView(q, actor)),
    nextCursor: read.nextCursor,
    viewer: viewer === 'staff' ? 'staff' : viewer === 'officer' ? 'officer' : 'public',
  };
}

/** The signed-in person's own questions on a project, newest first (at most 20): where their private ones show. */
export async function myQuestionsOnProject(
  deps: Pick<QuestionDeps, 'questions' | 'projects'>,
  actor: Actor,
  projectId: string,
): Promise<Question[]> {
  authorize(actor, { action: 'account:use' });
  const project = await readableProject(deps, actor, projectId);
  const mine = await deps.questions.askedOnProject({ askerId: actor.id, projectId: project.id, limit: OWN_ON_PROJECT });
  return mine.map((q) => questionView(q, actor));
}

/**
 * One question, if this reader may see it (a private one: its asker, the project's officers, staff) on a project they
 * may read (readableProject: a project no longer public keeps its thread to its officers and staff, as listQuestions
 * does); 404 otherwise.
 */
export async function getQuestion(deps: Pick<QuestionDeps, 'questions' | 'projects'>, actor: Actor, id: string): Promise<Question> {
  const q = await deps.questions.get(id);
  if (!q || !mayRead(viewerOf(actor, q), q)) throw notFound('question');
  await readableProject(deps, actor, q.projectId).catch((e: unknown) => {
    throw e instanceof DomainError && e.kind === 'not_found' ? notFound('question') : e;
  });
  return questionView(q, actor);
}

/**
 * An officer of the project's organisation answers, or edits the answer (answeredAt kept, editedAt set). The asker is
 * emailed once (`answer`, about `answer-<id>`: an edit sends nothing new). Errors: 404 (no such question, or not
 * visible), 403 (not an officer of the project's organisation), 409 (changed meanwhile).
 */
export async function answerQuestion(
  deps: QuestionDeps,
  actor: Actor,
  input: { questionId: string; request: AnswerRequest },
): Promise<{ question: Question; notified: boolean }> {
  authorize(actor, { action: 'account:use' });
  const q = await deps.questions.get(input.questionId);
  const viewer = q ? viewerOf(actor, q) : 'public';
  if (!q || !mayRead(viewer, q)) throw notFound('question');
  if (viewer !== 'officer')
    throw new DomainError('forbidden', 'only the project’s officers answer its questions', [], {
      en: 'Only the project’s officers answer its questions.',
      ru: 'На вопросы о проекте отвечают только его сотрудники.',
      ky: 'Долбоор тууралуу суроолорго анын кызматкерлери гана жооп берет.',
    });
  const now = deps.clock.now().toISOString();
  const answer = q.answer
    ? { ...q.answer, text: input.request.text, editedAt: now, answeredBy: actor.id }
    : { text: input.request.text, answeredAt: now, editedAt: null, answeredBy: actor.id, hidden: false, moderation: null };
  const next: StoredQuestion = { ...q, answer, version: q.version + 1 };
  await deps.questions.save(next, q.version);
  const notified = q.askerId && !q.answer ? await notifyAnswer(deps, next, q.askerId) : true;
  return { question: questionView(next, actor), notified };
}

async function notifyAnswer(deps: QuestionDeps, q: StoredQuestion, askerId: string): Promise<boolean> {
  try {
    const project = await deps.projects.get(q.projectId);
    if (!project || !q.answer) return false;
    const notice = answerNotice({
      webOrigin: deps.webOrigin,
      projectId: q.projectId,
      projectTitle: project.title,
      questionId: q.id,
      askerId,
      question: q.text,
      answer: q.answer.text,
    });
    await deps.notifier.notify(notice);
    return true;
  } catch {
    return false;
  }
}

/**
 * Staff hide (or show again) a question or its answer with a reason; the change and its audit entry are one
 * transaction (action `question.hide`, `question.unhide`, `answer.hide`, `answer.unhide`). Asking for the state it is
 * already in changes nothing. Errors: 403 not staff, 404 no such question, 400 on `target` when there is no answer.
 */
export async function moderateQuestion(
  deps: Pick<QuestionDeps, 'questions' | 'clock' | 'newId'>,
  actor: Actor,
  input: { questionId: string; request: ModerationRequest },
): Promise<Question> {
  authorize(actor, { action: 'audit:read' });
  const staff: UserActor = actor;
  const q = await deps.questions.get(input.questionId);
  if (!q) throw notFound('question');
  const { target, hidden, reason } = input.request;
  if (target === 'answer' && !q.answer) throw invalid('target', 'the question has no answer yet');
  const current = target === 'answer' ? q.answer!.hidden : q.hidden;
  if (current === hidden) return questionView(q, actor);
  const at = deps.clock.now().toISOString();
  const moderation = hidden ? { at, by: staff.id, reason } : null;
  const next: StoredQuestion =
    target === 'answer'
      ? { ...q, answer: { ...q.answer!, hidden, moderation }, version: q.version + 1 }
      : { ...q, hidden, moderation, version: q.version + 1 };
  const audit: AuditEntry = {
    id: deps.newId(),
    at,
    actorId: staff.id,
    actorRoles: [...staff.roles],
    action: `${target}.${hidden ? 'hide' : 'unhide'}`,
    objectType: 'question',
    objectId: q.id,
    reason,
    before: { hidden: current },
    after: { hidden },
  };
  await deps.questions.save(next, q.version, audit);
  return questionView(next, actor);
}

/** Questions anonymised per page of account deletion: small, so one page's writes stay well inside a request. */
const ANONYMISE_PAGE = 25;

/**
 * Account deletion (issue 12): the person's questions keep their text but lose the name and the link to the account
 * (askerId, askerName null; they leave the asker's index). Bounded: pages of 25 through the asker's index (gsi3).
 * Idempotent: a second run finds nothing. Errors: 409 when a question changed meanwhile (asking again finishes it).
 * @returns how many questions were anonymised
 */
export async function anonymiseQuestions(deps: { questions: Pick<QuestionStore, 'askedBy' | 'save'> }, askerId: string): Promise<number> {
  let count = 0;
  for (;;) {
    // Each write takes the question out of the index being read, so the first page is read again until empty.
    const page = await deps.questions.askedBy({ askerId, limit: ANONYMISE_PAGE });
    for (const q of page.items) {
      await deps.questions.save({ ...q, askerId: null, askerName: null, version: q.version + 1 }, q.version);
      count++;
    }
    if (page.items.length === 0 || page.nextCursor === null) return count;
  }
}
