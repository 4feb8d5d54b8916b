// Bundles a function's entry for Lambda the way infra deploys it: one ESM entry `index.mjs` (handler `index.handler`),
// minified, for Node 22, the AWS SDK inside (the runtime's SDK is not the version we pin and test), sharp outside
// (native), with CODE SPLITTING: a module only reached through import() (Stripe, the S3 client and presigners, the SES
// and Secrets Manager clients, sharp's adapter) goes to its own chunk under chunks/, which Node parses only when the
// code first imports it. NodejsFunction's single --outfile cannot split, so the API stack runs this after its own
// bundling (infra/lib/api-stack.ts, afterBundling) and the bench measures the same output (tests/bench/function-sizes.ts).
// Usage: node functions/api/bundle.mjs <entry.ts> <outdir>
import { dirname } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * esbuild's options for a function bundle in `outdir` (see above); `metafile: true` so callers can list what went in.
 * @param {{ entry: string; outdir: string; splitting?: boolean; sourcemap?: boolean }} options
 * @returns {import('esbuild').BuildOptions}
 */
export function lambdaBuildOptions({ entry, outdir, splitting = true, sourcemap = true }) {
  return {
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    splitting,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    metafile: true,
    // Stack traces need file and line only (read when a stack is logged: packages/lambda-runtime source-mapped-stack.ts);
    // without the sources the zip stays small.
    sourcemap: sourcemap ? 'linked' : false,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    external: ['sharp'],
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // esbuild's ESM output has no `require`; some bundled CommonJS dependencies still call it.
    banner: { js: "import { createRequire as __mkCreateRequire } from 'node:module';const require = __mkCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  };
}

/**
 * Bundles `entry` into `outdir` (index.mjs, chunks/*.mjs, maps). With `source` (tests), the entry is that TypeScript
 * text instead, named `sourcefile` in stack traces and resolving imports from `entry`'s directory; it is written as
 * `stdin.mjs`.
 * @param {{ entry: string; outdir: string; splitting?: boolean; sourcemap?: boolean; source?: { contents: string; sourcefile: string } }} options
 * @returns {Promise<import('esbuild').BuildResult<{ metafile: true }>>}
 */
export async function bundleLambda({ source, ...options }) {
  const buildOptions = lambdaBuildOptions(options);
  if (source) {
    delete buildOptions.entryPoints;
    buildOptions.stdin = { ...source, loader: 'ts', resolveDir: dirname(options.entry) };
  }
  return /** @type {Promise<import('esbuild').BuildResult<{ metafile: true }>>} */ (build(buildOptions));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: node functions/api/bundle.mjs <entry.ts> <outdir>');
  await bundleLambda({ entry, outdir });
}
