/**
 * What a funded project reports (issue 13): progress reports and disbursements in one partition per project, by
 * time (ids are ULIDs, so the id orders them), and a sparse marker per milestone still waiting for its report.
 */
import { defineEntity } from './define.js';

/** The partition of a project's reports and disbursements; `R#` and `D#` sort keys tell them apart. */
export const progressPartition = (projectId: string) => `PROGRESS#${projectId}`;
/** Sort-key prefixes of a report and of a disbursement in the project's progress partition. */
export const REPORT_PREFIX = 'R#';
export const DISBURSEMENT_PREFIX = 'D#';

/** A progress report against a milestone: read by id, and a project's reports newest first (Query of the prefix). */
export const reportEntity = defineEntity<{ projectId: string; id: string }>({
  name: 'ProgressReport',
  table: {
    pk: (r) => progressPartition(r.projectId),
    sk: (r) => `${REPORT_PREFIX}${r.id}`,
    shape: ['PROGRESS#<projectId>', 'R#<id>'],
    purpose: "a project's reports by time (ULID ids)",
  },
  example: { projectId: 'prj-1', id: '01jabcdefghjkmnpqrstvwxyz0' },
});

/** A disbursement: written in its booking's transaction (money-transaction.ts), beside its ledger entries. */
export const disbursementEntity = defineEntity<{ projectId: string; id: string }>({
  name: 'Disbursement',
  table: {
    pk: (d) => progressPartition(d.projectId),
    sk: (d) => `${DISBURSEMENT_PREFIX}${d.id}`,
    shape: ['PROGRESS#<projectId>', 'D#<id>'],
    purpose: "a project's disbursements by time (ULID ids)",
  },
  example: { projectId: 'prj-1', id: '01jabcdefghjkmnpqrstvwxyz0' },
});

/** The one partition of milestone-due markers, sorted by due date: the staff late queue is one Query `sk < cutoff`. */
export const MILESTONE_DUE_PARTITION = 'DUE';

/**
 * A milestone of a funded (or in-progress) project without a posted report: Put for each milestone when the project
 * becomes funded, deleted in the transaction that posts the milestone's report. Small (ids and the date only).
 */
export const milestoneDueEntity = defineEntity<{ dueDate: string; projectId: string; milestoneId: string }>({
  name: 'MilestoneDue',
  table: {
    pk: () => MILESTONE_DUE_PARTITION,
    sk: (d) => `${d.dueDate}#${d.projectId}#${d.milestoneId}`,
    shape: ['DUE', '<dueDate>#<projectId>#<milestoneId>'],
    purpose: 'milestones waiting for their report, oldest due first (the late queue)',
  },
  example: { dueDate: '2026-01-01', projectId: 'prj-1', milestoneId: 'm1' },
});
