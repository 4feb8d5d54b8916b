import type { PledgeMessageList, PledgeView, Project } from '@mekendesh/contracts';
import type { Actor } from './actor.js';
import { isStaff } from './actor.js';
import { DomainError, notFound } from './errors.js';
import type { Notifier } from './notification-ports.js';
import { authorize } from './policy.js';
import type { ProjectRepository } from './ports.js';
import { pledgeMessageNotice } from './question-notices.js';
import type { PledgeMessageReader } from './question-ports.js';

/**
 * A project's pledge messages for its officers (issue 12: "pledge messages reach the officers"), newest first, read
 * from the project's pledges that carry one (an index of those only), a bounded page at a time; the supporter named
 * only if they chose to be.
 * Errors: 401 anonymous, 404 no such project, 403 neither an officer of its organisation nor staff.
 */
export async function listPledgeMessages(
  deps: { projects: Pick<ProjectRepository, 'get'>; pledgeMessages: PledgeMessageReader },
  actor: Actor,
  input: { projectId: string; limit: number; cursor?: string | undefined },
): Promise<PledgeMessageList> {
  authorize(actor, { action: 'account:use' });
  const project = await deps.projects.get(input.projectId);
  if (!project) throw notFound('project');
  if (!isStaff(actor) && actor.organisationId !== project.organisationId)
    throw new DomainError('forbidden', 'only the project’s officers and staff read its pledge messages', [], {
      en: 'Only the project’s officers and the programme office read the messages that come with pledges.',
      ru: 'Сообщения к взносам читают только сотрудники проекта и офис программы.',
      ky: 'Салымдарга тиркелген билдирүүлөрдү долбоордун кызматкерлери жана программанын кеңсеси гана окуйт.',
    });
  return deps.pledgeMessages.projectMessages({
    projectId: project.id,
    limit: input.limit,
    ...(input.cursor ? { cursor: input.cursor } : {}),
  });
}

/**
 * After a pledge with a message is committed (never inside its transaction: the pledge path stays as fast), the
 * project's officers are emailed it (`pledge_message`, about `pledge-<id>`, so a retried request sends once). The
 * supporter is named only if they chose to be. `project` is the one the pledge read, when the caller holds it.
 * Never throws: the pledge stands whatever happens to its notice; answers whether the notice went out.
 */
export async function notifyPledgeMessage(
  deps: { projects: Pick<ProjectRepository, 'get'>; notifier: Notifier; webOrigin: string },
  input: { pledge: Pick<PledgeView, 'id' | 'projectId' | 'message' | 'display' | 'displayName'>; project?: Project | undefined },
): Promise<boolean> {
  const { pledge } = input;
  if (!pledge.message) return false;
  try {
    const project = input.project ?? (await deps.projects.get(pledge.projectId));
    if (!project) return false;
    const notice = pledgeMessageNotice({
      webOrigin: deps.webOrigin,
      projectId: project.id,
      projectTitle: project.title,
      pledgeId: pledge.id,
      message: pledge.message,
      supporterName: pledge.display === 'name' ? pledge.displayName : null,
    });
    await deps.notifier.notifyOrganisation(project.organisationId, notice);
    return true;
  } catch {
    return false;
  }
}
