import { notifyProjectFunded, projectDecisionNotice } from './transactional-notices.js';
import type { AuditEntry, Project, ProjectReview, ProjectStatus, ProjectStatusChange } from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { bishkekToday } from './bishkek-calendar.js';
import { conflict, DomainError, invalid, invalidIn } from './errors.js';
import { canTransition } from './lifecycle.js';
import { authorize } from './policy.js';
import type { Page } from './ports.js';
import type { ProjectDeps, QueuedProject } from './project-ports.js';
import { loadVisibleProject, projectAudit, withWaiting } from './proposals.js';
import { REPORTING_STATUSES } from './late-reports.js';
import { assertEveryMilestoneReported, markMilestonesDue, unmarkMilestonesDue } from './reports.js';

/** The project moved to `to`, or 409 naming the move the lifecycle does not allow. */
export function transition(deps: Pick<ProjectDeps, 'clock'>, project: Project, to: ProjectStatus, reason: string | null): Project {
  if (!canTransition(project.status, to)) {
    throw new DomainError('conflict', `a ${project.status} project cannot become ${to}`);
  }
  const at = deps.clock.now().toISOString();
  return {
    ...project,
    status: to,
    statusChangedAt: at,
    statusReason: reason,
    updatedAt: at,
    version: project.version + 1,
    ...(to === 'submitted' ? { submittedAt: at } : {}),
    ...(to === 'published' ? { publishedAt: at } : {}),
    ...(to === 'funded' ? { fundedAt: at } : {}),
  };
}

function moveAudit(deps: ProjectDeps, actor: UserActor | null, action: string, from: Project, to: Project): AuditEntry {
  return projectAudit(deps, actor, {
    action,
    projectId: from.id,
    reason: to.statusReason ?? null,
    before: { status: from.status, version: from.version },
    after: { status: to.status, version: to.version },
  });
}

/** Audit names of the officers' moves (issue 13: `project.start`, `project.complete`); other moves are `project.<to>`. */
const MOVE_ACTIONS: Partial<Record<ProjectStatus, string>> = { in_progress: 'project.start', completed: 'project.complete' };

/**
 * After a project became funded: its milestones are marked due (the late-report queue) and its supporters told. The
 * markers are written after the move (idempotent Puts): a failure leaves the project funded and is logged by the caller.
 */
async function afterFunded(deps: ProjectDeps, project: Project): Promise<void> {
  if (project.status !== 'funded') return;
  if (deps.progress) await markMilestonesDue(deps.progress, project);
  if (deps.notices) await notifyProjectFunded(deps.notices, project);
}

/** The officer sends a draft (or a proposal fixed after review) to programme staff. */
export async function submitProject(deps: ProjectDeps, actor: Actor, input: { id: string; note?: string | undefined }): Promise<Project> {
  const project = await loadVisibleProject(deps, actor, input.id, true);
  authorize(actor, { action: 'project:edit', project });
  if (project.deadline <= bishkekToday(deps.clock)) {
    throw invalidIn('deadline', {
      ky: 'Мөөнөт бүгүн же өтүп кеткен (Бишкек убактысы боюнча, UTC+6): адегенде аны кийинки күнгө жылдырыңыз',
      ru: 'Срок — сегодня или уже прошёл (по бишкекскому времени, UTC+6): сначала перенесите его на более поздний день',
      en: 'is today or past (Bishkek time, UTC+6): move it to a later day first',
    });
  }
  const next = transition(deps, project, 'submitted', input.note ?? null);
  await deps.projects.save(next, project, [moveAudit(deps, actor, 'project.submit', project, next)]);
  return next;
}

const DECISIONS = {
  approve: { to: 'published', action: 'project.approve' },
  reject: { to: 'rejected', action: 'project.reject' },
  request_changes: { to: 'changes_requested', action: 'project.request_changes' },
} as const satisfies Record<ProjectReview['decision'], { to: ProjectStatus; action: string }>;

/**
 * Staff decide on a submitted proposal: the review starts (submitted -> in review) and ends with the decision,
 * both moves audited in one transaction. Rejecting and requesting changes need a reason the officer will read.
 */
