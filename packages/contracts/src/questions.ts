import { z } from 'zod';
import { queryInt } from './input-rules.js';
import { prose, text, TEXT_LIMITS } from './text.js';

/**
 * Questions and answers on a project (issue 12). An investor asks publicly (everyone reads it on the project page)
 * or privately (only the asker, the project's officers and staff); the project's officers answer; staff hide an
 * abusive question or answer with a reason. Text limits: a question is as long as a pledge's message
 * (TEXT_LIMITS.message), an answer as long as a decision's reason (TEXT_LIMITS.reason).
 */
export const QUESTION_VISIBILITIES = ['public', 'private'] as const;
export const QuestionVisibilitySchema = z.enum(QUESTION_VISIBILITIES);
export type QuestionVisibility = z.infer<typeof QuestionVisibilitySchema>;

/** What an investor sends to ask: the text, who may read it, and whether their display name is shown with it. */
export const QuestionRequestSchema = z
  .object({
    text: prose(TEXT_LIMITS.message, { min: 3 }),
    visibility: QuestionVisibilitySchema,
    /** false: shown as "an investor". */
    showName: z.boolean(),
  })
  .strict()
  .meta({ id: 'QuestionRequest' });
export type QuestionRequest = z.infer<typeof QuestionRequestSchema>;

/** An officer's answer (a second one replaces the first: an edit). */
export const AnswerRequestSchema = z
  .object({ text: prose(TEXT_LIMITS.reason, { min: 1 }) })
  .strict()
  .meta({ id: 'AnswerRequest' });
export type AnswerRequest = z.infer<typeof AnswerRequestSchema>;

/** Staff hide (or show again) a question or its answer, always with a reason (audited). */
export const ModerationRequestSchema = z
  .object({
    target: z.enum(['question', 'answer']),
    hidden: z.boolean(),
    reason: prose(TEXT_LIMITS.reason, { min: 3 }),
  })
  .strict()
  .meta({ id: 'ModerationRequest' });
export type ModerationRequest = z.infer<typeof ModerationRequestSchema>;

/** A staff decision to hide, as staff see it; others see only that it is hidden. */
const HiddenSchema = z.object({ at: z.iso.datetime(), reason: text() });

export const AnswerSchema = z.object({
  /** Null when hidden by moderators and the reader is not staff. */
  text: text().nullable(),
  answeredAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  hidden: z.boolean(),
  /** Staff only: when and why it was hidden. */
  moderation: HiddenSchema.nullable(),
});

export const QuestionSchema = z
  .object({
    id: text(),
    projectId: text(),
    askedAt: z.iso.datetime(),
    visibility: QuestionVisibilitySchema,
    /** Null when hidden by moderators and the reader is neither staff nor its asker. */
    text: text().nullable(),
    /** The asker's display name when they chose to show it; null: "an investor" (or a deleted account). */
    askerName: text().nullable(),
    /** The reader asked it. */
    mine: z.boolean(),
    hidden: z.boolean(),
    /** Staff and the question's asker only: when and why it was hidden. */
    moderation: HiddenSchema.nullable(),
    answer: AnswerSchema.nullable(),
    version: z.number().int().positive(),
  })
  .meta({ id: 'Question' });
export type Question = z.infer<typeof QuestionSchema>;

/**
 * A page of a project's questions, newest first. `viewer` says what the page holds: `public` (public questions,
 * hidden ones without their text), `officer` (every question of the project: the officers answer private ones too),
 * `staff` (every question, hidden text included).
 */
export const QuestionListSchema = z
  .object({
    items: z.array(QuestionSchema),
    nextCursor: text().nullable(),
    viewer: z.enum(['public', 'officer', 'staff']),
  })
  .meta({ id: 'QuestionList' });
export type QuestionList = z.infer<typeof QuestionListSchema>;

export const QuestionListQuerySchema = z
  .object({ limit: queryInt({ min: 1, max: 50, default: 10 }), cursor: text().max(TEXT_LIMITS.cursor).optional() })
  .strict();

/** A pledge's message as the project's officers read it: the supporter named only if they chose to be. */
export const PledgeMessageSchema = z
  .object({
    pledgeId: text(),
    createdAt: z.iso.datetime(),
    message: text(),
    /** Null: the supporter pledged anonymously. */
    supporterName: text().nullable(),
  })
  .meta({ id: 'PledgeMessage' });
export type PledgeMessage = z.infer<typeof PledgeMessageSchema>;

/** A page of a project's pledge messages, newest first; `nextCursor` reads further (a page may hold fewer than its limit). */
export const PledgeMessageListSchema = z
  .object({ items: z.array(PledgeMessageSchema), nextCursor: text().nullable() })
  .meta({ id: 'PledgeMessageList' });
export type PledgeMessageList = z.infer<typeof PledgeMessageListSchema>;

/**
 * An organisation's questions waiting for an answer (GET /v1/organisations/{id}/unanswered-questions), for its officers
 * and staff: how many per project (from at most 200; `more` when there are others), and with `?projectId=` that
 * project's questions, oldest first.
 */
export const UnansweredQuestionsSchema = z
  .object({
    counts: z.array(z.object({ projectId: text(), count: z.number().int().positive() })),
    more: z.boolean(),
    items: z.array(QuestionSchema),
  })
  .meta({ id: 'UnansweredQuestions' });
export type UnansweredQuestions = z.infer<typeof UnansweredQuestionsSchema>;
