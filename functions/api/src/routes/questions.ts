import { createRoute, z } from '@hono/zod-openapi';
import {
  AnswerRequestSchema,
  ModerationRequestSchema,
  PledgeListQuerySchema,
  PledgeMessageListSchema,
  QuestionListQuerySchema,
  QuestionListSchema,
  QuestionRequestSchema,
  QuestionSchema,
} from '@mekendesh/contracts';
import {
  answerQuestion,
  askQuestion,
  getQuestion,
  listQuestions,
  moderateQuestion,
  myQuestionsOnProject,
} from '@mekendesh/domain/questions';
import { listPledgeMessages } from '@mekendesh/domain/pledge-messages';
import type { Deps } from '../composition.js';
import { log } from '../middleware/logger.js';
import { bearer, IdParams, json, jsonBody, notForStaff, problems, resource, staffOnly } from './shared.js';

const thread = createRoute({
  method: 'get',
  path: '/{id}/questions',
  tags: ['questions'],
  summary: "A project's questions, newest first: public ones for everyone; every one for its officers and staff",
  description:
    'Hidden questions and answers show without their text (hidden by moderators) to all but staff. Private questions are ' +
    'listed only to the project’s officers and staff; their asker reads them at /projects/{id}/questions/mine.',
  request: { params: IdParams, query: QuestionListQuerySchema },
  responses: { 200: json(QuestionListSchema, 'A page of questions'), ...problems(400, 404) },
});

const mine = createRoute({
  method: 'get',
  path: '/{id}/questions/mine',
  tags: ['questions'],
  security: bearer,
  summary: 'Your own questions on a project (public and private), newest first, at most 20',
  request: { params: IdParams },
  responses: { 200: json(z.object({ items: z.array(QuestionSchema) }), 'Your questions'), ...problems(400, 401, 404) },
});

const ask = createRoute({
  method: 'post',
  path: '/{id}/questions',
  tags: ['questions'],
  security: bearer,
  ...notForStaff,
  summary: 'Ask a public project a question, publicly or privately',
  description:
    'Officers of the project’s organisation answer; they are emailed the question. At most 10 questions an hour per ' +
    'person (429 with Retry-After). Officers of the project’s own organisation may not ask (403).',
  request: { params: IdParams, body: jsonBody(QuestionRequestSchema) },
  responses: { 201: json(QuestionSchema, 'The question'), ...problems(400, 401, 403, 404, 429) },
});

const one = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['questions'],
  summary: 'One question: a private one only for its asker, the project’s officers and staff (404 to anyone else)',
  request: { params: IdParams },
  responses: { 200: json(QuestionSchema, 'The question'), ...problems(400, 404) },
});

const answer = createRoute({
  method: 'put',
  path: '/{id}/answer',
  tags: ['questions'],
  security: bearer,
  summary: 'Answer a question, or edit the answer (officers of the project’s organisation); the asker is emailed once',
  request: { params: IdParams, body: jsonBody(AnswerRequestSchema) },
  responses: { 200: json(QuestionSchema, 'The question with its answer'), ...problems(400, 401, 403, 404, 409) },
});

const moderate = createRoute({
  method: 'post',
  path: '/{id}/moderation',
  tags: ['questions'],
  security: staffOnly,
  summary: 'Hide or show again a question or its answer, with a reason (staff; audited)',
  request: { params: IdParams, body: jsonBody(ModerationRequestSchema) },
  responses: { 200: json(QuestionSchema, 'The question as staff see it'), ...problems(400, 401, 403, 404, 409) },
});

const pledgeMessages = createRoute({
  method: 'get',
  path: '/{id}/pledge-messages',
  tags: ['questions'],
  security: bearer,
  summary: "A project's pledge messages, newest first (its officers and staff); supporters named only if they chose to be",
  description: 'Reads only pledges that carry a message (a sparse index): `limit` messages a page, `nextCursor` reads on.',
  request: { params: IdParams, query: PledgeListQuerySchema },
  responses: { 200: json(PledgeMessageListSchema, 'A page of messages'), ...problems(400, 401, 403, 404) },
});

/** Questions on a project, and its pledge messages, mounted at /projects. */
export function projectQuestionRoutes(deps: Deps) {
  return resource()
    .openapi(thread, async (c) => {
      const page = await listQuestions(deps.questions, c.var.actor, { projectId: c.req.valid('param').id, ...c.req.valid('query') });
      // What a reader sees depends on who they are: never cached as public.
      c.header('cache-control', 'private, no-store');
      return c.json(page, 200);
    })
    .openapi(mine, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json({ items: await myQuestionsOnProject(deps.questions, c.var.actor, c.req.valid('param').id) }, 200);
    })
    .openapi(ask, async (c) => {
      const out = await askQuestion(deps.questions, c.var.actor, { projectId: c.req.valid('param').id, request: c.req.valid('json') });
      if (!out.notified) log('warn', 'new question notice not sent', { questionId: out.question.id });
      c.header('cache-control', 'private, no-store');
      return c.json(out.question, 201);
    })
    .openapi(pledgeMessages, async (c) => {
      const page = await listPledgeMessages({ projects: deps.projects, pledgeMessages: deps.pledgeMessages }, c.var.actor, {
        projectId: c.req.valid('param').id,
        ...c.req.valid('query'),
      });
      c.header('cache-control', 'private, no-store');
      return c.json(page, 200);
    });
}

/** One question, its answer and its moderation, mounted at /questions. */
export function questionRoutes(deps: Deps) {
  return resource()
    .openapi(one, async (c) => {
      c.header('cache-control', 'private, no-store');
      return c.json(await getQuestion(deps.questions, c.var.actor, c.req.valid('param').id), 200);
    })
    .openapi(answer, async (c) => {
      const out = await answerQuestion(deps.questions, c.var.actor, { questionId: c.req.valid('param').id, request: c.req.valid('json') });
      if (!out.notified) log('warn', 'answer notice not sent', { questionId: out.question.id });
      c.header('cache-control', 'private, no-store');
      return c.json(out.question, 200);
    })
    .openapi(moderate, async (c) => {
      const question = await moderateQuestion(deps.questions, c.var.actor, {
        questionId: c.req.valid('param').id,
        request: c.req.valid('json'),
      });
      c.header('cache-control', 'private, no-store');
      return c.json(question, 200);
    });
}