export async function reviewProject(deps: ProjectDeps, actor: Actor, input: { id: string } & ProjectReview): Promise<Project> {
  const project = await loadVisibleProject(deps, actor, input.id, true);
  authorize(actor, { action: 'project:review' });
  const reason = input.reason?.trim() || null;
  if (input.decision !== 'approve' && (!reason || reason.length < 3)) throw invalid('reason', 'say what is wrong or what to change');
  const audits: AuditEntry[] = [];
  let current = project;
  if (current.status === 'submitted') {
    const started = transition(deps, current, 'in_review', null);
    audits.push(moveAudit(deps, actor, 'project.start_review', current, started));
    current = started;
  }
  const { to, action } = DECISIONS[input.decision];
  const decided = transition(deps, current, to, reason);
  audits.push(moveAudit(deps, actor, action, current, decided));
  await deps.projects.save(decided, project, audits);
  if (deps.notices) {
    const notice = projectDecisionNotice({ project: decided, decision: input.decision, reason, webOrigin: deps.notices.webOrigin });
    await deps.notices.notifier.notifyOrganisation(decided.organisationId, notice).catch(() => []);
  }
  return decided;
}

/** A staff queue: projects in one status, whoever waited longest first, with the waiting time. */
export async function projectQueue(
  deps: ProjectDeps,
  actor: Actor,
  query: { status: ProjectStatus; limit: number; cursor?: string | undefined },
): Promise<Page<QueuedProject & { waitingSeconds: number }>> {
  authorize(actor, { action: 'project:review' });
  const page = await deps.projects.listOldestInStatus({
    status: query.status,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { items: page.items.map((p) => withWaiting(deps, p)), nextCursor: page.nextCursor };
}

/**
 * Moves after publication, and cancelling: funded (staff, once pledges cover the goal), in progress and
 * completed (owners or staff), cancelled (owners before publication, staff at any time).
 */
export async function changeProjectStatus(deps: ProjectDeps, actor: Actor, input: { id: string } & ProjectStatusChange): Promise<Project> {
  const project = await loadVisibleProject(deps, actor, input.id, true);
  authorize(actor, { action: 'project:change-status', project, to: input.to });
  if (input.to === 'funded' && project.pledged < project.goal && project.raised < project.goal) {
    throw conflict('the pledges do not cover the goal yet');
  }
  if (input.to === 'completed' && project.status === 'in_progress' && deps.progress) {
    await assertEveryMilestoneReported(deps.progress, project);
  }
  const next = transition(deps, project, input.to, input.reason);
  await deps.projects.save(next, project, [moveAudit(deps, actor, MOVE_ACTIONS[input.to] ?? `project.${input.to}`, project, next)]);
  await afterFunded(deps, next);
  // A project cancelled after funding reports no more: its milestones leave the late queue (completing needs every report).
  if (next.status === 'cancelled' && REPORTING_STATUSES.includes(project.status) && deps.progress) {
    await unmarkMilestonesDue(deps.progress, project);
  }
  return next;
}

/**
 * What a published project becomes when its deadline has passed: funded if it reached its goal, or if it keeps
 * what it raised and raised something; expired otherwise (all-or-nothing short of the goal: pledges are refunded).
 */
export function afterDeadline(p: Pick<Project, 'raised' | 'goal' | 'fundingModel'>): 'funded' | 'expired' {
  if (p.raised >= p.goal) return 'funded';
  return p.fundingModel === 'keep_what_is_raised' && p.raised > 0 ? 'funded' : 'expired';
}

/**
 * The scheduled job: every published project whose deadline day is before today in Bishkek becomes funded or
 * expired, audited as the platform's act (run at 00:05 Bishkek, the day after a deadline it settles it).
 * Reads a bounded batch per call through the closing-soon index; run it until it returns 0.
 */
export async function settleDeadlines(
  deps: ProjectDeps,
  options: { batch?: number } = {},
): Promise<{ settled: number; expired: number; funded: number }> {
  const ids = await deps.projects.listPublishedPastDeadline({ today: bishkekToday(deps.clock), limit: options.batch ?? 50 });
  const result = { settled: 0, expired: 0, funded: 0 };
  for (const id of ids) {
    const project = await deps.projects.get(id);
    if (!project || project.status !== 'published') continue;
    const to = afterDeadline(project);
    const next = transition(
      deps,
      project,
      to,
      to === 'expired' ? 'the deadline passed before the goal was reached' : 'the deadline passed',
    );
    try {
      await deps.projects.save(next, project, [moveAudit(deps, null, `project.${to}`, project, next)]);
    } catch (e) {
      // A pledge or an edit raced the job: the next run sees the new state.
      if (e instanceof DomainError && e.kind === 'conflict') continue;
      throw e;
    }
    result.settled += 1;
    result[to] += 1;
    await afterFunded(deps, next);
  }
  return result;
}
