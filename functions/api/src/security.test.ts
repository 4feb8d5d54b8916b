import { describe, expect, it } from 'vitest';
import type { Role } from '@mekendesh/contracts';
import { withInvestor, type UserRecord } from '@mekendesh/domain';
import type { Deps } from './composition.js';
import { createApp } from './app.js';

/**
 * The routes anyone may call. Explicit on purpose: every other operation of the OpenAPI document must
 * declare security and answer an anonymous caller 401 before looking at its input, so a new route is
 * covered by these tests the day it is added.
 */
const PUBLIC_OPERATIONS = [
  'GET /v1/health',
  'GET /v1/territories',
  'GET /v1/stats/oblasts',
  'GET /v1/stats/programme',
  'GET /v1/stats/open-data.csv',
  'GET /v1/projects/{id}/supporters',
  'GET /v1/projects',
  'GET /v1/projects/{id}',
  'GET /v1/projects/{id}/ledger',
  'GET /v1/projects/{id}/funding',
  'GET /v1/projects/{id}/progress',
  'GET /v1/projects/{id}/questions',
  'GET /v1/questions/{id}',
  'GET /v1/projects/{id}/clubs',
  'GET /v1/clubs',
  'GET /v1/clubs/{id}',
  'GET /v1/projects/{id}/media/{key}',
  'GET /v1/organisations/{id}',
  'GET /v1/organisations/{id}/published-projects',
  'GET /v1/programmes',
  'GET /v1/recommendations',
  'GET /v1/payments/options',
  'POST /v1/webhooks/stripe',
  'GET /v1/unsubscribe/{token}',
  'POST /v1/unsubscribe/{token}',
  'GET /v1/dev/outbox',
  'POST /v1/auth/sign-up',
  'POST /v1/auth/confirm',
  'POST /v1/auth/sign-in',
  'POST /v1/auth/sign-in/totp',
  'POST /v1/auth/refresh',
  'POST /v1/auth/forgot-password',
  'POST /v1/auth/reset-password',
];

/** Routes only programme staff (staff or admin) may call: refused 403 to others before validation. */
const STAFF_OPERATIONS = [
  'GET /v1/audit',
  'GET /v1/staff/projects',
  'GET /v1/staff/dashboard',
  'POST /v1/projects/{id}/review',
  'GET /v1/staff/organisations',
  'POST /v1/organisations/{id}/approve',
  'POST /v1/organisations/{id}/reject',
  'POST /v1/pledges/{id}/receipts',
  'POST /v1/staff/statements/preview',
  'POST /v1/staff/statements/commit',
  'GET /v1/rates',
  'PUT /v1/rates/{date}',
  'POST /v1/programmes',
  'GET /v1/staff/receiving-accounts',
  'POST /v1/staff/receiving-accounts',
  'PUT /v1/staff/receiving-accounts/{id}',
  'DELETE /v1/staff/receiving-accounts/{id}',
  'POST /v1/questions/{id}/moderation',
];

/** A port these tests must not reach: the request must be settled before any use case runs. */
function unused(name: string): never {
  return new Proxy(
    {},
    {
      get: (_t, prop) =>
        prop === 'then'
          ? undefined
          : () => {
              throw new Error(`${name}.${String(prop)} was called`);
            },
    },
  ) as never;
}

const TOKENS: Record<string, Role[]> = {
  'token-of-an-investor-0001': ['investor'],
  'token-of-programme-staff-01': ['staff'],
  'token-of-an-admin-000000001': ['admin'],
};

function user(id: string): UserRecord {
  return {
    id,
    email: `${id}@example.kg`,
    profile: {} as never,
    organisationId: null,
    organisationRole: null,
    revokedBefore: null,
    createdAt: '2026-01-01T00:00:00Z',
    // Staff here signed in with their TOTP code (issue 14); two-step.test.ts covers those who did not.
    twoStepAt: Date.parse('2026-01-01T00:00:00Z'),
  };
}

