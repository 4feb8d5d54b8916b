import {
  type AuditEntry,
  type CorrectionRequest,
  type Locale,
  type LateReport,
  type ProgressReport,
  type Project,
  type ProjectProgress,
  type ReportEdit,
  type ReportRequest,
} from '@mekendesh/contracts';
import type { Actor, UserActor } from './actor.js';
import { bishkekToday, daysBetween } from './bishkek-calendar.js';
import { conflictIn, DomainError, invalidIn, notFound } from './errors.js';
import { lateCutoff, lateMilestones, REPORTING_STATUSES } from './late-reports.js';
import { isPublic } from './lifecycle.js';
import { authorize } from './policy.js';
import type { Page } from './ports.js';
import { NOT_REPORTING_REPORTS, reportingProject } from './disbursements.js';
import { notifyProjectUpdate } from './project-update-notices.js';
import { projectAudit } from './proposals.js';
import type { MilestoneDue, ReportDeps, ReportStore } from './report-ports.js';
import { photosOf } from './report-media.js';
import { dropUnusedReportFiles } from './report-files.js';

/** Reports read to know which milestones have one (milestones are few; a project rarely posts more than this). */
export const MAX_REPORTS_READ = 200;

function reportAudit(deps: ReportDeps, actor: UserActor, action: string, r: ProgressReport, reason: string | null = null): AuditEntry {
  return {
    ...projectAudit({ clock: deps.clock, newId: deps.newId }, actor, { action, projectId: r.projectId, reason }),
    objectType: 'report',
    objectId: r.id,
    after: { projectId: r.projectId, milestoneId: r.milestoneId, status: r.status, version: r.version },
  };
}

function milestoneOf(project: Project, milestoneId: string) {
  const m = project.milestones.find((x) => x.id === milestoneId);
  if (!m) throw invalidIn('milestoneId', { ky: 'Мындай этап жок', ru: 'Такого этапа нет', en: 'no such milestone' });
  return m;
}

/**
 * An officer of the project's organisation posts a progress report against one of its milestones: Markdown text in
 * the description's rules, photos uploaded to the project (photosOf). The milestone's due marker goes and the audit
 * entry (`report.post`) is written in the same transaction; the funders get a `project_update` notice.
 * @throws DomainError 400 on `milestoneId`/`photoKeys`, 403 (not theirs), 404, 409 (not funded or in progress).
 */
export async function postReport(
  deps: ReportDeps,
  actor: Actor,
  input: { projectId: string; request: ReportRequest },
): Promise<ProgressReport> {
  const { project, user } = await reportingProject(deps, actor, input.projectId, NOT_REPORTING_REPORTS);
  try {
    return await createReport(deps, project, user, input.request);
  } catch (e) {
    // A refused report takes back the photos uploaded for it (issue 13 attacker 3), then the refusal stands.
    if (e instanceof DomainError) await dropUnusedReportFiles(deps, project.id, input.request.photoKeys ?? []);
    throw e;
  }
}

async function createReport(deps: ReportDeps, project: Project, user: UserActor, request: ReportRequest): Promise<ProgressReport> {
  const input = { projectId: project.id, request };
  const milestone = milestoneOf(project, input.request.milestoneId);
  const at = deps.clock.now().toISOString();
  const report: ProgressReport = {
    id: deps.newId().toLowerCase(),
    projectId: project.id,
    milestoneId: milestone.id,
    text: input.request.text,
    photos: photosOf(project, input.request.photoKeys),
    status: 'posted',
    correctionReason: null,
    postedAt: at,
    updatedAt: at,
    version: 1,
  };
  const due: MilestoneDue = { projectId: project.id, milestoneId: milestone.id, dueDate: milestone.dueDate };
  await deps.reports.createReport(report, reportAudit(deps, user, 'report.post', report), due);
  await notifyProjectUpdate(deps, project, { about: `report-${report.id}`, what: 'report', milestone: milestone.title, text: report.text });
  return report;
}

