/**
 * Sizes that matter on a cold Lambda and a slow phone: the bundled API and job functions (as the CDK bundles them)
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

/** The scheduled functions' entries (infra/lib/jobs-stack.ts JOB_ENTRIES), one bundle each. */
const JOB_ENTRIES = { rates: 'functions/jobs/src/rates.ts', deadlines: 'functions/jobs/src/deadlines.ts' } as const;

async function lambdaBundle(entry: string) {
  const started = performance.now();
  const out = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    write: false,
    // As the CDK bundles it: everything inside but sharp (native; see infra/lib/api-stack.ts).
    mainFields: ['module', 'main'],
    external: ['sharp'],
    logLevel: 'silent',
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
  /** Each scheduled function's bundle. */
  jobBundles: Record<keyof typeof JOB_ENTRIES, { raw: number; gz: number; ms: number }>;
  webClient: { count: number; raw: number; gz: number } | undefined;
}

export async function measureSizes(): Promise<SizesResult> {
  const api = await lambdaBundle('functions/api/src/lambda.ts');
  console.log('\nSizes');
  console.log(
    `  API Lambda bundle (esbuild, ESM, minified, SDK inside): ${kb(api.raw)} raw, ${kb(api.gz)} gzipped (bundled in ${api.ms.toFixed(0)} ms)`,
  );
  const jobBundles = { rates: await lambdaBundle(JOB_ENTRIES.rates), deadlines: await lambdaBundle(JOB_ENTRIES.deadlines) };
  for (const [name, b] of Object.entries(jobBundles))
    console.log(`  Job Lambda bundle, ${name} (functions/jobs): ${kb(b.raw)} raw, ${kb(b.gz)} gzipped`);
  const web = webClient();
  console.log(
    web
      ? `  Web client JS, all chunks (public pages load none: csr is off): ${web.count} files, ${kb(web.raw)} raw, ${kb(web.gz)} gzipped`
      : '  Web client JS: web/build missing (run pnpm build)',
  );
  return { apiBundle: api, jobBundles, webClient: web };
}

if (isMain(import.meta.url)) await measureSizes();
