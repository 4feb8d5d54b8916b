import { describe, expect, it } from 'vitest';
import { startApiServer } from './server.js';

describe('the API over HTTP (Node)', () => {
  it('answers 10 MB of nested brackets to sign-in 413 fast and keeps serving others meanwhile', async () => {
    // Composed from an empty environment: nothing here reaches a database.
    const server = await startApiServer({ port: 0, env: {} });
    try {
      const base = `http://127.0.0.1:${server.port}/v1`;
      const started = performance.now();
      const [big, other] = await Promise.all([
        fetch(`${base}/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '['.repeat(10 * 1024 * 1024),
        }),
        fetch(`${base}/territories`),
      ]);
      expect(big.status).toBe(413);
      expect(big.headers.get('content-type')).toBe('application/problem+json');
      expect(other.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1500);
      // Sent in chunks with no Content-Length: refused while it streams in.
      const chunks = new ReadableStream({
        start(c) {
          for (let i = 0; i < 160; i++) c.enqueue(new TextEncoder().encode('['.repeat(64 * 1024)));
          c.close();
        },
      });
      const streamed = await fetch(`${base}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      const long = await fetch(`${base}/projects?q=${'a'.repeat(50 * 1024)}`);
      expect(long.status).toBe(431);
      expect(((await long.json()) as { type: string }).type).toBe('https://mekendesh.kg/problems/request-too-long');
    } finally {
      await server.close();
    }
  });
});