async function loadReport(deps: ReportDeps, projectId: string, reportId: string): Promise<ProgressReport> {
  const report = await deps.reports.getReport(projectId, reportId);
  if (!report) throw notFound('report');
  return report;
}

const STALE = {
  ky: 'Отчет ушул арада өзгөрдү: аны кайра ачып, андан кийин сактаңыз',
  ru: 'Отчёт изменился за это время: откройте его заново и сохраните',
  en: 'The report changed meanwhile: open it again, then save',
};

/** The officer edits a report (against the version read: 409 otherwise); one sent back for correction is posted again. */
export async function editReport(
  deps: ReportDeps,
  actor: Actor,
  input: { projectId: string; reportId: string; request: ReportEdit },
): Promise<ProgressReport> {
  const { project, user } = await reportingProject(deps, actor, input.projectId, NOT_REPORTING_REPORTS);
  const report = await loadReport(deps, project.id, input.reportId);
  if (report.version !== input.request.version) throw conflictIn(STALE);
  const next: ProgressReport = {
    ...report,
    text: input.request.text,
    photos: photosOf(project, input.request.photoKeys),
    status: 'posted',
    correctionReason: null,
    updatedAt: deps.clock.now().toISOString(),
    version: report.version + 1,
  };
  await deps.reports.saveReport(next, report.version, reportAudit(deps, user, 'report.edit', next));
  return next;
}

/**
 * Staff ask the officers to correct a report, saying what (audited `report.request_correction`, with the reason); the
 * officers are told by a `staff_decision` notice. 403 for anyone but staff; 409 when the report changed meanwhile.
 */
export async function requestCorrection(
  deps: ReportDeps,
  actor: Actor,
  input: { projectId: string; reportId: string; request: CorrectionRequest },
): Promise<ProgressReport> {
  authorize(actor, { action: 'project:review' });
  const report = await loadReport(deps, input.projectId, input.reportId);
  if (report.version !== input.request.version) throw conflictIn(STALE);
  const next: ProgressReport = {
    ...report,
    status: 'correction_requested',
    correctionReason: input.request.reason,
    updatedAt: deps.clock.now().toISOString(),
    version: report.version + 1,
  };
  await deps.reports.saveReport(next, report.version, reportAudit(deps, actor, 'report.request_correction', next, input.request.reason));
  const project = await deps.projectDeps.projects.get(input.projectId);
  if (project && deps.notices) await tellCorrection(deps.notices, project, next, input.request.reason);
  return next;
}

const CORRECTION = {
  ky: {
    subject: 'Мекендеш: отчетту оңдоо суралды',
    text: 'Программанын кызматкерлери отчетту оңдоону суранышты',
    where: 'Долбоор',
    milestone: 'Этап',
    edit: 'Оңдоо',
  },
  ru: {
    subject: 'Мекендеш: просят исправить отчёт',
    text: 'Сотрудники программы просят исправить отчёт',
    where: 'Проект',
    milestone: 'Этап',
    edit: 'Исправить',
  },
  en: {
    subject: 'Mekendesh: a report needs a correction',
    text: 'Programme staff ask for a correction of a report',
    where: 'Project',
    milestone: 'Milestone',
    edit: 'Correct it',
  },
} as const;

/**
 * The `staff_decision` notice to the project's officers (each in their profile's language): the project, the milestone,
 * staff's reason, and a link to that report's edit form on the officer's project page (`?report=<id>#report-<id>`).
 */
