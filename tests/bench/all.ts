/**
 * `pnpm bench [--small]`: every benchmark, one after another, each printing its own tables as it goes, then one
 * summary table of every figure and `bench-results/report.json` (gitignored) with all of them:
 * sizes (API bundle, web client JS), the public pages (script and style weight of each, Lighthouse mobile
 * performance and accessibility of home, browse and a project page in ky, ru and en; needs `pnpm build`),
 * discovery latency at two table sizes measured side by side (1,000 vs 100,000 projects; 1,000 vs 10,000 with
 * --small) with the work per request and the emulator's own ratio for raw reads, pledges per second, the staff
 * dashboard's latency at 1,000 and 1,000,000 ledger entries (and the dashboard page's JS weight with the pages).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runDiscovery } from './run.js';
import { measureSizes } from './sizes.js';
import { runPledges } from './pledges.js';
import { runDashboard } from './dashboard.js';
import { LIGHTHOUSE_GOAL } from './lighthouse.js';
import { formatSummary, type SummaryRow } from './summary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'bench-results');
const startedAt = new Date();

const failures: Array<{ step: string; error: string }> = [];
/** Runs one step; a step that throws is reported (and fails the command at the end) but does not lose the others' figures. */
async function step<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    console.error(`\n${name} failed:`, error);
    failures.push({ step: name, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    return undefined;
  }
}

