/**
 * The public pages as a reader's phone gets them: the built web app started as the e2e tests start it (API,
 * DynamoDB Local with the demo data, cognito-local), then the gzipped script and style weight of every public
 * page in ky, ru and en, and Lighthouse (mobile) performance and accessibility for the home, browse and a
 * project page in each language (9 runs). Run by `pnpm bench`, or alone with `tsx tests/bench/pages.ts`;
 * needs `pnpm build` first.
 */
import { DEMO_PASSWORD, DEMO_PROJECTS } from '@mekendesh/demo-data';
import { freshTotpCode } from '../fixtures/totp-codes.js';
import { isMain } from './measure.js';
import { LIGHTHOUSE_GOAL, runLighthouse, type LighthouseRun } from './lighthouse.js';
import { pageWeights, type PageWeight } from './page-weights.js';

// One JSON log line per request would drown the figures; the API reads LOG_LEVEL when it is imported.
process.env.LOG_LEVEL ??= 'warn';
const { startWebStack } = await import('../fixtures/web-stack.js');

const LANGS = ['ky', 'ru', 'en'] as const;
// The newest published demo project: the one the home page and browse list first.
const project = DEMO_PROJECTS.filter((p) => p.status === 'published').sort((a, b) => b.publishedAt!.localeCompare(a.publishedAt!))[0]!;
const organisationId = project.organisationId;
/** Every page a signed-out reader can open (the pledge page sends them to sign in, and that is what they get). */
const PUBLIC_PATHS = [
  '',
  '/projects',
  '/statistics',
  `/projects/${project.id}`,
  `/projects/${project.id}/pledge`,
  `/organisations/${organisationId}`,
  '/organisations/apply',
  '/for-you',
  '/for-you?oblast=41704000000000&rayon=',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/reset-password',
  '/confirm',
];
const LIGHTHOUSE_PAGES = [
  ['home', ''],
  ['browse', '/projects'],
  ['project', `/projects/${project.id}`],
] as const;

