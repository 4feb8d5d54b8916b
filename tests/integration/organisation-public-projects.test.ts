import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConfirmedInvestor, post, signInToken } from '../fixtures/auth-stack.js';
import { call, moneyStack, type MoneyStack } from '../fixtures/money.js';

/**
 * Issue 12, second attack review: GET /v1/organisations/{id}/published-projects answered 200 with an empty list for an
 * unknown or pending organisation while GET /v1/organisations/{id} said 404, telling a pending application apart from
 * a made-up id. Both now say 404 unless the organisation is approved.
 */
let s: MoneyStack;
let pendingId: string;
const AT_BASHY = '41704220000000';

beforeAll(async () => {
  s = await moneyStack(1);
  const email = await newConfirmedInvestor(s.app, 'pending-applicant');
  const applied = await post(
    s.app,
    '/organisations',
    {
      name: { en: 'Pending ayil okmotu' },
      kind: 'ayil_okmotu',
      territorySoate: AT_BASHY,
      applicantPosition: 'Head',
      contactPhone: '+996 700 111 444',
      contactEmail: 'pending@example.kg',
    },
    await signInToken(s.app, email),
  );
  expect(applied.status).toBe(201);
  pendingId = ((await applied.json()) as { id: string }).id;
}, 120_000);
afterAll(() => s.drop());

const publicProjects = (id: string, token?: string) => call(s.app, token, 'GET', `/organisations/${id}/published-projects`);

describe("an organisation's public projects (issue 12, second attack review)", () => {
  it('answers 404 for an unknown organisation and for a pending one, as the organisation itself does', async () => {
    for (const id of ['org-made-up-id', pendingId]) {
      const res = await publicProjects(id);
      expect(res.status, id).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect((await call(s.app, undefined, 'GET', `/organisations/${id}`)).status).toBe(404);
    }
    // Signed in as an investor changes nothing.
    expect((await publicProjects(pendingId, s.investors[0])).status).toBe(404);
  });

  it('answers 200 with its public projects once approved', async () => {
    expect((await post(s.app, `/organisations/${pendingId}/approve`, {}, s.staff)).status).toBe(200);
    const project = await s.project({ organisationId: pendingId });
    const res = await publicProjects(pendingId);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: { id: string }[] }).items.map((p) => p.id)).toEqual([project.id]);
  });
});
