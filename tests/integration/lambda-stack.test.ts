import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script (run by infra's afterBundling with `node`), typed by its JSDoc only.
import { bundleLambda } from '../../functions/api/bundle.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A Lambda entry like the API's (lambda.ts): log lines through Powertools, errors by the API's handleError, one route that throws. */
const ENTRY = `import { OpenAPIHono } from '@hono/zod-openapi';
import { handle } from 'hono/aws-lambda';
import { observability } from '@mekendesh/lambda-runtime';
import { useLogSink } from './middleware/logger.js';
import { handleError } from './middleware/problem.js';

function failingUseCase(): never {
  // line 8
  throw new Error('boom inside a route');
}

const o = observability({ service: 'api', namespace: 'Mekendesh/Test' });
useLogSink(o.log);
const app = new OpenAPIHono();
app.get('/boom', () => failingUseCase());
app.onError(handleError);
export const handler = handle(app);
`;

/**
 * Source maps without `--enable-source-maps` (issue 14 A2: it cost every cold start 10-40 ms): a function bundled as
 * infra bundles it (maps beside the chunks), run with Lambda's environment and no NODE_OPTIONS, logs an error thrown
 * in a route with a stack that names the TypeScript source (packages/lambda-runtime source-mapped-stack.ts, applied
 * by observability's log), not index.mjs:1:<column>.
 */
describe('a bundled function without --enable-source-maps', () => {
  it('logs the stack of an error thrown in a route with its .ts file and line', async () => {
    const cache = join(root, 'node_modules/.cache/mekendesh-functions');
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(join(cache, 'stack-'));
    try {
      // Resolved from functions/api/src, as the API's own modules are; named so in the source map.
      await bundleLambda({
        entry: join(root, 'functions/api/src/lambda.ts'),
        outdir: dir,
        source: { contents: ENTRY, sourcefile: 'throwing-route.ts' },
      });
      const event = {
        version: '2.0',
        routeKey: '$default',
        rawPath: '/boom',
        rawQueryString: '',
        headers: { host: 'test' },
        requestContext: { http: { method: 'GET', path: '/boom', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' } },
        isBase64Encoded: false,
      };
      const program = `const { handler } = await import(${JSON.stringify(pathToFileURL(join(dir, 'stdin.mjs')).href)}); const r = await handler(${JSON.stringify(event)}, {}); console.log(JSON.stringify({ status: r.statusCode }));`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
        encoding: 'utf8',
        env: { ...process.env, AWS_LAMBDA_FUNCTION_NAME: 'test-api', AWS_REGION: 'eu-central-1', NODE_OPTIONS: '' },
      });
      expect(run.status, run.stderr).toBe(0);
      const lines = `${run.stdout}\n${run.stderr}`
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.find((l) => 'status' in l && !('message' in l))).toEqual({ status: 500 });
      const logged = lines.find((l) => l.message === 'unhandled error');
      expect(logged?.message).toBe('unhandled error');
      const stack = String(logged?.stack);
      expect(stack).toContain('boom inside a route');
      // The frame of the throw names the entry's source and line (failingUseCase's `throw`, line 9 of ENTRY), and the
      // frames through the API's error handling their own .ts files.
      expect(stack).toMatch(/throwing-route\.ts:9:\d+\)/);
      expect(stack).toMatch(/functions\/api\/src\/[\w/-]+\.ts:\d+:\d+|node_modules\/[^)]+\.(?:m?js|ts):\d+:\d+/);
      expect(stack).not.toMatch(/\.mjs:1:\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