// --only=discovery,sizes runs just those steps (the 100,000-project discovery run alone takes over half an hour).
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (name: string) => !only || only.includes(name);
const sizes = wanted('sizes') ? await step('sizes', measureSizes) : undefined;
const built = existsSync(join(root, 'web/build/index.js'));
if (!built && wanted('pages')) console.log('\nPages: web/build is missing, skipped (run `pnpm build` first)');
const pages = built && wanted('pages') ? await step('pages', async () => (await import('./pages.js')).runPages()) : undefined;
const discovery = wanted('discovery') ? await step('discovery', runDiscovery) : undefined;
const pledges = wanted('pledges') ? await step('pledges', runPledges) : undefined;
// 1,000,000 ledger entries by default (--dashboard-entries N or BENCH_DASHBOARD_ENTRIES for fewer on a small machine).
const dashboard = wanted('dashboard') ? await step('dashboard', runDashboard) : undefined;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const rows: SummaryRow[] = failures.map((f) => ({ section: f.step, figure: 'FAILED', value: f.error.slice(0, 100) }));
if (sizes) {
  rows.push({
    section: 'sizes',
    figure: 'API Lambda bundle parsed before its first answer, gzipped (goal <= 300 KB)',
    value: kb(sizes.apiBundle.gz),
  });
  const api = sizes.functions.find((f) => f.name === 'api');
  if (api?.firstAnswer)
    rows.push({
      section: 'sizes',
      figure: 'api function: load and first answer vs bare Node start',
      value: `${api.firstAnswer.ratio.toFixed(2)}x (${ms(api.firstAnswer.loadMs)} vs ${ms(api.firstAnswer.bareMs)})`,
    });
  for (const f of sizes.functions)
    rows.push({
      section: 'sizes',
      figure: `${f.name} function: load vs bare Node start (API goal <= 2x)`,
      value: f.load ? `${f.load.ratio.toFixed(2)}x (${ms(f.load.loadMs)} vs ${ms(f.load.bareMs)})` : (f.error ?? 'not measured'),
    });
  rows.push({
    section: 'sizes',
    figure: 'web client JS, all chunks, gzipped',
    value: sizes.webClient ? kb(sizes.webClient.gz) : 'no build',
  });
}
if (pages) {
  const heaviest = pages.weights.reduce((a, b) => (b.scriptGz + b.inlineScriptGz > a.scriptGz + a.inlineScriptGz ? b : a));
  rows.push({
    section: 'pages',
    figure: `JS referenced by the heaviest of ${pages.weights.length} public pages, gzipped`,
    value: `${kb(heaviest.scriptGz + heaviest.inlineScriptGz)} (${heaviest.path})`,
  });
  rows.push({
    section: 'pages',
    figure: 'CSS of the heaviest public page, gzipped',
    value: kb(Math.max(...pages.weights.map((w) => w.styleGz))),
  });
  for (const r of pages.lighthouse) {
    rows.push({
      section: 'lighthouse',
      figure: `${r.lang} ${r.page} performance`,
      value: String(r.performance.score),
      goal: `>= ${LIGHTHOUSE_GOAL.performance}`,
      ok: r.performance.score >= LIGHTHOUSE_GOAL.performance,
    });
    rows.push({
      section: 'lighthouse',
      figure: `${r.lang} ${r.page} accessibility`,
      value: String(r.accessibility.score),
      goal: String(LIGHTHOUSE_GOAL.accessibility),
      ok: r.accessibility.score >= LIGHTHOUSE_GOAL.accessibility,
    });
  }
}
if (pages) {
  const heaviest = pages.staffWeights.reduce((a, b) => (b.scriptGz + b.inlineScriptGz > a.scriptGz + a.inlineScriptGz ? b : a));
  rows.push({
    section: 'pages',
    figure: 'JS of the staff dashboard (signed in), gzipped',
    value: `${kb(heaviest.scriptGz + heaviest.inlineScriptGz)} (${heaviest.path}, status ${heaviest.status})`,
  });
}
if (dashboard) {
  const { small, large } = dashboard.entries;
  rows.push({
    section: 'dashboard',
    figure: `GET /v1/staff/dashboard, median ${small} / ${large} ledger entries`,
    value: `${ms(dashboard.small.median)} / ${ms(dashboard.large.median)} = ${dashboard.ratio.median.toFixed(2)}`,
    goal: '<= 1.5',
    ok: dashboard.ratio.median <= 1.5,
  });
  rows.push({
    section: 'dashboard',
    figure: `GET /v1/staff/dashboard, p95 ${small} / ${large}`,
    value: `${ms(dashboard.small.p95)} / ${ms(dashboard.large.p95)} = ${dashboard.ratio.p95.toFixed(2)}`,
  });
  rows.push({ section: 'dashboard', figure: `load of ${large} entries and their cells`, value: `${dashboard.load.large.toFixed(0)} s` });
}
for (const op of discovery?.operations ?? []) {
  const { small, large } = discovery!.sizes;
  const { work } = op;
  // A ratio is like for like only when both sizes answer as many items; otherwise the row says so.
  const unequal =
    Math.abs(work.small.itemsAnswered - work.large.itemsAnswered) >= 1
      ? ` (answers ${work.small.itemsAnswered.toFixed(0)} vs ${work.large.itemsAnswered.toFixed(0)} items)`
      : '';
  rows.push({
    section: 'discovery',
    figure: `${op.name}, median ${small} / ${large}${unequal}`,
    value: `${ms(op.small.median)} / ${ms(op.large.median)} = ${op.ratio.median.toFixed(2)}`,
    goal: '<= 1.5',
    ok: op.ratio.median <= 1.5,
  });
  rows.push({
    section: 'discovery',
    figure: `${op.name}, p95 ${small} / ${large}`,
    value: `${ms(op.small.p95)} / ${ms(op.large.p95)} = ${op.ratio.p95.toFixed(2)}`,
  });
  rows.push({
    section: 'discovery',
    figure: `${op.name}, DynamoDB commands / items read per request ${small} / ${large}`,
    value: `${work.small.commands.toFixed(1)} / ${work.small.itemsRead.toFixed(1)}; ${work.large.commands.toFixed(1)} / ${work.large.itemsRead.toFixed(1)}`,
  });
}
for (const b of discovery?.baseline ?? []) {
  const { small, large } = discovery!.sizes;
  rows.push({
    section: 'emulator',
    figure: `${b.name}, median ${small} / ${large}`,
    value: `${ms(b.small.median)} / ${ms(b.large.median)} = ${b.ratio.median.toFixed(2)}`,
  });
}
if (discovery?.load) {
  const { small, large } = discovery.sizes;
  const { load } = discovery;
  rows.push({
    section: 'discovery',
    figure: `bulk load ${small} / ${large} projects, items (s)`,
    value: `${load.small.items} (${load.small.seconds.toFixed(0)} s) / ${load.large.items} (${load.large.seconds.toFixed(0)} s)`,
  });
  rows.push({
    section: 'discovery',
    figure: `bulk load, items/s ${small} / ${large}`,
    value: `${load.small.itemsPerSecond.toFixed(0)} / ${load.large.itemsPerSecond.toFixed(0)}`,
  });
}
if (pledges) {
  rows.push({
    section: 'pledges',
    figure: `pledges/s through the API (${pledges.concurrency} in flight)`,
    value: pledges.perSecond.api.toFixed(0),
  });
  rows.push({ section: 'pledges', figure: 'pledges/s, TransactWriteItems sent directly', value: pledges.perSecond.direct.toFixed(0) });
  rows.push({
    section: 'pledges',
    figure: 'ratio API / direct (MAIL_DELIVERY=stream, as in Lambda)',
    value: pledges.ratio.toFixed(2),
    goal: '>= 0.7',
    ok: pledges.ratio >= 0.7,
  });
  rows.push({
    section: 'pledges',
    figure: 'ratio API / direct, inline (the request sends the email; local)',
    value: pledges.inline.ratio.toFixed(2),
  });
}

mkdirSync(out, { recursive: true });
const file = join(out, 'report.json');
writeFileSync(
  file,
  `${JSON.stringify({ startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), small: process.argv.includes('--small'), only: only ?? null, failures, sizes, pages, discovery, pledges, dashboard, summary: rows }, null, 2)}\n`,
);
console.log(`\nReport (${((Date.now() - startedAt.getTime()) / 60_000).toFixed(1)} min)\n${formatSummary(rows)}\n\nwritten to ${file}`);
if (failures.length) process.exitCode = 1;
