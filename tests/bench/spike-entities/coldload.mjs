/**
 * Cold load of each bundle in a fresh Node process: import it and declare its entities (createVariant
 * makes no request), median of ROUNDS wall times, each round also timing a bare `node -e 0` so that the
 * figure is what the bundle adds. Rounds rotate the order so that no variant always runs first.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SPIKE = process.env.SPIKE ?? '/tmp/spike';
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const variants = ['raw', 'electrodb', 'toolbox'];
const script = (v) =>
  `const m = await import(${JSON.stringify(join(SPIKE, 'out', `${v}.mjs`))}); m.createVariant({ endpoint: 'http://127.0.0.1:9', tableName: 't' });`;
const time = (args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const runs = { bare: [], ...Object.fromEntries(variants.map((v) => [v, []])) };
for (let r = 0; r < ROUNDS; r++) {
  const order = ['bare', ...variants];
  for (let k = 0; k < r % order.length; k++) order.push(order.shift());
  for (const v of order) runs[v].push(v === 'bare' ? time(['-e', '0']) : time(['--input-type=module', '-e', script(v)]));
}
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const bare = median(runs.bare);
console.log(`cold load, median of ${ROUNDS} (ms): bare node ${bare.toFixed(0)}`);
for (const v of variants)
  console.log(`  ${v.padEnd(10)} ${median(runs[v]).toFixed(0)} ms total, +${(median(runs[v]) - bare).toFixed(0)} ms over bare node`);
