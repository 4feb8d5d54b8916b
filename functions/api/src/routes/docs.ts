import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { ApiEnv } from '../env.js';

// The reference is served from the swagger-ui-dist package itself: no CDN, so it works offline
// and under a CSP that allows only this origin's scripts.
const ASSETS = { 'swagger-ui-bundle.js': 'text/javascript', 'swagger-ui.css': 'text/css' } as const;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mekendesh API reference</title><link rel="stylesheet" href="/v1/docs/assets/swagger-ui.css"></head>
<body><main id="swagger-ui"></main>
<script src="/v1/docs/assets/swagger-ui-bundle.js"></script><script src="/v1/docs/init.js"></script></body></html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

let assetDir: string | undefined;
/** Beside the bundle on Lambda (the CDK copies the files there), else the installed package. */
function swaggerDir(): string {
  if (assetDir) return assetDir;
  const bundled = fileURLToPath(new URL('./swagger-ui/', import.meta.url));
  assetDir = existsSync(bundled) ? bundled : dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return assetDir;
}

/** The interactive reference, mounted at /docs (plain routes: it is not part of the OpenAPI document). */
export function docsRoutes() {
  return new Hono<ApiEnv>()
    .get('/', (c) => c.html(PAGE))
    .get('/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
    .get('/assets/:file', async (c) => {
      const file = c.req.param('file');
      if (!Object.hasOwn(ASSETS, file)) return c.notFound();
      const body = await readFile(join(swaggerDir(), file));
      return c.body(body, 200, {
        'content-type': ASSETS[file as keyof typeof ASSETS],
        'cache-control': 'public, max-age=86400',
      });
    });
}
