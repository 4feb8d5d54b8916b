import { describe, expect, it } from 'vitest';
import type { Role } from '@mekendesh/contracts';
import { withInvestor, type UserRecord } from '@mekendesh/domain';
import type { Deps } from './composition.js';
import { createApp } from './app.js';
import { DEFAULT_BODY_LIMIT, jsonDepthExceeds, MAX_JSON_DEPTH, STATEMENT_BODY_LIMIT } from './middleware/body.js';

/** A port these tests must not reach: a request refused for its body changes nothing. */
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

const TOKENS: Record<string, Role[]> = { 'token-of-an-investor-0001': ['investor'], 'token-of-programme-staff-01': ['staff'] };
const INVESTOR = 'token-of-an-investor-0001';
const STAFF = 'token-of-programme-staff-01';

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
    // Only the read authentication makes with a pledge's first items (pledgeReadAhead): the caller's record.
    money: {
      money: { pledgeContext: async (i: { investorId: string }) => withInvestor({ supporter: false }, user(i.investorId)) },
    } as never,
    card: unused('card'),
    matching: unused('matching'),
    clubs: unused('clubs'),
    verifier,
    ledger: unused('ledger'),
    // The fuzzer reaches the public statistics routes too: an empty programme (the cached read must not reject unseen).
    transparency: { stats: { oblastSectorMoney: async () => ({ rows: [], through: null }), pipeline: async () => [] } } as never,
    demand: unused('demand'),
    payments: unused('payments'),
  };
}

const app = createApp(deps());
type Problem = { type: string; title: string; status: number; errors?: { field: string; code: string; message: string }[] };

interface Operation {
  key: string;
  method: string;
  path: string;
  required: boolean;
  token?: string;
  limit?: number;
}

/** Every operation of the OpenAPI document, with a token that passes its declared access. */
async function operations(): Promise<Operation[]> {
  type Declared = {
    security?: Record<string, string[]>[];
    'x-refused-roles'?: string[];
    requestBody?: { required?: boolean };
    'x-max-body-bytes'?: number;
  };
  const doc = (await (await app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, Declared>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const staff = op.security?.some((r) => Object.values(r).some((roles) => roles.includes('staff')));
      const token = !op.security?.length ? undefined : staff ? STAFF : INVESTOR;
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path: path.replace(/\{[^}]+\}/g, 'x1234567'),
        required: op.requestBody?.required === true,
        ...(token ? { token } : {}),
        ...(op['x-max-body-bytes'] ? { limit: op['x-max-body-bytes'] } : {}),
      };
    }),
  );
}

const auth = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

/** `[[[[…` of the given size: what held the API for 4 s at 10 MB. */
const brackets = (bytes: number) => '['.repeat(bytes);

describe('request bodies are limited by their route before anything parses them', () => {
  it("answers a 10 MB body of nested brackets to the sign-in route 413 problem+json at once, in the caller's language", async () => {
    for (const headers of [{}, { 'content-length': String(10 * 1024 * 1024) }] as Record<string, string>[]) {
      const started = performance.now();
      const res = await app.request('/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'ru', ...headers },
        body: brackets(10 * 1024 * 1024),
      });
      const elapsed = performance.now() - started;
      expect(res.status).toBe(413);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = (await res.json()) as Problem;
      expect(body.type).toBe('https://mekendesh.kg/problems/payload-too-large');
      expect(body.title).toBe('Тело запроса слишком большое');
      expect(elapsed).toBeLessThan(500);
    }
  });

  it('refuses JSON nested deeper than the limit with 400 naming the body, before it is parsed', async () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    for (const body of [deep, brackets(DEFAULT_BODY_LIMIT - 1)]) {
      const res = await app.request('/v1/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Problem).errors).toEqual([expect.objectContaining({ field: '(body)', code: 'invalid' })]);
    }
  });

  it('names the body when it is not JSON at all', async () => {
    const res = await app.request('/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'ky' },
      body: '{"email": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors).toEqual([
      { field: '(body)', code: 'invalid_format', message: 'Суроонун денеси туура JSON эмес.' },
    ]);
  });

  it('lets a statement through up to its own documented limit, and no further', async () => {
    // 1 MB of CSV is more than the default limit but within the statement's: it reaches validation (the unknown field).
    const csv = 'x'.repeat(1_000_000);
    const within = await app.request('/v1/staff/statements/preview', {
      method: 'POST',
      headers: { ...auth(STAFF), 'content-type': 'application/json' },
      body: JSON.stringify({ csv, colour: 1 }),
    });
    expect(within.status).toBe(400);
    expect(JSON.stringify(await within.json())).toContain('colour');
    const beyond = await app.request('/v1/staff/statements/preview', {
      method: 'POST',
      headers: { ...auth(STAFF), 'content-type': 'application/json' },
      body: 'x'.repeat(STATEMENT_BODY_LIMIT + 1),
    });
    expect(beyond.status).toBe(413);
  });

  it('takes a report of 19,000 Cyrillic characters in ky and ru (76 KB) past the body limit to the route', async () => {
    const long = 'ж'.repeat(19_000);
    const body = JSON.stringify({ milestoneId: 'm1', text: { ky: long, ru: long, en: 'Roof done' }, photoKeys: [] });
    expect(body.length * 2).toBeGreaterThan(DEFAULT_BODY_LIMIT);
    for (const [method, path] of [
      ['POST', '/v1/projects/x1234567/reports'],
      ['PUT', '/v1/projects/x1234567/reports/r1234567'],
    ] as const) {
      const res = await app.request(path, { method, headers: { ...auth(INVESTOR), 'content-type': 'application/json' }, body });
      // It reaches the route (this app has no store behind it): 413 was the refusal.
      expect(`${method} ${res.status}`).not.toBe(`${method} 413`);
    }
  });

  it('sizes every route: the default for JSON routes, larger only where the contract needs it, published in the OpenAPI document', async () => {
    const larger = (await operations()).filter((op) => op.limit).map((op) => `${op.key} ${op.limit}`);
    expect(larger.sort()).toEqual([
      'POST /v1/projects 262144',
      'POST /v1/projects/{id}/reports 262144',
      'POST /v1/staff/statements/commit 4194304',
      'POST /v1/staff/statements/preview 4194304',
      'POST /v1/webhooks/stripe 524288',
      'PUT /v1/projects/{id} 262144',
      'PUT /v1/projects/{id}/reports/{reportId} 262144',
    ]);
    for (const op of (await operations()).filter((o) => o.method !== 'GET' && o.method !== 'DELETE')) {
      const res = await app.request(op.path, {
        method: op.method,
        headers: { ...auth(op.token), 'content-type': 'application/json' },
        body: brackets((op.limit ?? DEFAULT_BODY_LIMIT) + 1),
      });
      expect(`${op.key} ${res.status} ${res.headers.get('content-type')}`).toBe(`${op.key} 413 application/problem+json`);
    }
  });

  it('still answers an anonymous caller of a secured route 401, without reading its body', async () => {
    const res = await app.request('/v1/me/profile', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: brackets(10 * 1024 * 1024),
    });
    expect(res.status).toBe(401);
  });
});

