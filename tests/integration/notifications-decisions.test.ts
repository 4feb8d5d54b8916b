/**
 * Issue 12: staff decisions reach the officers through the notifier (kind 'staff_decision'), once per decision, with
 * the footer and List-Unsubscribe headers: the organisation's review to its applicant, a project's review to every
 * member of its organisation. An officer who turned the kind off gets nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxMessage, Project } from '@mekendesh/contracts';
import { authStack, newUserInGroup, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { approvedOfficer, draftBody, send } from '../fixtures/proposals.js';

let s: AuthStack;
let staff: string;
let x: Awaited<ReturnType<typeof approvedOfficer>>;

beforeAll(async () => {
  s = await authStack();
  staff = await signInToken(s.app, await newUserInGroup('staff'));
  x = await approvedOfficer(s.app, staff, 'decided');
}, 120_000);
afterAll(() => s?.drop());

const mailsTo = async (email: string): Promise<OutboxMessage[]> => (await s.deps.outbox!.latest(200)).filter((m) => m.to === email);

async function submitted(): Promise<Project> {
  const made = await send(s.app, 'POST', '/projects', { token: x.token, body: draftBody() });
  expect(made.status).toBe(201);
  expect((await send(s.app, 'POST', `/projects/${made.body.id}/submit`, { token: x.token })).status).toBe(200);
  return made.body as Project;
}

describe('staff decisions', () => {
  it('tell the applicant their organisation is approved, once, with the unsubscribe headers', async () => {
    const approved = (await mailsTo(x.email)).filter((m) => m.subject === 'Mekendesh: your organisation is approved');
    expect(approved).toHaveLength(1);
    expect(approved[0]!.headers!['List-Unsubscribe']).toMatch(/\/v1\/unsubscribe\/[^.]+\.staff_decision\./);
    expect(approved[0]!.text).toContain('/en/account/notifications');
    // Reviewing again is refused (already approved) and sends nothing more.
    expect((await send(s.app, 'POST', `/organisations/${x.organisationId}/approve`, { token: staff, body: {} })).status).toBe(409);
    expect((await mailsTo(x.email)).filter((m) => m.subject === 'Mekendesh: your organisation is approved')).toHaveLength(1);
  });

  it('tell the officers a project needs changes, with the reason, once; none when they turned the kind off', async () => {
    const project = await submitted();
    const review = { decision: 'request_changes', reason: 'Attach the estimate' };
    expect((await send(s.app, 'POST', `/projects/${project.id}/review`, { token: staff, body: review })).status).toBe(200);
    expect((await send(s.app, 'POST', `/projects/${project.id}/review`, { token: staff, body: review })).status).toBe(409);
    const title = project.title.ky!;
    const changes = (await mailsTo(x.email)).filter((m) => m.subject === `Mekendesh: "${title}" needs changes`);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.text).toContain('What the programme says: Attach the estimate');

    expect((await send(s.app, 'PUT', '/me/notifications', { token: x.token, body: { off: ['staff_decision'] } })).status).toBe(200);
    const second = await submitted();
    expect((await send(s.app, 'POST', `/projects/${second.id}/review`, { token: staff, body: { decision: 'approve' } })).status).toBe(200);
    expect((await mailsTo(x.email)).filter((m) => m.subject.includes('is approved and published'))).toEqual([]);
  });
});
