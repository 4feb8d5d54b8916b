import { describe, expect, it } from 'vitest';
import type { Project, ProjectSummary } from '@mekendesh/contracts';
import type { Deps } from './composition.js';
import { createApp } from './app.js';

/** A port these tests must not reach: any call fails the test. */
function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get: (_t, prop) =>
      prop === 'then'
        ? undefined
        : () => {
            throw new Error(`${name}.${String(prop)} was called`);
          },
  });
}

// An in-memory port for fast checks of the HTTP layer; the same routes run on DynamoDB Local in tests/integration.
function fakeDeps(projects: Project[] = [], healthy = true): Deps {
  const store = {
    get: async (id: string) => projects.find((p) => p.id === id),
    listByStatus: async ({ limit }: { limit: number }) => ({ items: projects.slice(0, limit) as ProjectSummary[], nextCursor: null }),
    discover: async ({ limit }: { limit: number }) => ({ items: projects.slice(0, limit), nextCursor: null }),
    oblastStats: async () => [],
  };
  return {
    projectDeps: {
      ...unused<Deps['projectDeps']>('projectDeps'),
      projects: { ...unused<Deps['projectDeps']['projects']>('projects'), ...store },
    },
    accounts: unused('accounts'),
    organisations: unused('organisations'),
    audit: unused('audit'),
    refundsDue: unused('refundsDue'),
    dashboard: unused('dashboard'),
    ledger: unused('ledger'),
    transparency: unused('transparency'),
    demand: unused('demand'),
    money: unused('money'),
    card: unused('card'),
    matching: unused('matching'),
    clubs: unused('clubs'),
    notifier: unused('notifier'),
    follows: unused('follows'),
    questions: unused('questions'),
    pledgeMessages: unused('pledgeMessages'),
    reports: unused('reports'),
    unsubscribeKey: Buffer.alloc(32),
    payments: unused('payments'),
    verifier: unused('verifier'),
    health: { ping: async () => (healthy ? undefined : Promise.reject(new Error('down'))) },
    projects: store,
  };
}

describe('HTTP layer', () => {
  const app = createApp(fakeDeps());

  it('answers a bad query with 400 problem+json naming the field', async () => {
    const res = await app.request('/v1/projects?limit=500');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body.errors).toEqual([expect.objectContaining({ field: 'query.limit' })]);
  });

  it('refuses unknown query fields rather than ignoring them', async () => {
    const res = await app.request('/v1/projects?status=draft');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('status');
  });

  it('speaks the language the client asks for in problem titles', async () => {
    const ky = await (await app.request('/v1/nowhere', { headers: { 'accept-language': 'ky-KG,ru;q=0.8' } })).json();
    const ru = await (await app.request('/v1/nowhere', { headers: { 'accept-language': 'ru' } })).json();
    const en = await (await app.request('/v1/nowhere')).json();
    expect([ky.title, ru.title, en.title]).toEqual(['Табылган жок', 'Не найдено', 'Not found']);
  });

  it('puts security headers and a request id on every response', async () => {
    for (const path of ['/v1/health', '/v1/nowhere', '/v1/projects?limit=x', '/', '/V1/me', '/v2/x']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('keeps a sane incoming request id and replaces a hostile one', async () => {
    const kept = await app.request('/v1/health', { headers: { 'x-request-id': 'abc-123-def-456' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123-def-456');
    const replaced = await app.request('/v1/health', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says 503 when the database does not answer, without leaking why', async () => {
    const res = await createApp(fakeDeps([], false)).request('/v1/health');
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain('down');
  });

  it('publishes an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const doc = await (await app.request('/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/projects', '/v1/projects/{id}', '/v1/territories', '/v1/health']));
    expect(doc.components.schemas.Project.properties.goal.type).toBe('integer');
  });

  it('serves the interactive reference without any third-party origin', async () => {
    const res = await app.request('/v1/docs');
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await app.request('/v1/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect((await app.request('/v1/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });
});
