import { REPORT_GRACE_DAYS, type LateMilestone, type Project } from '@mekendesh/contracts';
import { addDays, daysBetween } from './bishkek-calendar.js';
import { byCodeUnit } from './text-order.js';

/** Statuses in which a project reports on its milestones (issue 13): the late rule applies only to them. */
export const REPORTING_STATUSES: readonly Project['status'][] = ['funded', 'in_progress'];

/**
 * Whether a milestone due on `dueDate` is late on Bishkek day `today` with no report: more than REPORT_GRACE_DAYS
 * (14) days past its due date. Day 14 after the due date is not late, day 15 is (issue 13, "more than 14 days late").
 * @example isReportLate('2026-03-01', '2026-03-15') // false; isReportLate('2026-03-01', '2026-03-16') // true
 */
export function isReportLate(dueDate: string, today: string): boolean {
  return daysBetween(dueDate, today) > REPORT_GRACE_DAYS;
}

/** Milestones due before this day are late on `today` (today − 14): the late queue is one Query `sk < cutoff`. */
export function lateCutoff(today: string): string {
  return addDays(today, -REPORT_GRACE_DAYS);
}

/**
 * The late milestones of a project on Bishkek day `today`: those without a report (`reported` holds the milestone
 * ids that have one), while the project is funded or in progress; in due-date order. Pure: the clock is the caller's.
 */
export function lateMilestones(
  project: Pick<Project, 'status' | 'milestones'>,
  reported: ReadonlySet<string>,
  today: string,
): LateMilestone[] {
  if (!REPORTING_STATUSES.includes(project.status)) return [];
  return project.milestones
    .filter((m) => !reported.has(m.id) && isReportLate(m.dueDate, today))
    .map((m) => ({ milestoneId: m.id, dueDate: m.dueDate, daysLate: daysBetween(m.dueDate, today) }))
    .sort((a, b) => byCodeUnit(a.dueDate, b.dueDate));
}
