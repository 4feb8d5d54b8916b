import type { AuditEntry, Disbursement, ProgressReport } from '@mekendesh/contracts';
import type { LedgerDeltas, MoneyStore, ProgrammeStore } from './money-ports.js';
import type { Notifier } from './notification-ports.js';
import type { Page } from './ports.js';
import type { ProjectDeps } from './project-ports.js';

/** A project's money as its item keeps it (KGS tyiyn): every running total and what it may still spend. */
export type ProjectMoney = Pick<LedgerDeltas, 'raised' | 'matched' | 'municipality' | 'otherDonors' | 'disbursed'> &
  Pick<LedgerDeltas, 'spentDiaspora' | 'spentProgramme' | 'spentMunicipality' | 'spentOther'> & { available: number };

/** A milestone waiting for its report (the late queue's marker). */
export interface MilestoneDue {
  projectId: string;
  milestoneId: string;
  dueDate: string;
}

/** Reports, disbursements and milestone markers on DynamoDB (packages/db report-store.ts). */
export interface ReportStore {
  getReport(projectId: string, id: string): Promise<ProgressReport | undefined>;
  /** One disbursement by key (an Idempotency-Key replay answers with it). */
  getDisbursement(projectId: string, id: string): Promise<Disbursement | undefined>;
  /** What an earlier request with this Idempotency-Key booked (Booking.idempotency), read strongly consistent. */
  idempotencyRecord(scope: string, key: string): Promise<{ hash: string; resultId: string } | undefined>;
  /** Puts a new report (must not exist), deletes its milestone's due marker, writes the audit entry: one transaction. */
  createReport(report: ProgressReport, audit: AuditEntry, due: MilestoneDue | null): Promise<void>;
  /** Replaces a report conditioned on `previousVersion` (409 DomainError when it changed), with its audit entry. */
  saveReport(report: ProgressReport, previousVersion: number, audit: AuditEntry): Promise<void>;
  /** A project's reports, newest first, a page at a time. */
  reports(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<ProgressReport>>;
  /** A project's disbursements, newest first, a page at a time. */
  disbursements(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<Disbursement>>;
  /** Ids and statuses of a project's reports, at most `limit` (milestones are few; reports per milestone too). */
  reportedMilestones(projectId: string, limit: number): Promise<{ milestoneId: string; status: ProgressReport['status'] }[]>;
  /** Puts the due markers of the milestones (idempotent: a second call rewrites the same items). */
  markDue(items: readonly MilestoneDue[]): Promise<void>;
  /** Deletes the due markers of the milestones (a project cancelled after funding reports no more); idempotent. */
  unmarkDue(items: readonly MilestoneDue[]): Promise<void>;
  /** Markers with a due date before `before` (YYYY-MM-DD), oldest first, a page at a time. */
  dueBefore(input: { before: string; limit: number; cursor?: string }): Promise<Page<MilestoneDue>>;
  /** The project's running totals and `available`, strongly consistent; undefined without the project. */
  projectMoney(projectId: string): Promise<ProjectMoney | undefined>;
}

/** What reports, disbursements and co-funding receipts need, wired once in the API's composition. */
export interface ReportDeps {
  /** Projects by id (loadVisibleProject). */
  /** `storage`: where a refused post's unused files are deleted from (report-files.ts); without it they are only detached. */
  projectDeps: Pick<ProjectDeps, 'projects'> & Partial<Pick<ProjectDeps, 'storage'>>;
  reports: ReportStore;
  money: Pick<MoneyStore, 'commitBooking' | 'listProjectPledges'>;
  programmes: Pick<ProgrammeStore, 'list' | 'matchedForProject'>;
  clock: { now(): Date };
  newId(): string;
  /** `project_update` notices to the project's funders; none sent when absent. */
  notices?: { notifier: Notifier; webOrigin: string };
}
