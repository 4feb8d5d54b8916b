import type { AuditEntry, PledgeMessage, QuestionVisibility } from '@mekendesh/contracts';
import type { Page } from './ports.js';

/** A staff decision to hide a question or an answer: who, when and why (also in the audit log). */
export interface StoredModeration {
  at: string;
  by: string;
  reason: string;
}

/** An officer's answer to a question, inside the question's item. */
export interface StoredAnswer {
  text: string;
  answeredAt: string;
  /** Null until an officer edits it. */
  editedAt: string | null;
  answeredBy: string;
  hidden: boolean;
  moderation: StoredModeration | null;
}

/**
 * A question as stored (packages/db `questionEntity`). `askerId` and `askerName` are null once the asker's account
 * is deleted (the text stays); `askerName` is the display name at asking time, kept only when they chose to show it.
 */
export interface StoredQuestion {
  id: string;
  projectId: string;
  /** The project's organisation at asking time: whose officers answer. */
  organisationId: string;
  askedAt: string;
  visibility: QuestionVisibility;
  text: string;
  askerId: string | null;
  askerName: string | null;
  hidden: boolean;
  moderation: StoredModeration | null;
  answer: StoredAnswer | null;
  version: number;
}

/** Questions by id and by key-bounded index reads only (entities/questions.ts); every list is one bounded Query. */
export interface QuestionStore {
  /** A new question; never overwrites. */
  create(question: StoredQuestion): Promise<void>;
  /** Read strongly consistent (an answer or a hide right after asking sees the question). */
  get(id: string): Promise<StoredQuestion | undefined>;
  /**
   * Writes `question` (version + 1 of `previousVersion`) on condition the stored one is still at `previousVersion`,
   * with `audit` in the same transaction when given. A changed version: DomainError('conflict').
   */
  save(question: StoredQuestion, previousVersion: number, audit?: AuditEntry): Promise<void>;
  /** A project's public questions (hidden ones included), newest first. */
  publicThread(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<StoredQuestion>>;
  /** Every question of a project, newest first (its officers and staff). */
  fullThread(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<StoredQuestion>>;
  /** One person's questions on one project, newest first, at most `limit`. */
  askedOnProject(input: { askerId: string; projectId: string; limit: number }): Promise<StoredQuestion[]>;
  /** One person's questions on every project, a bounded page at a time (account deletion). */
  askedBy(input: { askerId: string; limit: number; cursor?: string }): Promise<Page<StoredQuestion>>;
  /**
   * A project's public, visible answers given in [fromIso, toIso), oldest first, at most `limit` (for Part A's
   * weekly digest). One Query of the project's answers partition from `fromIso`; nothing outside the window.
   * @example await store.answeredBetween('prj-1', '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z', 20)
   */
  answeredBetween(projectId: string, fromIso: string, toIso: string, limit: number): Promise<StoredQuestion[]>;
  /**
   * An organisation's questions waiting for an answer (unanswered, not hidden), by project then oldest first: at most
   * `limit` from one Query of a sparse partition that holds only those; `more` when there are others beyond.
   */
  unansweredOf(input: { organisationId: string; limit: number }): Promise<{ items: UnansweredRef[]; more: boolean }>;
  /** One project's questions waiting for an answer, oldest first, at most `limit` (the same partition, by prefix). */
  unansweredOnProject(input: { organisationId: string; projectId: string; limit: number }): Promise<StoredQuestion[]>;
}

/** A question waiting for its officers' answer, as the organisation's backlog lists it. */
export interface UnansweredRef {
  id: string;
  projectId: string;
  askedAt: string;
}

/** A project's pledges that carry a message, read from an index of those pledges only, a bounded page at a time. */
export interface PledgeMessageReader {
  /** Newest first; `limit` messages a page (fewer only on the last), `nextCursor` null when none are left. */
  projectMessages(input: { projectId: string; limit: number; cursor?: string }): Promise<Page<PledgeMessage>>;
}
