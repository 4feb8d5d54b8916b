import {
	PledgeMessageListSchema,
	QuestionListSchema,
	QuestionSchema,
	UnansweredQuestionsSchema,
	type AnswerRequest,
	type ModerationRequest,
	type Question,
	type QuestionRequest,
} from '@mekendesh/contracts';
import { queryString, type ApiCall, type Parser } from './api-call.js';

const id = encodeURIComponent;
/** `{ items: Question[] }`, as /questions/mine answers. */
const Mine: Parser<Question[]> = { safeParse: (v) => QuestionSchema.array().safeParse((v as { items?: unknown } | null)?.items) };

/** Questions and answers on a project, and its pledge messages (issue 12): part of api(event), as `questions`. */
export const questionCalls = (call: ApiCall) => ({
	/** A page of a project's questions, newest first: public ones, or every one for its officers and staff. */
	thread: (projectId: string, q: { cursor?: string; limit?: number } = {}) =>
		call('GET', `/projects/${id(projectId)}/questions${queryString({ limit: q.limit ?? 10, cursor: q.cursor })}`, QuestionListSchema),
	/** The signed-in person's own questions on a project (their private ones show only here). */
	mine: (projectId: string) => call('GET', `/projects/${id(projectId)}/questions/mine`, Mine),
	ask: (projectId: string, body: QuestionRequest) => call('POST', `/projects/${id(projectId)}/questions`, QuestionSchema, { body }),
	/** Officers: answers, or replaces the answer. */
	answer: (questionId: string, body: AnswerRequest) => call('PUT', `/questions/${id(questionId)}/answer`, QuestionSchema, { body }),
	/** Staff: hides or shows again a question or its answer, with a reason. */
	moderate: (questionId: string, body: ModerationRequest) =>
		call('POST', `/questions/${id(questionId)}/moderation`, QuestionSchema, { body }),
	/** Officers and staff: the organisation's questions waiting for an answer, counted per project; with projectId, that project's. */
	unanswered: (organisationId: string, projectId?: string) =>
		call('GET', `/organisations/${id(organisationId)}/unanswered-questions${queryString({ projectId })}`, UnansweredQuestionsSchema),
	/** Officers and staff: a project's pledge messages, newest first. */
	pledgeMessages: (projectId: string, q: { cursor?: string; limit?: number } = {}) =>
		call(
			'GET',
			`/projects/${id(projectId)}/pledge-messages${queryString({ limit: q.limit ?? 20, cursor: q.cursor })}`,
			PledgeMessageListSchema,
		),
});
