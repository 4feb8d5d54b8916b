import type { Question, UnansweredQuestions } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { authorize } from './policy.js';
import type { QuestionStore } from './question-ports.js';
import { questionView } from './questions.js';

/** Questions one read of an organisation's backlog counts: past it the officers' list says "and more". */
export const UNANSWERED_READ_LIMIT = 200;
/** Questions one project's list shows (oldest first: those waiting longest). */
export const UNANSWERED_ON_PROJECT_LIMIT = 50;

type Deps = { questions: Pick<QuestionStore, 'unansweredOf' | 'unansweredOnProject'> };

/**
 * An organisation's questions still waiting for an answer (issue 12 review), for its officers and staff (403 to
 * others, as the organisation's own project list): the count per project from one bounded read of the sparse
 * unanswered partition (at most UNANSWERED_READ_LIMIT questions; `more` past it), and, with `projectId`, that
 * project's questions themselves (oldest first, at most UNANSWERED_ON_PROJECT_LIMIT), as the officers see them.
 * @example await unansweredQuestions(deps, officer, { organisationId: 'org-1' }) // { counts: [{ projectId: 'prj-1', count: 2 }], more: false, items: [] }
 */
export async function unansweredQuestions(
  deps: Deps,
  actor: Actor,
  input: { organisationId: string; projectId?: string },
): Promise<UnansweredQuestions> {
  authorize(actor, { action: 'project:list-organisation', organisationId: input.organisationId });
  const backlog = await deps.questions.unansweredOf({ organisationId: input.organisationId, limit: UNANSWERED_READ_LIMIT });
  const counts = new Map<string, number>();
  for (const ref of backlog.items) counts.set(ref.projectId, (counts.get(ref.projectId) ?? 0) + 1);
  let items: Question[] = [];
  if (input.projectId) {
    const stored = await deps.questions.unansweredOnProject({
      organisationId: input.organisationId,
      projectId: input.projectId,
      limit: UNANSWERED_ON_PROJECT_LIMIT,
    });
    items = stored.map((q) => questionView(q, actor));
  }
  return { counts: [...counts].map(([projectId, count]) => ({ projectId, count })), more: backlog.more, items };
}