describe('a required body is required, and only its declared media type is taken', () => {
  it('refuses approving an organisation with no body and no Content-Type (400 naming the body; nothing reached)', async () => {
    const res = await app.request('/v1/organisations/x1234567/approve', { method: 'POST', headers: auth(STAFF) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors).toEqual([expect.objectContaining({ field: '(body)', code: 'required' })]);
  });

  it('answers every operation with a required body, called with the right access and no body, 4xx problem+json without reaching a use case', async () => {
    const ops = (await operations()).filter((op) => op.required);
    expect(ops.length).toBeGreaterThan(20);
    const answers: string[] = [];
    for (const op of ops) {
      for (const headers of [{}, { 'content-type': 'application/json' }] as Record<string, string>[]) {
        const res = await app.request(op.path, {
          method: op.method,
          headers: { ...auth(op.token), 'idempotency-key': 'k'.repeat(32), ...headers },
        });
        const body = (await res.json()) as Problem;
        answers.push(`${op.key} ${res.status} ${res.headers.get('content-type')} ${body.errors?.[0]?.field ?? body.type}`);
      }
    }
    expect(answers.filter((a) => !/ 40\d application\/problem\+json /.test(a))).toEqual([]);
    expect(answers.filter((a) => / 400 /.test(a) && !a.endsWith(' (body)') && !/ (header|param)\./.test(a))).toEqual([]);
  });

  it('answers 415 with its own problem type, in ky, ru and en, to a body of another media type', async () => {
    const titles: string[] = [];
    for (const lang of ['ky', 'ru', 'en']) {
      const res = await app.request('/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'accept-language': lang },
        body: '{}',
      });
      expect(res.status).toBe(415);
      const body = (await res.json()) as Problem;
      expect(body.type).toBe('https://mekendesh.kg/problems/unsupported-media-type');
      titles.push(body.title);
    }
    expect(new Set(titles).size).toBe(3);
    const noType = await app.request('/v1/auth/sign-in', { method: 'POST', body: '{"email":"a@b.kg"}' });
    expect(noType.status).toBe(415);
  });
});

describe('jsonDepthExceeds', () => {
  it('counts brackets outside strings only, escapes included', () => {
    expect(jsonDepthExceeds('[[[]]]', 3)).toBe(false);
    expect(jsonDepthExceeds('[[[[]]]]', 3)).toBe(true);
    expect(jsonDepthExceeds('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonDepthExceeds('["[[[[[[", "\\"[[[[[["]', 2)).toBe(false);
    expect(jsonDepthExceeds('[[["]]]]]"]]]', 2)).toBe(true);
  });
});

describe('security headers on every API answer', () => {
  it('every operation of the OpenAPI document, answered anonymously, with the right access, and refused for its body', async () => {
    const seen: string[] = [];
    for (const op of await operations()) {
      const body =
        op.method === 'GET' || op.method === 'DELETE'
          ? {}
          : { body: brackets(DEFAULT_BODY_LIMIT * 2), headers: { 'content-type': 'application/json' } };
      for (const token of [undefined, op.token]) {
        // Ports behind GET routes are not wired here: their 500s must carry the headers too.
        const res = await app.request(op.path, { method: op.method, ...body, headers: { ...(body.headers ?? {}), ...auth(token) } });
        const h = (name: string) => res.headers.get(name) ?? '';
        const ok =
          h('content-security-policy').includes("frame-ancestors 'none'") &&
          /max-age=\d{7,}/.test(h('strict-transport-security')) &&
          h('x-content-type-options') === 'nosniff' &&
          h('referrer-policy') === 'no-referrer' &&
          h('x-frame-options') === 'DENY';
        seen.push(`${op.key} ${res.status} ${ok ? 'headers' : 'MISSING HEADERS'}`);
      }
    }
    expect(seen.length).toBeGreaterThan(60);
    expect(seen.filter((s) => s.endsWith('MISSING HEADERS'))).toEqual([]);
  });
});
