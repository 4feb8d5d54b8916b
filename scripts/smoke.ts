/**
 * `pnpm smoke <site url> [--api <api base url>]`: checks a running Mekendesh from the outside, one line per check with
 * its time, exit code 1 if any fails (2 for a wrong argument).
 *   - the API's health (`<api>/health`: 200, `{"status":"ok"}`); the API is `<site>/v1` (same origin behind CloudFront,
 *     and through Vite's proxy under `pnpm dev`) unless `--api` names it (the e2e stack runs it on its own port);
 *   - a page in each language (/ky, /ru, /en): 200, `<html lang>` right, security headers (CSP, HSTS over https,
 *     frame-ancestors or X-Frame-Options, nosniff);
 *   - the OpenAPI document (`<api>/openapi.json`) parses and has paths;
 *   - a static asset the page links (/_app/immutable/…): 200 with a year-long cache. `vite dev` links none: skipped
 *     over http, a failure over https (a deployed stage always has them).
 * @example pnpm smoke https://d111111abcdef8.cloudfront.net
 */
import { parseArgs } from 'node:util';

const TIMEOUT_MS = 15_000;
const LANGS = ['ky', 'ru', 'en'] as const;

interface Outcome {
  ok: boolean;
  detail: string;
  skipped?: boolean;
}

async function get(url: string): Promise<Response> {
  return fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { 'user-agent': 'mekendesh-smoke' } });
}

/** Runs one check, prints `✔|✖|– <name> <ms> ms <detail>`, and answers whether it passed. */
async function check(name: string, run: () => Promise<Outcome>): Promise<boolean> {
  const started = performance.now();
  let outcome: Outcome;
  try {
    outcome = await run();
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    outcome = { ok: false, detail: `${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}` };
  }
  const ms = Math.round(performance.now() - started);
  const mark = outcome.skipped ? '–' : outcome.ok ? '\u2714' : '\u2716';
  console.log(`${mark} ${name.padEnd(22)} ${String(ms).padStart(5)} ms  ${outcome.detail}`);
  return outcome.ok;
}

async function health(api: string): Promise<Outcome> {
  const res = await get(`${api}/health`);
  const body = res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { status?: string }) : undefined;
  const ok = res.status === 200 && body?.status === 'ok';
  return {
    ok,
    detail: ok ? `200 ${JSON.stringify(body)}` : `expected 200 {"status":"ok"}, got ${res.status} ${JSON.stringify(body ?? null)}`,
  };
}

/** What is wrong with a page's security headers, empty when nothing. */
function headerProblems(headers: Headers, https: boolean): string[] {
  const problems: string[] = [];
  const csp = headers.get('content-security-policy');
  if (!csp) problems.push('no Content-Security-Policy');
  if (https && !headers.get('strict-transport-security')) problems.push('no Strict-Transport-Security');
  if (!/frame-ancestors/.test(csp ?? '') && !headers.get('x-frame-options')) problems.push('neither frame-ancestors nor X-Frame-Options');
  if (headers.get('x-content-type-options')?.toLowerCase() !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff');
  return problems;
}

async function page(site: string, lang: string, assets: Set<string>): Promise<Outcome> {
  const res = await get(`${site}/${lang}`);
  const html = await res.text();
  const problems = res.status === 200 ? [] : [`status ${res.status}`];
  const htmlLang = /<html[^>]*\blang="([^"]*)"/i.exec(html)?.[1];
  if (htmlLang !== lang) problems.push(`<html lang="${htmlLang ?? ''}">`);
  problems.push(...headerProblems(res.headers, new URL(res.url).protocol === 'https:'));
  // Kit links assets relative to the page by default (`./_app/…`, `../_app/…`): resolved against the page's URL.
  for (const m of html.matchAll(/["'(]((?:\.{0,2}\/)+_app\/immutable\/[^"')\s?#]+)/g)) assets.add(new URL(m[1]!, res.url).pathname);
  return { ok: problems.length === 0, detail: problems.length ? problems.join('; ') : `200 lang=${lang}, security headers present` };
}

async function openapi(api: string): Promise<Outcome> {
  const res = await get(`${api}/openapi.json`);
  const doc = (await res.json()) as { openapi?: string; paths?: Record<string, unknown> };
  const paths = Object.keys(doc.paths ?? {}).length;
  const ok = res.status === 200 && paths > 0;
  return { ok, detail: ok ? `OpenAPI ${doc.openapi}, ${paths} paths` : `status ${res.status}, ${paths} paths` };
}

async function asset(site: string, assets: Set<string>): Promise<Outcome> {
  const path = [...assets].sort()[0];
  if (!path) {
    if (new URL(site).protocol === 'https:') return { ok: false, detail: 'the pages link no /_app/immutable/ asset' };
    return { ok: true, skipped: true, detail: 'skipped: the pages link no /_app/immutable/ asset (vite dev serves sources)' };
  }
  const res = await get(`${site}${path}`);
  await res.arrayBuffer();
  const cache = res.headers.get('cache-control') ?? '';
  const maxAge = Number(/max-age=(\d+)/.exec(cache)?.[1] ?? 0);
  // A year (31536000 s) is what adapter-node and the CloudFront behaviour give immutable files; a day is too short.
  const ok = res.status === 200 && (maxAge >= 31_536_000 || /immutable/.test(cache));
  return { ok, detail: `${res.status} ${path} cache-control: ${cache || '(none)'}` };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: { api: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (e) {
    console.error(`${(e as Error).message}\nusage: pnpm smoke <site url> [--api <api base url>]`);
    return 2;
  }
  const [target] = parsed.positionals;
  if (!target || !URL.canParse(target) || parsed.positionals.length > 1) {
    console.error('usage: pnpm smoke <site url> [--api <api base url>]   (e.g. pnpm smoke http://localhost:5173)');
    return 2;
  }
  const site = target.replace(/\/+$/, '');
  const api = (parsed.values.api ?? `${site}/v1`).replace(/\/+$/, '');
  console.log(`Smoke test of ${site} (API ${api})`);
  const assets = new Set<string>();
  const results = [await check('API health', () => health(api))];
  for (const lang of LANGS) results.push(await check(`page /${lang}`, () => page(site, lang, assets)));
  results.push(await check('OpenAPI document', () => openapi(api)));
  results.push(await check('static asset', () => asset(site, assets)));
  const failed = results.filter((ok) => !ok).length;
  console.log(failed ? `\u2716 ${failed} of ${results.length} checks failed` : `\u2714 all ${results.length} checks passed`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
