/**
 * Lighthouse (13, its default mobile preset: a Moto G Power-sized screen, simulated slow 4G and 4x CPU slowdown)
 * performance and accessibility scores for pages of the running web app, with one Chromium
 * (/usr/bin/chromium, or CHROME_PATH) launched once for all runs. About 15 s a page on this machine.
 */
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';

/** A category's score as Lighthouse shows it (0-100), and the audits that kept it below 100. */
interface CategoryScore {
  score: number;
  lowering: Array<{ id: string; title: string; score: number; displayValue?: string }>;
}

/** One page's figures: scores, the five lab metrics (ms; CLS unitless) and the script bytes it transferred. */
export interface LighthouseRun {
  page: string;
  lang: string;
  url: string;
  performance: CategoryScore;
  accessibility: CategoryScore;
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number };
  scriptTransferBytes: number;
  totalTransferBytes: number;
  warnings: string[];
}

/** The goal from issue 9: performance at least 95, accessibility 100. */
export const LIGHTHOUSE_GOAL = { performance: 95, accessibility: 100 } as const;

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Without these Chromium keeps dialling hosts this network refuses (STACK-NOTES).
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The audits that lowered a category: weighted audits scoring under 1 and, when the score misses the goal, the
 * insights Lighthouse flags (unweighted, but they say what to fix), worst first.
 */
function category(lhr: Result, id: 'performance' | 'accessibility'): CategoryScore {
  const cat = lhr.categories[id]!;
  const missed = Math.round((cat.score ?? 0) * 100) < LIGHTHOUSE_GOAL[id];
  const lowering = cat.auditRefs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
    .filter(
      ({ ref, audit }) =>
        audit.score !== null && audit.score < 1 && (ref.weight > 0 || (missed && ref.group === 'insights' && audit.score < 0.9)),
    )
    .sort((a, b) => a.audit.score! - b.audit.score!)
    .map(({ audit }) => ({
      id: audit.id,
      title: audit.title,
      score: Math.round(audit.score! * 100),
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
    }));
  return { score: Math.round((cat.score ?? 0) * 100), lowering };
}

function transfer(lhr: Result, type: string): number {
  const items =
    (lhr.audits['resource-summary']?.details as { items?: Array<{ resourceType: string; transferSize: number }> } | undefined)?.items ?? [];
  return items.find((i) => i.resourceType === type)?.transferSize ?? 0;
}

/**
 * Runs Lighthouse on each page in turn (never in parallel: they would slow each other's simulated CPU) and
 * returns the scores. Kills its Chromium whatever happens.
 */
export async function runLighthouse(
  pages: ReadonlyArray<{ page: string; lang: string; url: string }>,
  log: (line: string) => void = () => {},
): Promise<LighthouseRun[]> {
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  try {
    const runs: LighthouseRun[] = [];
    for (const p of pages) {
      const started = performance.now();
      const result = await lighthouse(p.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${p.url}`);
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`Lighthouse failed on ${p.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      const run: LighthouseRun = {
        ...p,
        performance: category(lhr, 'performance'),
        accessibility: category(lhr, 'accessibility'),
        metrics: {
          fcp: num('first-contentful-paint'),
          lcp: num('largest-contentful-paint'),
          tbt: num('total-blocking-time'),
          cls: num('cumulative-layout-shift'),
          speedIndex: num('speed-index'),
        },
        scriptTransferBytes: transfer(lhr, 'script'),
        totalTransferBytes: transfer(lhr, 'total'),
        warnings: lhr.runWarnings,
      };
      runs.push(run);
      log(
        `  ${p.lang} ${p.page.padEnd(8)} performance ${run.performance.score}, accessibility ${run.accessibility.score} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    return runs;
  } finally {
    chrome.kill();
  }
}