// Only who is calling is real here; every use case behind the routes is a port that must not be reached.
function deps(): Deps {
  const verifier = {
    verify: async (token: string) => ({ userId: `u-${TOKENS[token]![0]}`, roles: TOKENS[token]!, issuedAt: Math.floor(Date.now() / 1000) }),
  };
  return {
    projects: unused('projects'),
    health: unused('health'),
    accounts: { ...(unused('accounts') as object), users: { get: async (id: string) => user(id) }, identity: unused('identity') } as never,
    organisations: unused('organisations'),
    projectDeps: unused('projectDeps'),
    audit: unused('audit'),
    refundsDue: unused('refundsDue'),
    dashboard: unused('dashboard'),
    notifier: unused('notifier'),
    follows: unused('follows'),
    questions: unused('questions'),
    pledgeMessages: unused('pledgeMessages'),
    reports: unused('reports'),
    unsubscribeKey: Buffer.alloc(32),
    money: unused('money'),
    card: unused('card'),
    matching: unused('matching'),
    clubs: unused('clubs'),
    verifier,
    outbox: unused('outbox'),
    ledger: unused('ledger'),
    transparency: unused('transparency'),
    demand: unused('demand'),
    payments: unused('payments'),
  };
}

interface Operation {
  key: string;
  method: string;
  path: string;
  security?: Record<string, string[]>[];
  refusedRoles?: string[];
}

const app = createApp(deps());

async function operations(): Promise<Operation[]> {
  type Declared = { security?: Operation['security']; 'x-refused-roles'?: string[] };
  const doc = (await (await app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, Declared>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      security: op.security,
      refusedRoles: op['x-refused-roles'],
    })),
  );
}

/** The operation called with placeholder path parameters, a query and a body that would all fail validation. */
function call(op: Operation, token?: string) {
  const url = `${op.path.replace(/\{[^}]+\}/g, 'x')}?limit=0`;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  return app.request(url, { method: op.method, headers, ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { body: '{}' }) });
}

describe('authentication comes first on every secured route', () => {
  it('the OpenAPI document declares security on every operation outside the public list, and none on public ones', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(PUBLIC_OPERATIONS.length);
    expect(ops.filter((op) => !PUBLIC_OPERATIONS.includes(op.key) && !op.security?.length).map((op) => op.key)).toEqual([]);
    expect(ops.filter((op) => PUBLIC_OPERATIONS.includes(op.key) && op.security?.length).map((op) => op.key)).toEqual([]);
  });

  it('answers an anonymous caller 401 problem+json on every secured operation, whatever the input', async () => {
    const answers: string[] = [];
    for (const op of (await operations()).filter((o) => !PUBLIC_OPERATIONS.includes(o.key))) {
      const res = await call(op);
      const body = (await res.json()) as { type?: string };
      answers.push(`${op.key} ${res.status} ${res.headers.get('content-type')} ${body.type}`);
    }
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => !a.endsWith(' 401 application/problem+json https://mekendesh.kg/problems/unauthorized'))).toEqual([]);
  });

  it('answers a signed-in investor 403 on staff routes before validating anything', async () => {
    const ops = await operations();
    const restricted = ops.filter(
      (op) => op.security?.length && op.security.every((req) => Object.values(req).some((roles) => roles.length > 0)),
    );
    expect(restricted.map((op) => op.key).sort()).toEqual(expect.arrayContaining(STAFF_OPERATIONS.sort()));
    for (const op of restricted) {
      const res = await call(op, 'token-of-an-investor-0001');
      expect(`${op.key} ${res.status} ${res.headers.get('content-type')}`).toBe(`${op.key} 403 application/problem+json`);
    }
  });

  it('lets staff and admins through to validation on staff routes (400 naming the field, no use case reached)', async () => {
    for (const token of ['token-of-programme-staff-01', 'token-of-an-admin-000000001']) {
      const res = await app.request('/v1/programmes', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(await res.json())).toContain('"field":"name"');
    }
  });

  it('answers programme staff 403 before validation on routes their role may not use (pledging, applying)', async () => {
    const ops = await operations();
    const refused = ops.filter((op) => op.refusedRoles?.includes('staff'));
    expect(refused.map((op) => op.key).sort()).toEqual(
      expect.arrayContaining(['POST /v1/organisations', 'POST /v1/projects/{id}/pledges']),
    );
    for (const op of refused) {
      for (const token of ['token-of-programme-staff-01', 'token-of-an-admin-000000001']) {
        const res = await call(op, token);
        expect(`${op.key} ${res.status} ${res.headers.get('content-type')}`).toBe(`${op.key} 403 application/problem+json`);
      }
      const investor = await call(op, 'token-of-an-investor-0001');
      expect(`${op.key} ${investor.status}`).toBe(`${op.key} 400`);
    }
  });

  it('still validates a signed-in caller on routes open to every role (the profile)', async () => {
    const res = await app.request('/v1/me/profile', {
      method: 'PUT',
      headers: { authorization: 'Bearer token-of-an-investor-0001', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('"field":"displayName"');
  });

  it('answers an anonymous caller 401 on the two routes of the report, with a bad body or none', async () => {
    for (const [method, path] of [
      ['PUT', '/v1/me/profile'],
      ['POST', '/v1/organisations'],
    ] as const) {
      for (const body of ['{}', '', '{"displayName": 5', undefined]) {
        const res = await app.request(path, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body }),
        });
        expect(`${method} ${path} ${JSON.stringify(body)} ${res.status}`).toBe(`${method} ${path} ${JSON.stringify(body)} 401`);
      }
    }
  });

  it('still answers public routes to anonymous callers (validation, not 401)', async () => {
    const res = await app.request('/v1/auth/sign-up', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
  });
});

