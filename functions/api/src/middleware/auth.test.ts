import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { IdentityError, type UserRecord } from '@mekendesh/domain';
import type { ApiEnv } from '../env.js';
import { handleError } from './problem.js';
import { authenticate, type AuthDeps } from './auth.js';

const TOKEN = 'token-of-a-console-made-user-0001';

/** The middleware on its own, with an in-memory user store whose `ensure` writes only when absent. */
function appWith() {
  const records = new Map<string, UserRecord>();
  const calls = { ensure: 0, emailOf: 0 };
  const deps: AuthDeps = {
    verifier: {
      verify: async (token) => {
        if (token !== TOKEN) throw new IdentityError('invalid_token', 'bad signature');
        return { userId: 'u-console', roles: ['investor'], issuedAt: Math.floor(Date.now() / 1000) };
      },
    },
    users: {
      get: async (id) => records.get(id),
      ensure: async (record) => {
        calls.ensure++;
        await new Promise((r) => setTimeout(r, 1));
        if (!records.has(record.id)) records.set(record.id, record);
        return records.get(record.id)!;
      },
    },
    identity: {
      emailOf: async () => {
        calls.emailOf++;
        return 'console@example.kg';
      },
    },
    clock: { now: () => new Date() },
  };
  const app = new Hono<ApiEnv>();
  app.use('*', authenticate(deps));
  app.get('/who', (c) => c.json(c.var.actor));
  app.onError(handleError);
  return { app, records, calls };
}

const asUser = { headers: { authorization: `Bearer ${TOKEN}` } };

describe('authenticate', () => {
  it('puts the anonymous actor on the context without a token', async () => {
    const { app, calls } = appWith();
    expect(await (await app.request('/who')).json()).toEqual({ kind: 'anonymous' });
    expect(calls).toEqual({ ensure: 0, emailOf: 0 });
  });

  it('provisions a user without a platform record on the first request, once, and reads it afterwards', async () => {
    const { app, records, calls } = appWith();
    const first = await (await app.request('/who', asUser)).json();
    expect(first).toEqual({ kind: 'user', id: 'u-console', roles: ['investor'], organisationId: null, organisationRole: null, mfa: false });
    expect(await (await app.request('/who', asUser)).json()).toEqual(first);
    expect([...records.keys()]).toEqual(['u-console']);
    expect(records.get('u-console')!.email).toBe('console@example.kg');
    expect(calls.ensure).toBe(1);
  });

  it('creates one user when the first requests arrive together', async () => {
    const { app, records } = appWith();
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.request('/who', asUser)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(records.size).toBe(1);
  });

  it('answers a bad token 401 problem+json and provisions nothing', async () => {
    const { app, records } = appWith();
    const res = await app.request('/who', { headers: { authorization: 'Bearer not-the-right-token-000000' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(records.size).toBe(0);
  });
});
