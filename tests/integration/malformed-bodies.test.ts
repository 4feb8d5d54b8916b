import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authStack, newConfirmedInvestor, newUserInGroup, post, signInToken, type AuthStack } from '../fixtures/auth-stack.js';
import { send } from '../fixtures/proposals.js';

let s: AuthStack;
let staff: string;

beforeAll(async () => {
  s = await authStack();
  staff = await signInToken(s.app, await newUserInGroup('staff'));
}, 120_000);
afterAll(() => s.drop());

/** An organisation applied for and waiting for staff, as the report's approval without a body found it. */
async function pendingOrganisation(who: string): Promise<string> {
  const applicant = await signInToken(s.app, await newConfirmedInvestor(s.app, who));
  const applied = await post(
    s.app,
    '/organisations',
    {
      name: { ky: `${who} айыл өкмөтү` },
      kind: 'ayil_okmotu',
      territorySoate: '41704220000000',
      applicantPosition: 'Башчы',
      contactPhone: '+996 700 111 222',
      contactEmail: `${who}@example.kg`,
    },
    applicant,
  );
  expect(applied.status).toBe(201);
  return ((await applied.json()) as { id: string }).id;
}

describe('a required body is required (DynamoDB Local)', () => {
  it('POST /v1/organisations/{id}/approve with no body: 400 naming the body, and the organisation stays pending', async () => {
    const id = await pendingOrganisation('nobody');
    for (const headers of [{}, { 'content-type': 'application/json' }, { 'content-type': 'text/plain' }] as Record<string, string>[]) {
      const res = await s.app.request(`/v1/organisations/${id}/approve`, {
        method: 'POST',
        headers: { authorization: `Bearer ${staff}`, ...headers },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    const bare = await s.app.request(`/v1/organisations/${id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${staff}` } });
    expect(((await bare.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['(body)']);
    expect((await send(s.app, 'GET', `/organisations/${id}`, { token: staff })).body).toMatchObject({ status: 'pending' });
    // With the body it requires, the same approval goes through.
    expect((await send(s.app, 'POST', `/organisations/${id}/approve`, { token: staff, body: {} })).body).toMatchObject({
      status: 'approved',
    });
  });
});
