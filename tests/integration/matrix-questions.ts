/**
 * The authorization matrix's rows for questions, answers and pledge messages (issue 12), and the objects they act
 * on: a published project of organisation Y with a private question of investor A's and a public one of B's. Y, not X:
 * by these rows investor B has joined X (the invitation row), so X's two members are the officers of another organisation.
 */
import { expect } from 'vitest';
import { seedProjects, type Db } from '@mekendesh/db';
import { post, type AuthStack } from '../fixtures/auth-stack.js';
import { makeProject } from '../fixtures/projects.js';

type ActorName = 'nobody' | 'investorA' | 'investorB' | 'officerX' | 'officerY' | 'staff';
type Expect = Record<ActorName, number>;

export interface QuestionWorld {
  projectId: string;
  privateQ: string;
  publicQ: string;
}

interface MatrixWorld {
  questions?: QuestionWorld;
}

interface QuestionRow {
  expect: Expect;
  request(w: MatrixWorld, actor: ActorName): { method?: string; path: string; body?: unknown };
  check?(w: MatrixWorld, actor: ActorName, body: unknown): void;
}

const q = (w: MatrixWorld) => w.questions!;
/** Those who may read a private question besides its asker (investorA). */
const insiders = new Set<ActorName>(['investorA', 'officerY', 'staff']);
const ids = (body: unknown) => (body as { items: { id: string }[] }).items.map((i) => i.id);

/** Organisation Y's published project, a private question of A's and a public one of B's on it. */
export async function questionWorld(s: { app: AuthStack['app']; db: Db }, orgY: string, tokens: { investorA: string; investorB: string }) {
  const project = makeProject({ organisationId: orgY });
  await seedProjects(s.db, { organisations: [], projects: [project] });
  const ask = async (token: string, visibility: string) => {
    const res = await post(
      s.app,
      `/projects/${project.id}/questions`,
      { text: `A ${visibility} question`, visibility, showName: true },
      token,
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  return { projectId: project.id, privateQ: await ask(tokens.investorA, 'private'), publicQ: await ask(tokens.investorB, 'public') };
}

export const QUESTION_ROWS: Record<string, QuestionRow> = {
  'GET /v1/projects/:id/questions': {
    expect: { nobody: 200, investorA: 200, investorB: 200, officerX: 200, officerY: 200, staff: 200 },
    request: (w) => ({ path: `/v1/projects/${q(w).projectId}/questions` }),
    // The list holds the private question only for the project's officers and staff (its asker reads it in /mine).
    check: (w, actor, body) => {
      expect(ids(body)).toContain(q(w).publicQ);
      if (actor === 'officerY' || actor === 'staff') expect(ids(body)).toContain(q(w).privateQ);
      else expect(ids(body)).not.toContain(q(w).privateQ);
    },
  },
  'GET /v1/projects/:id/questions/mine': {
    expect: { nobody: 401, investorA: 200, investorB: 200, officerX: 200, officerY: 200, staff: 200 },
    request: (w) => ({ path: `/v1/projects/${q(w).projectId}/questions/mine` }),
    check: (w, actor, body) => {
      if (actor === 'investorA') expect(ids(body)).toContain(q(w).privateQ);
      else expect(ids(body)).not.toContain(q(w).privateQ);
    },
  },
  'POST /v1/projects/:id/questions': {
    // Staff moderate and officers of the project's own organisation answer: neither asks.
    expect: { nobody: 401, investorA: 201, investorB: 201, officerX: 201, officerY: 403, staff: 403 },
    request: (w) => ({
      method: 'POST',
      path: `/v1/projects/${q(w).projectId}/questions`,
      body: { text: 'Who builds it?', visibility: 'public', showName: false },
    }),
  },
  'GET /v1/questions/:id': {
    expect: { nobody: 404, investorA: 200, investorB: 404, officerX: 404, officerY: 200, staff: 200 },
    request: (w) => ({ path: `/v1/questions/${q(w).privateQ}` }),
    check: (w, actor, body) => expect(insiders.has(actor) && (body as { id: string }).id === q(w).privateQ).toBe(true),
  },
  'PUT /v1/questions/:id/answer': {
    expect: { nobody: 401, investorA: 403, investorB: 404, officerX: 404, officerY: 200, staff: 403 },
    request: (w) => ({ method: 'PUT', path: `/v1/questions/${q(w).privateQ}/answer`, body: { text: 'In May.' } }),
  },
  'POST /v1/questions/:id/moderation': {
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 403, officerY: 403, staff: 200 },
    request: (w) => ({
      method: 'POST',
      path: `/v1/questions/${q(w).publicQ}/moderation`,
      body: { target: 'question', hidden: true, reason: 'Abusive words' },
    }),
  },
  'GET /v1/projects/:id/pledge-messages': {
    expect: { nobody: 401, investorA: 403, investorB: 403, officerX: 403, officerY: 200, staff: 200 },
    request: (w) => ({ path: `/v1/projects/${q(w).projectId}/pledge-messages` }),
  },
};
