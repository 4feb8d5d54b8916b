/**
 * Sizes that matter on a cold Lambda and a slow phone: the bundled API function (as the CDK bundles it)
 * and the web app's client JavaScript, raw and gzipped (bytes). Run by `pnpm bench`, or alone with
 * `tsx tests/bench/sizes.ts`; prints the figures and returns them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { isMain } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function apiBundle() {
  const started = performance.now();
  const out = await build({
    entryPoints: [join(root, 'functions/api/src/lambda.ts')],
    bundle: true, platform: 'node', format: 'esm', target: 'node22', minify: true, write: false,
    // As the CDK bundles it: everything inside but sharp (native; see infra/lib/api-stack.ts).
    mainFields: ['module', 'main'], external: ['sharp'], logLevel: 'silent',
    banner: { js: "import { createRequire as __r } from 'node:module';const require = __r(import.meta.url);" },
  });
  const code = out.outputFiles[0]!.contents;
  return { raw: code.length, gz: gzipSync(code).length, ms: performance.now() - started };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

function webClient() {
  const dir = join(root, 'web/build/client/_app/immutable');
  if (!existsSync(dir)) return undefined;
  const js = files(dir).filter((f) => f.endsWith('.js'));
  const raw = js.reduce((n, f) => n + statSync(f).size, 0);
  const gz = js.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  return { count: js.length, raw, gz };
}

/** Bytes of the bundled API function and of all the web app's client chunks (undefined without web/build). */
export interface SizesResult {
  apiBundle: { raw: number; gz: number; ms: number };
  webClient: { count: number; raw: number; gz: number } | undefined;
}

export async function measureSizes(): Promise<SizesResult> {
  const api = await apiBundle();
  console.log('\nSizes');
  console.log(`  API Lambda bundle (esbuild, ESM, minified, SDK inside): ${kb(api.raw)} raw, ${kb(api.gz)} gzipped (bundled in ${api.ms.toFixed(0)} ms)`);
  const web = webClient();
  console.log(
    web
      ? `  Web client JS, all chunks (public pages load none: csr is off): ${web.count} files, ${kb(web.raw)} raw, ${kb(web.gz)} gzipped`
      : '  Web client JS: web/build missing (run pnpm build)',
  );
  return { apiBundle: api, webClient: web };
}

if (isMain(import.meta.url)) await measureSizes();