/** Page weights (bytes) of each public page in each language, of the staff dashboard, and the Lighthouse runs. */
export interface PagesResult {
  weights: PageWeight[];
  /** The staff dashboard (issue 13) in each language, weighed signed in as the demo staff member. */
  staffWeights: PageWeight[];
  lighthouse: LighthouseRun[];
  goal: typeof LIGHTHOUSE_GOAL;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatWeights(weights: readonly PageWeight[]): string {
  const head = `${'page'.padEnd(44)}${'status'.padStart(7)}${'scripts'.padStart(8)}${'JS gz'.padStart(10)}${'inline JS gz'.padStart(14)}${'CSS gz'.padStart(10)}`;
  const lines = weights.map(
    (w) =>
      `${w.path.padEnd(44)}${String(w.status).padStart(7)}${String(w.scriptFiles).padStart(8)}${kb(w.scriptGz).padStart(10)}${kb(w.inlineScriptGz).padStart(14)}${kb(w.styleGz).padStart(10)}`,
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

export function formatLighthouse(runs: readonly LighthouseRun[]): string {
  const mark = (score: number, goal: number) => `${score}${score < goal ? '!' : ''}`;
  const head = `${'page'.padEnd(10)}${'lang'.padEnd(6)}${'perf'.padStart(6)}${'a11y'.padStart(6)}${'FCP'.padStart(9)}${'LCP'.padStart(9)}${'TBT'.padStart(8)}${'CLS'.padStart(7)}${'SI'.padStart(9)}${'JS'.padStart(9)}`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = runs.map(
    (r) =>
      `${r.page.padEnd(10)}${r.lang.padEnd(6)}${mark(r.performance.score, LIGHTHOUSE_GOAL.performance).padStart(6)}${mark(r.accessibility.score, LIGHTHOUSE_GOAL.accessibility).padStart(6)}` +
      `${s(r.metrics.fcp).padStart(9)}${s(r.metrics.lcp).padStart(9)}${`${r.metrics.tbt.toFixed(0)} ms`.padStart(8)}${r.metrics.cls.toFixed(3).padStart(7)}${s(r.metrics.speedIndex).padStart(9)}${kb(r.scriptTransferBytes).padStart(9)}`,
  );
  const lowering = new Map<string, Set<string>>();
  for (const r of runs) {
    for (const [cat, c] of [
      ['performance', r.performance],
      ['accessibility', r.accessibility],
    ] as const) {
      for (const a of c.lowering) {
        const key = `${cat}: ${a.id} (${a.title})`;
        if (!lowering.has(key)) lowering.set(key, new Set());
        lowering.get(key)!.add(`${r.lang}/${r.page} ${a.score}${a.displayValue ? ` ${a.displayValue}` : ''}`);
      }
    }
  }
  const below = [...lowering].map(([key, where]) => `  ${key}: ${[...where].join('; ')}`);
  return [
    head,
    '-'.repeat(head.length),
    ...lines,
    `goal: performance >= ${LIGHTHOUSE_GOAL.performance}, accessibility ${LIGHTHOUSE_GOAL.accessibility} ('!' marks a score below it)`,
    ...(below.length ? ['audits under 100 (score, value):', ...below] : []),
  ].join('\n');
}

/**
 * Signs in through the web's own form (POSTs as a browser without JavaScript sends them) and returns the session
 * cookies. Staff sign in with two steps (issue 14): the password step answers the code form with the challenge in a
 * hidden field, and the code its authenticator shows now (`totpSecret`, the demo account's) completes it.
 */
async function sessionCookie(webUrl: string, email: string, totpSecret: string | undefined): Promise<string> {
  const post = (fields: Record<string, string>) =>
    fetch(`${webUrl}/en/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: webUrl },
      body: new URLSearchParams(fields),
      redirect: 'manual',
    });
  let res = await post({ email, password: DEMO_PASSWORD });
  if (res.status === 200 && totpSecret) {
    const session = /name="session" value="([^"]+)"/.exec(await res.text())?.[1];
    if (!session) throw new Error(`signing in as ${email} asked for no code (${res.status})`);
    res = await post({ email, session: session.replaceAll('&amp;', '&'), code: await freshTotpCode(totpSecret) });
  }
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  if (res.status !== 303 || !cookies.length) throw new Error(`signing in as ${email} did not finish (${res.status})`);
  return cookies.join('; ');
}

const STAFF = 'staff@demo.mekendesh.kg';

/** Starts the stack, weighs the pages, runs Lighthouse, prints both tables and returns the figures; stops the stack whatever happens. */
export async function runPages(): Promise<PagesResult> {
  console.log('\nPages\nstarting the built web app with the API, DynamoDB Local (demo data) and cognito-local');
  const stack = await startWebStack();
  try {
    const weights = await pageWeights(
      stack.webUrl,
      LANGS.flatMap((lang) => PUBLIC_PATHS.map((p) => `/${lang}${p}`)),
    );
    console.log(`\n${formatWeights(weights)}\n`);
    const cookie = await sessionCookie(stack.webUrl, STAFF, stack.totpSecrets[STAFF]);
    // Weighed only when it is the dashboard itself (pageWeights follows redirects: a sign-in page would pass for it).
    const own = await fetch(`${stack.webUrl}/en/staff/dashboard`, { headers: { cookie }, redirect: 'manual' });
    if (own.status !== 200) throw new Error(`the staff dashboard answered ${own.status} to the signed-in staff member`);
    const staffWeights = await pageWeights(
      stack.webUrl,
      LANGS.map((lang) => `/${lang}/staff/dashboard`),
      { cookie },
    );
    console.log(`Staff dashboard (signed in as staff)\n${formatWeights(staffWeights)}\n`);
    console.log(`Lighthouse 13, mobile preset, ${LANGS.length * LIGHTHOUSE_PAGES.length} runs`);
    const lighthouse = await runLighthouse(
      LANGS.flatMap((lang) => LIGHTHOUSE_PAGES.map(([page, path]) => ({ page, lang, url: `${stack.webUrl}/${lang}${path}` }))),
      (line) => console.log(line),
    );
    console.log(`\n${formatLighthouse(lighthouse)}\n`);
    return { weights, staffWeights, lighthouse, goal: LIGHTHOUSE_GOAL };
  } finally {
    await stack.stop();
  }
}

if (isMain(import.meta.url)) await runPages();
