/** Latency sampling and the printed table of the benchmark. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Sample {
  median: number;
  p95: number;
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

function summarise(times: number[]): Sample {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

/**
 * Times the same calls against two targets side by side: call i goes to both, in alternating order (small
 * first on even i, large first on odd), so drift on a noisy machine (other processes, GC, a JVM warming up)
 * lands on both sizes alike instead of in their ratio. `call(i, target)` gets the call number and the target.
 * Returns the median and p95 (ms) of each target's `count` timed calls, after `warmup` untimed pairs.
 */
export async function sampleInterleaved<T extends string>(
  targets: readonly [T, T],
  call: (i: number, target: T) => Promise<void>,
  options: { count: number; warmup: number },
): Promise<Record<T, Sample>> {
  const times = { [targets[0]]: [] as number[], [targets[1]]: [] as number[] } as Record<T, number[]>;
  for (let i = 0; i < options.warmup + options.count; i++) {
    const order = i % 2 === 0 ? targets : ([targets[1], targets[0]] as const);
    for (const target of order) {
      const start = performance.now();
      await call(i, target);
      if (i >= options.warmup) times[target].push(performance.now() - start);
    }
  }
  return { [targets[0]]: summarise(times[targets[0]]), [targets[1]]: summarise(times[targets[1]]) } as Record<T, Sample>;
}

/** One call of a throughput benchmark; `i` numbers the calls of a path from 0, so each can differ (its own key, investor). */
export type Call = (i: number) => Promise<void>;

/** Runs calls [from, to), `concurrency` at a time; returns the milliseconds it took. */
async function timed(from: number, to: number, concurrency: number, call: Call): Promise<number> {
  let next = from;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < to) await call(next++);
    }),
  );
  return performance.now() - started;
}

/**
 * Throughput of two paths measured side by side: `count` calls of each, in `rounds` alternating rounds (A B, B A,
 * A B, ...; calls [r*count/rounds, (r+1)*count/rounds) in round r), `concurrency` in flight within a round.
 * Returns each path's calls per second over its own rounds only, so drift on a noisy machine hits both alike.
 */
export async function interleavedRates<K extends string>(
  paths: Record<K, Call>,
  order: readonly [K, K],
  { count, concurrency, rounds }: { count: number; concurrency: number; rounds: number },
): Promise<Record<K, number>> {
  const spent = { [order[0]]: 0, [order[1]]: 0 } as Record<K, number>;
  for (let r = 0; r < rounds; r++) {
    const from = Math.floor((r * count) / rounds);
    const to = Math.floor(((r + 1) * count) / rounds);
    const pair = r % 2 === 0 ? order : ([order[1], order[0]] as const);
    for (const path of pair) spent[path] += await timed(from, to, concurrency, paths[path]);
  }
  return { [order[0]]: (count / spent[order[0]]) * 1000, [order[1]]: (count / spent[order[1]]) * 1000 } as Record<K, number>;
}

const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
const ratio = (a: number, b: number) => `${(b / a).toFixed(2)}`.padStart(6);

/** The result table: each operation at both sizes and the ratio large/small for median and p95. */
export function formatTable(small: number, large: number, rows: Array<{ name: string; small: Sample; large: Sample }>): string {
  const head = `${'operation'.padEnd(46)}${`median ${small}`.padStart(14)}${`median ${large}`.padStart(14)}${'ratio'.padStart(7)}${`p95 ${small}`.padStart(12)}${`p95 ${large}`.padStart(12)}${'ratio'.padStart(7)}`;
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(46)}${ms(r.small.median).padStart(14)}${ms(r.large.median).padStart(14)}${ratio(r.small.median, r.large.median).padStart(7)}` +
      `${ms(r.small.p95).padStart(12)}${ms(r.large.p95).padStart(12)}${ratio(r.small.p95, r.large.p95).padStart(7)}`,
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

/** True when the module at `moduleUrl` (its `import.meta.url`) is the script node/tsx was started with, not an import of `pnpm bench`. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && pathToFileURL(resolve(script)).href === moduleUrl;
}
