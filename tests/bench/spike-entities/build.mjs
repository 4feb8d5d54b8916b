/**
 * Bundles each variant as the CDK bundles the API (infra/lib/api-stack.ts: esbuild, ESM, minified, node22,
 * mainFields module/main, the AWS SDK inside) into $SPIKE/out/<variant>.mjs, and prints raw and gzipped
 * bytes (gzip level 6, as tests/bench/sizes.ts) and the delta over "raw". Packages resolve from $SPIKE/node_modules.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const SPIKE = process.env.SPIKE ?? '/tmp/spike';
export const VARIANTS = ['raw', 'electrodb', 'toolbox'];
const here = fileURLToPath(new URL('.', import.meta.url));
const req = createRequire(join(SPIKE, 'package.json'));
const { build } = await import(pathToFileURL(req.resolve('esbuild')).href);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
mkdirSync(join(SPIKE, 'out'), { recursive: true });
// Sources are copied under $SPIKE so that every import (the SDK too) resolves from $SPIKE/node_modules: bundled
// from this directory, the raw variant would take the workspace's SDK and the libraries a second copy.
mkdirSync(join(SPIKE, 'src'), { recursive: true });
for (const f of [...VARIANTS, 'shared'].map((n) => `${n}.mjs`)) copyFileSync(join(here, f), join(SPIKE, 'src', f));
const sizes = {};
for (const v of VARIANTS) {
  const out = await build({
    entryPoints: [join(SPIKE, 'src', `${v}.mjs`)],
    outfile: join(SPIKE, 'out', `${v}.mjs`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __r } from 'node:module';const require = __r(import.meta.url);" },
    metafile: true,
  });
  const code = readFileSync(join(SPIKE, 'out', `${v}.mjs`));
  const inputs = Object.entries(out.metafile.outputs[Object.keys(out.metafile.outputs)[0]].inputs);
  const lib = (name) => inputs.filter(([f]) => f.includes(`node_modules/${name}/`)).reduce((n, [, i]) => n + i.bytesInOutput, 0);
  sizes[v] = {
    raw: code.length,
    gz: gzipSync(code).length,
    library: lib(v === 'toolbox' ? 'dynamodb-toolbox' : v === 'electrodb' ? 'electrodb' : '@nothing'),
  };
}
console.log('variant     bundle raw   gzipped   Δ raw      Δ gz      library code in bundle (minified)');
for (const v of VARIANTS) {
  const s = sizes[v];
  const d = (k) => (v === 'raw' ? '—' : `+${kb(s[k] - sizes.raw[k])}`);
  console.log(
    `${v.padEnd(10)}  ${kb(s.raw).padStart(9)}  ${kb(s.gz).padStart(8)}  ${d('raw').padStart(9)}  ${d('gz').padStart(8)}  ${v === 'raw' ? '—' : kb(s.library)}`,
  );
}
writeFileSync(join(SPIKE, 'out', 'sizes.json'), JSON.stringify(sizes, null, 2));
