/**
 * Sizes that matter on a cold Lambda and a slow phone: every function's bundle (as infra bundles it: bytes parsed at
 * load and in all, raw and gzipped) with its load time beside a bare Node start (function-sizes.ts), and the web app's
 * client JavaScript, raw and gzipped (bytes). Run by `pnpm bench`, or alone with
 * `tsx tests/bench/sizes.ts`; prints the figures and returns them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { measureFunctions, type FunctionFigures } from './function-sizes.js';
import { isMain } from './measure.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

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

/** The API function's bundle (bytes parsed before its first answer, gzipped and raw) and time to its first answer, every function's figures, and the web client. */
export interface SizesResult {
  apiBundle: { raw: number; gz: number; ms: number };
  functions: FunctionFigures[];
  webClient: { count: number; raw: number; gz: number } | undefined;
}

export async function measureSizes(): Promise<SizesResult> {
  console.log('\nSizes');
  const functions = await measureFunctions();
  const api = functions.find((f) => f.name === 'api');
  if (!api?.eager || !api.load) throw new Error(`the API function could not be measured: ${api?.error ?? 'no entry'}`);
  const web = webClient();
  console.log(
    web
      ? `  Web client JS, all chunks (public pages load none: csr is off): ${web.count} files, ${kb(web.raw)} raw, ${kb(web.gz)} gzipped`
      : '  Web client JS: web/build missing (run pnpm build)',
  );
  return { apiBundle: { ...api.start!, ms: api.firstAnswer?.loadMs ?? api.load.loadMs }, functions, webClient: web };
}

if (isMain(import.meta.url)) await measureSizes();