async function tellCorrection(
  notices: NonNullable<ReportDeps['notices']>,
  project: Project,
  report: ProgressReport,
  reason: string,
): Promise<void> {
  const milestone = project.milestones.find((m) => m.id === report.milestoneId)?.title;
  const name = (t: Project['title'] | undefined, l: Locale) => (t ? (t[l] ?? t.ky ?? t.ru ?? t.en ?? '') : report.milestoneId);
  const link = (l: Locale) =>
    `${notices.webOrigin}/${l}/organisation/projects/${encodeURIComponent(project.id)}?report=${encodeURIComponent(report.id)}#report-${encodeURIComponent(report.id)}`;
  await notices.notifier
    .notifyOrganisation(project.organisationId, {
      kind: 'staff_decision',
      about: `correction-${report.id}-${report.version}`,
      message: (l) => {
        const w = CORRECTION[l];
        return {
          subject: `${w.subject}: «${name(project.title, l)}»`,
          text: `${w.text}.\n\n${w.where}: ${name(project.title, l)}\n${w.milestone}: ${name(milestone, l)}\n\n${reason}\n\n${w.edit}: ${link(l)}`,
        };
      },
    })
    .catch(() => []);
}

/**
 * A public project's progress: its reports and disbursements, newest first (a page of each: `cursor` reads on the
 * reports), and its late milestones on today's Bishkek day (clock). 404 unless the project is public (or the reader
 * may read it: its officers, staff). Reports' `correctionReason` and disbursements' `recordedBy` only for its officers
 * and staff (policy `project:report`).
 */
export async function projectProgress(
  deps: ReportDeps,
  actor: Actor,
  input: { projectId: string; limit: number; cursor?: string | undefined },
): Promise<ProjectProgress> {
  const project = await deps.projectDeps.projects.get(input.projectId);
  if (!project || !(isPublic(project.status) || (actor.kind === 'user' && canRead(actor, project)))) throw notFound('project');
  const page = input.cursor ? { cursor: input.cursor } : {};
  const [reports, disbursements, reported] = await Promise.all([
    deps.reports.reports({ projectId: project.id, limit: input.limit, ...page }),
    input.cursor ? Promise.resolve({ items: [], nextCursor: null }) : deps.reports.disbursements({ projectId: project.id, limit: 50 }),
    reportedSet(deps.reports, project.id),
  ]);
  const internal = actor.kind === 'user' && mayReport(actor, project);
  return {
    reports: internal ? reports.items : reports.items.map(({ correctionReason: _reason, ...r }) => r),
    disbursements: internal ? disbursements.items : disbursements.items.map(({ recordedBy: _by, ...d }) => d),
    late: lateMilestones(project, reported, bishkekToday(deps.clock)),
    nextCursor: reports.nextCursor,
  };
}

// Staff's correction note ("the invoice looks forged") and who recorded a payment are internal: only the people who
// may act on the project's reports read them.
function mayReport(actor: UserActor, project: Project): boolean {
  try {
    authorize(actor, { action: 'project:report', project });
    return true;
  } catch {
    return false;
  }
}

function canRead(actor: UserActor, project: Project): boolean {
  try {
    authorize(actor, { action: 'project:read', project });
    return true;
  } catch {
    return false;
  }
}

/** Milestone ids of a project that have a report (posted, or sent back for correction). */
export async function reportedSet(store: Pick<ReportStore, 'reportedMilestones'>, projectId: string): Promise<Set<string>> {
  return new Set((await store.reportedMilestones(projectId, MAX_REPORTS_READ)).map((r) => r.milestoneId));
}

/**
 * Staff: milestones more than 14 days past due without a report, oldest first, from the due-marker index (one Query),
 * each with its project's title, organisation and milestone title (one Get per distinct project of the page, at most
 * `limit`). Markers of a project that no longer reports (cancelled after funding; deleted) are left out of the page.
 */