describe('the pledge route reads its first items with authentication (pledgeReadAhead)', () => {
  /** The app with a store whose batch answers the investor's record as `stored`; counts what authentication read. */
  function pledgeApp(stored: Partial<UserRecord>) {
    const calls = { batches: [] as { withUser: boolean; projectId: string; key: string }[], gets: 0 };
    const base = deps();
    const money = {
      money: {
        pledgeContext: async (i: { investorId: string; withUser: boolean; projectId: string; key: string }) => {
          calls.batches.push({ withUser: i.withUser, projectId: i.projectId, key: i.key });
          return withInvestor({ supporter: false }, { ...user(i.investorId), ...stored });
        },
      },
    };
    const users = {
      get: async (id: string) => {
        calls.gets += 1;
        return user(id);
      },
    };
    const app = createApp({ ...base, money: money as never, accounts: { ...(base.accounts as object), users } as never });
    const post = (body: string, key = 'pledge-key-0001') =>
      app.request('/v1/projects/p-1/pledges', {
        method: 'POST',
        headers: { authorization: 'Bearer token-of-an-investor-0001', 'content-type': 'application/json', 'idempotency-key': key },
        body,
      });
    return { calls, post };
  }

  it('answers a signed-out session 401 before validating the body, from the one batch', async () => {
    const { calls, post } = pledgeApp({ revokedBefore: Date.now() + 60_000 });
    for (const body of ['{}', '{"type": 5', '']) {
      const res = await post(body);
      expect(`${JSON.stringify(body)} ${res.status} ${res.headers.get('content-type')}`).toBe(
        `${JSON.stringify(body)} 401 application/problem+json`,
      );
    }
    expect(calls.batches).toEqual(Array(3).fill({ withUser: true, projectId: 'p-1', key: 'pledge-key-0001' }));
    expect(calls.gets).toBe(0);
  });

  it('validates a live session after the batch (400 naming the field), and reads the record alone without a usable key', async () => {
    const { calls, post } = pledgeApp({});
    const res = await post('{}');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('"field":"type"');
    expect(calls.batches).toHaveLength(1);
    expect(calls.gets).toBe(0);
    // A malformed key: no read ahead; authentication reads the record alone, as on every route, then validation refuses.
    const short = await post('{}', 'short');
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toContain('"field":"header.idempotency-key"');
    expect(calls.gets).toBe(1);
    expect(calls.batches).toHaveLength(1);
  });
});
