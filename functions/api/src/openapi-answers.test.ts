import { describe, expect, it } from 'vitest';
import type { Deps } from './composition.js';
import { createApp } from './app.js';

interface Operation {
  security?: unknown[];
  requestBody?: unknown;
  parameters?: { in: string; name: string }[];
  responses: Record<string, unknown>;
}

/** No port is reached: the document comes from the declarations, and every request below is refused before a handler. */
const app = createApp({ accounts: {}, outbox: {} } as unknown as Deps);
const doc = (await (await app.request('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })),
);
const declared = (op: Operation) => Object.keys(op.responses).map(Number);

describe('every route declares the statuses the app answers for it (issue 12 review)', () => {
  it('lists 400, 413 and 415 where a body is taken, 422 where an Idempotency-Key is, 401 where security is declared', () => {
    const missing: string[] = [];
    for (const { key, op } of operations) {
      const want = [
        ...(op.requestBody ? [400, 413, 415] : []),
        ...(op.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key') ? [422] : []),
        ...(op.security?.length ? [401] : []),
      ];
      for (const status of want) if (!declared(op).includes(status)) missing.push(`${key} ${status}`);
    }
    expect(missing).toEqual([]);
    expect(operations.filter(({ op }) => op.requestBody).length).toBeGreaterThan(30);
  });

  it('names the two the review found: 415 on the one-click unsubscribe, 422 on a club contribution', () => {
    expect(declared(doc.paths['/v1/unsubscribe/{token}']!.post!)).toContain(415);
    expect(declared(doc.paths['/v1/club-pledges/{id}/contributions']!.post!)).toEqual(expect.arrayContaining([401, 415, 422]));
    // A route's own description of a status stays (pledges: its 422 says what the key protects).
    expect(doc.paths['/v1/projects/{id}/pledges']!.post!.responses['422']).toMatchObject({ description: expect.any(String) });
  });

  it('answers a body of another media type, sent to every route that takes one, with a status its entry lists', async () => {
    const undeclared: string[] = [];
    for (const { key, method, path, op } of operations.filter(({ op }) => op.requestBody)) {
      const url = path.replaceAll(/\{[^}]+\}/g, 'x1');
      const res = await app.request(url, { method: method.toUpperCase(), headers: { 'content-type': 'text/plain' }, body: 'x' });
      if (!declared(op).includes(res.status)) undeclared.push(`${key} answered ${res.status}`);
    }
    expect(undeclared).toEqual([]);
  });
});