export async function lateReportQueue(
  deps: ReportDeps,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<LateReport>> {
  authorize(actor, { action: 'project:review' });
  const today = bishkekToday(deps.clock);
  const page = await deps.reports.dueBefore({
    before: lateCutoff(today),
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  const ids = [...new Set(page.items.map((d) => d.projectId))];
  const projects = new Map((await Promise.all(ids.map((id) => deps.projectDeps.projects.get(id)))).flatMap((p) => (p ? [[p.id, p]] : [])));
  const items = page.items.flatMap((d): LateReport[] => {
    const project = projects.get(d.projectId);
    const milestone = project?.milestones.find((m) => m.id === d.milestoneId);
    if (!project || !milestone || !REPORTING_STATUSES.includes(project.status)) return [];
    return [
      {
        ...d,
        daysLate: daysBetween(d.dueDate, today),
        projectTitle: project.title,
        organisationId: project.organisationId,
        organisationName: project.organisationName,
        milestoneTitle: milestone.title,
      },
    ];
  });
  return { items, nextCursor: page.nextCursor };
}

/** Marks every milestone of a project that just became funded due (the late queue's markers); idempotent. */
export async function markMilestonesDue(store: Pick<ReportStore, 'markDue'>, project: Pick<Project, 'id' | 'milestones'>): Promise<void> {
  await store.markDue(project.milestones.map((m) => ({ projectId: project.id, milestoneId: m.id, dueDate: m.dueDate })));
}

/** Drops the due markers of a project that left funded / in progress other than by completing (cancelled): idempotent. */
export async function unmarkMilestonesDue(
  store: Pick<ReportStore, 'unmarkDue'>,
  project: Pick<Project, 'id' | 'milestones'>,
): Promise<void> {
  await store.unmarkDue(project.milestones.map((m) => ({ projectId: project.id, milestoneId: m.id, dueDate: m.dueDate })));
}

/** 409 when completing a project some milestone of which has no posted report: names them, in ky/ru/en. */
export async function assertEveryMilestoneReported(store: Pick<ReportStore, 'reportedMilestones'>, project: Project): Promise<void> {
  const reported = await store.reportedMilestones(project.id, MAX_REPORTS_READ);
  const posted = new Set(reported.filter((r) => r.status === 'posted').map((r) => r.milestoneId));
  const missing = project.milestones.filter((m) => !posted.has(m.id));
  if (!missing.length) return assertNoneBeingCorrected(reported, project);
  const names = (l: 'ky' | 'ru' | 'en') => missing.map((m) => `«${m.title[l] ?? m.title.ky ?? m.title.ru ?? m.title.en}»`).join(', ');
  throw new DomainError('conflict', `every milestone needs a posted report first: ${names('en')}`, [], {
    ky: `Долбоорду аяктоо үчүн ар бир этапка отчет жарыяланышы керек. Отчет жок: ${names('ky')}`,
    ru: `Чтобы завершить проект, по каждому этапу нужен опубликованный отчёт. Нет отчёта: ${names('ru')}`,
    en: `To complete the project, every milestone needs a posted report. Missing: ${names('en')}`,
  });
}

/**
 * 409 while staff's correction of any report is open: a project is not completed over a report staff sent back
 * (issue 13 review), even when another report of the same milestone is posted. Names the milestones, in ky/ru/en.
 */
function assertNoneBeingCorrected(reported: { milestoneId: string; status: ProgressReport['status'] }[], project: Project): void {
  const ids = new Set(reported.filter((r) => r.status === 'correction_requested').map((r) => r.milestoneId));
  if (!ids.size) return;
  const names = (l: 'ky' | 'ru' | 'en') =>
    project.milestones
      .filter((m) => ids.has(m.id))
      .map((m) => `«${m.title[l] ?? m.title.ky ?? m.title.ru ?? m.title.en}»`)
      .join(', ');
  throw new DomainError('conflict', `a report is being corrected: ${names('en')}`, [], {
    ky: `Оңдолуп жаткан отчет бар: адегенде аны оңдоп, кайра жарыялаңыз. Этап: ${names('ky')}`,
    ru: `Отчёт ещё исправляется: сначала исправьте и опубликуйте его. Этап: ${names('ru')}`,
    en: `A report is being corrected: correct and post it first. Milestone: ${names('en')}`,
  });
}
