// Re-bundles adapter-node's server (web/build/server/server.js) for Lambda into OUTDIR/server.mjs + chunks:
// the build leaves exceljs, papaparse and qrcode as bare imports of web/node_modules (pnpm links, not copyable
// into a Lambda zip), so esbuild bundles them in; code splitting keeps Kit's per-route modules as separate
// chunks loaded on first use, so a cold start parses only what the first page needs.
// Usage (after `pnpm --filter web build`): node web/lambda/bundle-server.mjs <outdir>
// Run by the web stack's afterBundling step and by tests/e2e/web-lambda.test.ts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(WEB, 'build', 'server', 'server.js');

/**
 * Bundles Kit's server into `outdir` (`server.mjs`, `chunks/*.mjs`), ESM for Node 22.
 * @param {string} outdir
 * @throws Error when web/build is missing (run `pnpm --filter web build` first)
 */
export async function bundleServer(outdir) {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`pnpm --filter web build\` before bundling the web function`);
  await build({
    entryPoints: { server: ENTRY },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // CommonJS dependencies (exceljs) call require() for Node's built-ins, which ESM output lacks.
    banner: { js: "import { createRequire as __mkCreateRequire } from 'node:module'; const require = __mkCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = process.argv[2];
  if (!outdir) throw new Error('usage: node web/lambda/bundle-server.mjs <outdir>');
  await bundleServer(outdir);
}
